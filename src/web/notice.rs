//! A plain message for the person, with a button to dismiss it and, optionally, one to act on
//! it (the "Undo" of "Clear all").

use yew::prelude::*;

/// The message and its buttons.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the page says, in plain words.
    pub message: String,
    /// The id of the message's paragraph (the tests find a notice by it).
    #[prop_or(AttrValue::Static("notice-text"))]
    pub text_id: AttrValue,
    /// The ×.
    pub ondismiss: Callback<()>,
    /// The label of the button beside the dismiss button, if the message offers one.
    #[prop_or_default]
    pub action: Option<AttrValue>,
    /// The button named by `action`.
    #[prop_or_default]
    pub onaction: Callback<()>,
}

/// A dismissible message, heard by screen readers.
#[function_component(Notice)]
pub fn notice(props: &Props) -> Html {
    html! {
        <div class="notice" role="alert">
            <p id={props.text_id.clone()}>{ &props.message }</p>
            if let Some(label) = &props.action {
                <button id="notice-action" class="notice-action" onclick={props.onaction.reform(|_: MouseEvent| ())}>
                    { label }
                </button>
            }
            <button class="dismiss" onclick={props.ondismiss.reform(|_: MouseEvent| ())} aria-label="Dismiss message">
                { "×" }
            </button>
        </div>
    }
}
