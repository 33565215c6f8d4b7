//! One paste area: its name, its text, a button to open a text file into it and one to remove it.

use super::state::{Paste, MAX_PASTE_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReader, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub paste: Paste,
    /// Whether this is the only paste (which cannot be removed, only emptied).
    pub only: bool,
    pub onrename: Callback<String>,
    pub onedit: Callback<String>,
    /// A text file was opened into this paste: its name and its text.
    pub onopen: Callback<(String, String)>,
    pub onremove: Callback<()>,
}

#[function_component(PasteArea)]
pub fn paste_area(props: &Props) -> Html {
    let Props { paste, only, onrename, onedit, onopen, onremove } = props;
    let name_id = format!("paste-{}-name", paste.id);
    let text_id = format!("paste-{}-text", paste.id);
    let file_id = format!("paste-{}-file", paste.id);
    let onrename = onrename.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onedit = onedit.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onfile = {
        let onopen = onopen.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_text(file, onopen.clone());
            }
            // The same file may be opened again.
            input.set_value("");
        })
    };
    let onremove = onremove.reform(|_: MouseEvent| ());
    let label = if paste.name.trim().is_empty() { "this paste".to_string() } else { paste.name.clone() };

    html! {
        <section class="paste">
            <div class="paste-head">
                <label class="visually-hidden" for={name_id.clone()}>{ "Name of the paste" }</label>
                <input id={name_id} class="paste-name" type="text" value={paste.name.clone()}
                    oninput={onrename} spellcheck="false" autocomplete="off" placeholder="Name" />
                <span class="paste-size">{ size_label(paste.text.len()) }</span>
                <label class="open-file" for={file_id.clone()} title="Open a text file into this paste">{ "Open file" }</label>
                <input id={file_id} class="visually-hidden" type="file" accept=".txt,text/plain" onchange={onfile} />
                <button class="remove" onclick={onremove} disabled={*only}
                    aria-label={format!("Remove {label}")} title="Remove this paste">{ "×" }</button>
            </div>
            <label class="visually-hidden" for={text_id.clone()}>{ format!("Text of {label}") }</label>
            <textarea id={text_id} class="paste-text" value={AttrValue::from(paste.text.clone())} oninput={onedit}
                spellcheck="false" placeholder="Paste a whole news article here: select all on the page, copy, paste." />
        </section>
    }
}

/// Reads `file` as UTF-8 text and hands its name and text to `onopen`. Only a little more than
/// a paste may hold is read, however large the file: the paste is then cut and says so.
fn read_text(file: File, onopen: Callback<(String, String)>) {
    let Ok(reader) = FileReader::new() else { return };
    let name = file.name();
    let Ok(head) = file.slice_with_f64_and_f64(0.0, (MAX_PASTE_BYTES + 4) as f64) else { return };
    let on_load = {
        let reader = reader.clone();
        Closure::once_into_js(move || {
            if let Some(text) = reader.result().ok().and_then(|result| result.as_string()) {
                onopen.emit((name, text));
            }
        })
    };
    reader.set_onload(Some(on_load.unchecked_ref()));
    let _ = reader.read_as_text(&head);
}

fn size_label(bytes: usize) -> String {
    match bytes {
        0 => "empty".into(),
        b if b < 10_000 => format!("{b} bytes"),
        b if b < 10_000_000 => format!("{} KB", b / 1000),
        b => format!("{} MB", b / 1_000_000),
    }
}
