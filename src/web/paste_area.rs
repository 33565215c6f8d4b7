//! One paste area: its name, its text and a button to remove it.
//!
//! A long paste ([`is_long`]) is shown as a read-only [`Preview`] with an "Edit anyway" button:
//! Chromium lays out a text area of megabytes for seconds after each edit. A long clipboard is
//! therefore handed to the state without the browser's own insertion, and the text area is kept
//! only where the person is already editing in it.
//!
//! The text area is uncontrolled: a controlled one reads its whole value back from the DOM and
//! compares it on every render, 5 MB per key in a long paste. It is set only when the paste's
//! text is not the text the area itself gave (a link, a file, the example, a cut paste).

use super::markup::reduced;
use super::state::Paste;
use crate::span::floor_char_boundary;
use std::cell::RefCell;
use std::rc::Rc;
use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{ClipboardEvent, DataTransfer, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// From this many bytes a paste is shown as a preview and a pasted clipboard skips the text
/// area: below it Chromium's layout after an edit stays within a frame or two.
pub const LONG_PASTE_BYTES: usize = 256 * 1024;

/// How much of a long paste its preview shows.
pub const PREVIEW_BYTES: usize = 3 * 1024;

/// Whether `text` is too long to edit smoothly in a text area.
pub fn is_long(text: &str) -> bool {
    text.len() >= LONG_PASTE_BYTES
}

/// What a long paste shows instead of its text area.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The first [`PREVIEW_BYTES`] or fewer, ending on a character boundary.
    pub start: String,
    /// Its size and words, and why it is not editable: "5.0 MB, 81,234 words — too long to edit
    /// here smoothly".
    pub summary: String,
}

impl Preview {
    /// The preview of `text`.
    pub fn of(text: &str) -> Preview {
        let start = text[..floor_char_boundary(text, PREVIEW_BYTES)].to_string();
        let size = match text.len() {
            b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
            b => format!("{} KB", b / 1000),
        };
        // Split at ASCII whitespace: a label's count, without decoding megabytes of UTF-8.
        let words = grouped(text.split_ascii_whitespace().count());
        Preview { start, summary: format!("{size}, {words} words — too long to edit here smoothly") }
    }
}

/// `n` with a comma between each group of three digits: 81,234.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsString) -> Uint8Array;
    /// A `DataTransfer` whose `getData` gives the JavaScript string itself.
    type Clipboard;
    #[wasm_bindgen(method, js_name = getData)]
    fn text_of(this: &Clipboard, format: &str) -> JsString;
}

/// The clipboard's data of `format`, encoded by the browser's `TextEncoder`: wasm-bindgen's own
/// passing of a string copies ASCII one character at a time in JavaScript (83 ms of the e2e
/// test's 5 MB paste, against 27 ms for this whole handler).
fn clipboard_data(data: &DataTransfer, format: &str) -> Option<String> {
    String::from_utf8(TextEncoder::new().encode(&data.unchecked_ref::<Clipboard>().text_of(format)).to_vec()).ok()
}

/// The clipboard's `text/html`, reduced to what the cleaner reads; none when it carries none.
fn clipboard_markup(data: &DataTransfer) -> Option<Rc<str>> {
    let html = clipboard_data(data, "text/html").filter(|html| !html.trim().is_empty())?;
    Some(reduced(&html)).filter(|markup| !markup.is_empty()).map(Into::into)
}

/// `value` with the UTF-16 range `start..end` (a text area's selection) replaced by `pasted`.
pub fn splice_utf16(value: &str, start: usize, end: usize, pasted: &str) -> String {
    let byte_at = |unit: usize| {
        let mut units = 0;
        value.char_indices().find(|(_, c)| {
            let here = units >= unit;
            units += c.len_utf16();
            here
        }).map_or(value.len(), |(at, _)| at)
    };
    let (start, end) = (byte_at(start), byte_at(end.max(start)));
    [&value[..start], pasted, &value[end..]].concat()
}

/// What a paste area shows and whom it tells of changes.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The paste shown.
    pub paste: Paste,
    /// Whether this is the only paste (which cannot be removed, only emptied).
    pub only: bool,
    /// The name was edited: the new name.
    pub onrename: Callback<String>,
    /// The text was edited: the text area's text, shared with the state from then on.
    pub onedit: Callback<Rc<str>>,
    /// A clipboard is being pasted: its markup, if any, and whether it replaces all the text
    /// (told before the edit of the text).
    pub onmarkup: Callback<(Option<Rc<str>>, bool)>,
    /// The × was pressed.
    pub onremove: Callback<()>,
}

/// The text a text area holds, as last set or read: the state's own `Rc` when they agree.
type Shown = Rc<RefCell<Option<Rc<str>>>>;

/// One paste: its name field, its size, its × and its text area.
#[function_component(PasteArea)]
pub fn paste_area(props: &Props) -> Html {
    let Props { paste, only, onrename, onedit, onmarkup, onremove } = props;
    let name_id = format!("paste-{}-name", paste.id);
    let text_id = format!("paste-{}-text", paste.id);
    let area = use_node_ref();
    let shown: Shown = use_mut_ref(|| None);
    // The person asked for the text area whatever the paste's size (or is editing in it).
    let editing = use_state_eq(|| false);
    let previewed = is_long(&paste.text) && !*editing;
    {
        let (area, shown) = (area.clone(), shown.clone());
        use_effect_with((paste.text.clone(), previewed), move |(text, previewed)| match previewed {
            false => show_in(&area, &shown, text),
            // The text area is gone: a new one must be set again.
            true => *shown.borrow_mut() = None,
        });
    }
    let preview = use_memo((paste.text.clone(), previewed), |(text, previewed)| previewed.then(|| Preview::of(text)));
    let onrename = onrename.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onpaste = {
        let (onedit, onmarkup, editing) = (onedit.clone(), onmarkup.clone(), editing.clone());
        Callback::from(move |e: Event| {
            let Some(data) = e.dyn_ref::<ClipboardEvent>().and_then(|e| e.clipboard_data()) else { return };
            let Some(pasted) = clipboard_data(&data, "text") else { return };
            let field = e.target_unchecked_into::<HtmlTextAreaElement>();
            let selection = |at: Result<Option<u32>, _>| at.ok().flatten().unwrap_or(u32::MAX) as usize;
            let (start, end) = (selection(field.selection_start()), selection(field.selection_end()));
            let whole = start == 0 && end >= field.text_length() as usize;
            onmarkup.emit((clipboard_markup(&data), whole));
            if !is_long(&pasted) || *editing {
                return;
            }
            e.prevent_default();
            onedit.emit(splice_utf16(&field.value(), start, end, &pasted).into());
        })
    };
    let onedit = {
        let editing = editing.clone();
        onedit.reform(move |e: InputEvent| {
            let text: Rc<str> = e.target_unchecked_into::<HtmlTextAreaElement>().value().into();
            if is_long(&text) {
                editing.set(true);
            }
            *shown.borrow_mut() = Some(text.clone());
            text
        })
    };
    let edit_anyway = Callback::from(move |_: MouseEvent| editing.set(true));
    let onremove = onremove.reform(|_: MouseEvent| ());
    let label = if paste.name.trim().is_empty() { "this paste".to_string() } else { paste.name.clone() };

    html! {
        <section class="paste">
            <div class="paste-head">
                <label class="visually-hidden" for={name_id.clone()}>{ "Name of the paste" }</label>
                <input id={name_id} class="paste-name" type="text" value={paste.name.clone()}
                    oninput={onrename} spellcheck="false" autocomplete="off" placeholder="Name" />
                <span class="paste-size">{ size_label(paste.text.len()) }</span>
                <button class="remove" onclick={onremove} disabled={*only}
                    aria-label={format!("Remove {label}")} title="Remove this paste">{ "×" }</button>
            </div>
            if let Some(Preview { start, summary }) = &*preview {
                <p class="paste-summary">{ summary }</p>
                <pre class="paste-preview" role="region" tabindex="0" aria-label={format!("Start of {label}")}>{ start }</pre>
                <button class="edit-anyway" onclick={edit_anyway}>{ "Edit anyway" }</button>
            } else {
                if is_long(&paste.text) {
                    <p class="paste-summary">{ "Editing is slow at this size: each key may take a second or more." }</p>
                }
                <label class="visually-hidden" for={text_id.clone()}>{ format!("Text of {label}") }</label>
                <textarea id={text_id} class="paste-text" ref={area} oninput={onedit} {onpaste}
                    spellcheck="false" placeholder="Paste a whole news article here: select all on the page, copy, paste." />
            }
        </section>
    }
}

/// Sets the text area to `text` unless it already holds it (it gave that very `Rc`).
fn show_in(area: &NodeRef, shown: &Shown, text: &Rc<str>) {
    let holds = shown.borrow().as_ref().is_some_and(|held| Rc::ptr_eq(held, text));
    if let (false, Some(element)) = (holds, area.cast::<HtmlTextAreaElement>()) {
        element.set_value(text);
        *shown.borrow_mut() = Some(text.clone());
    }
}

fn size_label(bytes: usize) -> String {
    match bytes {
        0 => "empty".into(),
        b if b < 10_000 => format!("{b} bytes"),
        b if b < 10_000_000 => format!("{} KB", b / 1000),
        b => format!("{} MB", b / 1_000_000),
    }
}
