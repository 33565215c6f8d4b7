//! A plain message for the person, with a button to dismiss it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub message: String,
    pub ondismiss: Callback<()>,
}

#[function_component(Notice)]
pub fn notice(props: &Props) -> Html {
    html! {
        <div class="notice" role="alert">
            <p id="notice-text">{ &props.message }</p>
            <button class="dismiss" onclick={props.ondismiss.reform(|_: MouseEvent| ())} aria-label="Dismiss message">
                { "×" }
            </button>
        </div>
    }
}
