//! The page: the paste areas, the controls and the report, wired to the state's reducer.
//!
//! Side effects live here, each in one effect keyed on the state it follows: the drafts follow
//! the person's own pastes ([`State::drafts`]), the address bar follows the link, and the
//! analysis worker follows the run under way (it starts the run, and stops it if the run ends
//! before its report came: cancelled, or made stale by an edit).

use super::controls::Controls;
use super::file_opener::FileOpener;
use super::notice::Notice;
use super::paste_area::PasteArea;
use super::results::{Export, Results};
use super::share_box::ShareBox;
use super::state::{Action, Drafts, Phase, SharedReport, State};
use super::status::Status;
use super::verdict_panel::{jump_link, VerdictPanel};
use super::worker::Analyst;
use super::{browser, drafts};
use crate::Input;
use yew::prelude::*;

/// The state this visit opens with, from the page's address and local storage.
fn initial_state() -> State {
    opening_state(&browser::fragment(), drafts::load())
}

/// The state a page opens with, given its address's fragment and the saved drafts: the pastes
/// of the link if there is one, analysed; else the drafts; else (a first visit) the example,
/// analysed, as if the person had pressed "Load example" then "Analyze".
pub fn opening_state(fragment: &str, saved: Option<Vec<Input>>) -> State {
    match (fragment, saved) {
        ("", None) => State::default().apply(Action::LoadExample).apply(Action::Analyze),
        ("", Some(own)) => State::with_inputs(&own),
        (fragment, saved) => {
            saved.map_or_else(State::default, |own| State::with_inputs(&own)).apply(Action::OpenLink(fragment.to_string()))
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_effect_with((), |_| browser::register_service_worker());

    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = browser::on_fragment_change(move |fragment| dispatcher.dispatch(Action::OpenLink(fragment)));
            move || drop(listener)
        });
    }
    {
        let dispatcher = state.dispatcher();
        // Debounced: a change starts the wait again, and the last change is what gets saved.
        use_effect_with(state.drafts(), move |kept: &Drafts| {
            let kept = kept.clone();
            let timer = (kept != Drafts::Unchanged).then(|| {
                drafts::save_soon(move || match kept.inputs() {
                    None => drafts::forget(),
                    Some(own) => {
                        if let Err(reason) = drafts::save(&own) {
                            dispatcher.dispatch(Action::DraftsNotSaved(reason));
                        }
                    }
                })
            });
            move || drop(timer)
        });
    }
    use_effect_with(state.link.clone(), |link| browser::show_fragment(link.as_deref()));
    let analyst = use_mut_ref(Analyst::default);
    {
        let state = state.clone();
        use_effect_with(state.queued_run(), move |run| {
            if let Some(run) = *run {
                let dispatcher = state.dispatcher();
                let started = browser::now_millis();
                analyst.borrow_mut().start(run, state.inputs(), move |outcome| {
                    let action = match outcome.and_then(SharedReport::from_json) {
                        Ok(report) => Action::Finished { run, report, millis: browser::now_millis() - started },
                        Err(reason) => Action::Failed { run, reason },
                    };
                    dispatcher.dispatch(action);
                });
            }
            move || analyst.borrow_mut().cancel()
        });
    }

    let dispatch = |action: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(action()))
    };
    let only = state.pastes.len() == 1;
    let paste_areas = state.pastes.iter().map(|paste| {
        let id = paste.id;
        let on = |action: fn(u64, String) -> Action| {
            let state = state.clone();
            Callback::from(move |value: String| state.dispatch(action(id, value)))
        };
        let onremove = {
            let state = state.clone();
            Callback::from(move |()| state.dispatch(Action::RemovePaste(id)))
        };
        let onopen = {
            let state = state.clone();
            Callback::from(move |(name, text): (String, String)| {
                state.dispatch(Action::Rename(id, name));
                state.dispatch(Action::Edit(id, text));
            })
        };
        html! {
            <PasteArea key={id} paste={paste.clone()} {only}
                onrename={on(Action::Rename)} onedit={on(Action::Edit)} {onopen} {onremove} />
        }
    });
    let ondownload = {
        let state = state.clone();
        Callback::from(move |export: Export| {
            if let Phase::Done { report, .. } = &state.phase {
                let text = match export {
                    Export::Json => report.json().to_string(),
                    Export::Csv => crate::export::csv(report, None),
                    Export::Markdown => crate::export::markdown(report),
                };
                // A browser that refuses downloads leaves nothing else to try.
                let _ = browser::download(export.file_name(), export.mime_type(), &text);
            }
        })
    };
    let onfiles = {
        let state = state.clone();
        Callback::from(move |(files, refused)| state.dispatch(Action::OpenFiles { files, refused }))
    };
    // Ctrl+Enter (⌘+Enter on a Mac) analyses from anywhere on the page, a paste included.
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && state.queued_run().is_none() {
                e.prevent_default();
                state.dispatch(Action::Analyze);
            }
        })
    };
    let analysed = matches!(state.phase, Phase::Done { .. });
    let (skip_href, skip) = jump_link(if analysed { "verdict" } else { "paste-list" }.to_string());
    let pastes_summary = match state.pastes.len() {
        1 => "1 paste".to_string(),
        n => format!("{n} pastes"),
    };

    html! {
        <main class="page" {onkeydown}>
            <a class="skip-link" href={skip_href} onclick={skip}>
                { if analysed { "Skip to the verdict" } else { "Skip to the pastes" } }
            </a>
            <header class="masthead">
                <h1>{ "wiretrace" }</h1>
                <p class="tagline">
                    { "Paste news articles about one story. See which claims they share and which wire agency reported each first." }
                </p>
            </header>
            if let Some(message) = &state.cut_notice {
                <Notice message={message.clone()} text_id="cut-notice-text" ondismiss={dispatch(|| Action::DismissCutNotice)} />
            }
            if let Some(message) = &state.notice {
                <Notice message={message.clone()} ondismiss={dispatch(|| Action::DismissNotice)}
                    action={state.can_undo().then_some(AttrValue::Static("Undo"))}
                    onaction={dispatch(|| Action::UndoClear)} />
            }
            if let Phase::Done { report, .. } = &state.phase {
                <VerdictPanel report={report.clone()} />
            }
            // Once analysed the pastes fold away under their count, the verdict above them.
            <details class="pastes-fold" open={!analysed}>
                <summary>{ format!("{pastes_summary}: edit, add or open files (Ctrl+Enter analyses)") }</summary>
                <section class="pastes" id="paste-list" tabindex="-1" aria-label="Pastes">
                    { for paste_areas }
                </section>
                <FileOpener {onfiles} />
            </details>
            <Controls busy={state.queued_run().is_some()}
                onadd={dispatch(|| Action::AddPaste)}
                onloadexample={dispatch(|| Action::LoadExample)}
                onclear={dispatch(|| Action::ClearAll)}
                onanalyze={dispatch(|| Action::Analyze)}
                onshare={dispatch(|| Action::Share)} />
            if let Some(fragment) = &state.link {
                <ShareBox fragment={fragment.clone()} />
            }
            <Status phase={state.phase.clone()} oncancel={dispatch(|| Action::Cancel)} />
            if let Phase::Done { report, millis } = &state.phase {
                <Results report={report.clone()} millis={*millis} {ondownload} onprint={Callback::from(|()| browser::print())} />
            }
            <footer class="footnote">
                { "Everything runs in this page: nothing you paste leaves your browser." }
            </footer>
        </main>
    }
}
