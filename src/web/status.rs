//! The status line: "Analysing…" with a Cancel button while an analysis runs in the worker,
//! and what became of it when the person cancelled. Screen readers hear it (`aria-live`).

use super::state::Phase;
use yew::prelude::*;

/// Where the analysis stands, and what Cancel does.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Where the analysis stands.
    pub phase: Phase,
    /// "Cancel".
    pub oncancel: Callback<()>,
}

/// The status line.
#[function_component(Status)]
pub fn status(props: &Props) -> Html {
    html! {
        <div class="status" aria-live="polite">
            { match &props.phase {
                Phase::Analysing { .. } => html! {
                    <p id="analysing" class="analysing">
                        <span class="spinner" aria-hidden="true"></span>
                        { "Analysing… The page stays usable; a long paste can take a while." }
                        <button id="cancel" onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                    </p>
                },
                Phase::Cancelled => html! {
                    <p id="cancelled" class="cancelled">{ "Analysis cancelled. Press Analyze to start it again." }</p>
                },
                Phase::Idle | Phase::Done { .. } => Html::default(),
            } }
        </div>
    }
}
