//! One paste area: its name, its text and a button to remove it.

use super::state::Paste;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub paste: Paste,
    /// Whether this is the only paste (which cannot be removed, only emptied).
    pub only: bool,
    pub onrename: Callback<String>,
    pub onedit: Callback<String>,
    pub onremove: Callback<()>,
}

#[function_component(PasteArea)]
pub fn paste_area(props: &Props) -> Html {
    let Props { paste, only, onrename, onedit, onremove } = props;
    let name_id = format!("paste-{}-name", paste.id);
    let text_id = format!("paste-{}-text", paste.id);
    let onrename = onrename.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onedit = onedit.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
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
            <textarea id={text_id} class="paste-text" value={paste.text.clone()} oninput={onedit}
                spellcheck="false" placeholder="Paste a whole news article here: select all on the page, copy, paste." />
        </section>
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
