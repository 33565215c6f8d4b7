//! The row of buttons that act on all pastes: add one, load the example, clear them all,
//! analyse, share.

use yew::prelude::*;

/// The buttons' state and what each does.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// An analysis is running: analysing again would only queue the same work.
    pub busy: bool,
    /// "+ Add paste".
    pub onadd: Callback<()>,
    /// "Load example".
    pub onloadexample: Callback<()>,
    /// "Clear all".
    pub onclear: Callback<()>,
    /// "Analyze".
    pub onanalyze: Callback<()>,
    /// "Share link".
    pub onshare: Callback<()>,
}

/// The row of buttons.
#[function_component(Controls)]
pub fn controls(props: &Props) -> Html {
    let click = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    html! {
        <div class="controls" role="toolbar" aria-label="Pastes">
            <button id="add-paste" onclick={click(&props.onadd)}>{ "+ Add paste" }</button>
            <button id="load-example" onclick={click(&props.onloadexample)}>{ "Load example" }</button>
            <button id="clear-all" onclick={click(&props.onclear)}
                title="Empty every paste and the report, to start clean">{ "Clear all" }</button>
            <button id="share" onclick={click(&props.onshare)}
                title="Put these pastes in the page's address, to share or bookmark">{ "Share link" }</button>
            <button id="analyze" class="primary" onclick={click(&props.onanalyze)} disabled={props.busy}>
                { if props.busy { "Analysing…" } else { "Analyze" } }
            </button>
        </div>
    }
}
