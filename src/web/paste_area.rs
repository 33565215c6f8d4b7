//! One paste area: its name, its text and a button to remove it.
//!
//! The text area is uncontrolled: a controlled one reads its whole value back from the DOM and
//! compares it on every render, 5 MB per key in a long paste. It is set only when the paste's
//! text is not the text the area itself gave (a link, a file, the example, a cut paste).

use super::state::Paste;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

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
    /// The × was pressed.
    pub onremove: Callback<()>,
}

/// The text a text area holds, as last set or read: the state's own `Rc` when they agree.
type Shown = Rc<RefCell<Option<Rc<str>>>>;

/// One paste: its name field, its size, its × and its text area.
#[function_component(PasteArea)]
pub fn paste_area(props: &Props) -> Html {
    let Props { paste, only, onrename, onedit, onremove } = props;
    let name_id = format!("paste-{}-name", paste.id);
    let text_id = format!("paste-{}-text", paste.id);
    let area = use_node_ref();
    let shown: Shown = use_mut_ref(|| None);
    {
        let (area, shown) = (area.clone(), shown.clone());
        use_effect_with(paste.text.clone(), move |text| show_in(&area, &shown, text));
    }
    let onrename = onrename.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onedit = onedit.reform(move |e: InputEvent| {
        let text: Rc<str> = e.target_unchecked_into::<HtmlTextAreaElement>().value().into();
        *shown.borrow_mut() = Some(text.clone());
        text
    });
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
            <label class="visually-hidden" for={text_id.clone()}>{ format!("Text of {label}") }</label>
            <textarea id={text_id} class="paste-text" ref={area} oninput={onedit}
                spellcheck="false" placeholder="Paste a whole news article here: select all on the page, copy, paste." />
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
