//! The page: the paste areas, the controls and the report, wired to the state's reducer.
//!
//! Side effects live here, each in one effect keyed on the state it follows: the drafts follow
//! the person's own pastes ([`State::drafts`]), the address bar follows the link, and the
//! analysis worker follows the run under way (it starts the run, a link's included, and stops
//! it if the run ends before its report came: cancelled, or made stale by an edit).

use super::controls::Controls;
use super::file_opener::FileOpener;
use super::notice::Notice;
use super::paste_area::PasteArea;
use super::results::{Export, Results};
use super::share_box::ShareBox;
use super::state::{Action, Drafts, Phase, SharedReport, State};
use super::status::Status;
use super::verdict_panel::{jump_link, VerdictPanel};
use super::worker::{Analyst, Heard, Work};
use super::{browser, drafts, markup};
use crate::Input;
use yew::prelude::*;

/// The state this visit opens with, from the page's address and local storage.
fn initial_state() -> State {
    opening_state(&browser::fragment(), drafts::load())
}

/// The state a page opens with, given its address's fragment and the saved drafts: the link if
/// there is one, handed to the worker to decode and analyse (the drafts, or an empty page, show
/// until it answers); else the drafts; else (a first visit) the example, analysed, as if the
/// person had pressed "Load example" then "Analyze".
pub fn opening_state(fragment: &str, saved: Option<Vec<Input>>) -> State {
    match (fragment, saved) {
        ("", None) => State::default().apply(Action::LoadExample).apply(Action::Analyze),
        ("", Some(own)) => State::with_inputs(&own),
        (fragment, saved) => {
            saved.map_or_else(State::default, |own| State::with_inputs(&own)).apply(Action::OpenLink(fragment.to_string()))
        }
    }
}

/// The page: mounts the effects, then lays out the notices, the verdict, the pastes, the
/// controls and the report.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_effect_with((), |_| browser::register_service_worker());
    use_links_from_the_address(&state);
    use_drafts_saved(&state);
    use_effect_with(state.link.clone(), |link| browser::show_fragment(link.as_deref()));
    use_analysis(&state);
    page(&state)
}

/// A fragment typed or pasted into the address bar opens as a link.
#[hook]
fn use_links_from_the_address(state: &UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = browser::on_fragment_change(move |fragment| dispatcher.dispatch(Action::OpenLink(fragment)));
        move || drop(listener)
    });
}

/// The drafts follow [`State::drafts`], debounced: a change starts the wait again, and the
/// last change is what gets saved.
#[hook]
fn use_drafts_saved(state: &UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
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

/// The worker follows the run under way: it starts the run (a link's fragment, or the
/// pastes), and stops it if the run ends before its report came (cancelled, or made stale).
#[hook]
fn use_analysis(state: &UseReducerHandle<State>) {
    let analyst = use_mut_ref(Analyst::default);
    let state = state.clone();
    use_effect_with(state.queued_run(), move |run| {
        if let Some(run) = *run {
            let work = match state.link_to_open() {
                Some(fragment) => Work::Link(fragment.to_string()),
                None => Work::Pastes(state.inputs()),
            };
            let dispatcher = state.dispatcher();
            let started = browser::now_millis();
            analyst.borrow_mut().start(run, work, move |heard| dispatcher.dispatch(heard_of(run, heard, started)));
        }
        move || analyst.borrow_mut().cancel()
    });
}

/// What the worker said of run `run` (started at `started`, in page milliseconds), as an action.
fn heard_of(run: u64, heard: Heard, started: f64) -> Action {
    match heard {
        Heard::Decoded(inputs) => Action::LinkDecoded { run, inputs: inputs.into_iter().map(markup::with_reduced_markup).collect() },
        Heard::Refused(reason) => Action::LinkRefused { run, reason },
        Heard::Report(json) => match SharedReport::from_json(json) {
            Ok(report) => Action::Finished { run, report, millis: browser::now_millis() - started },
            Err(reason) => Action::Failed { run, reason },
        },
        Heard::Failed(reason) => Action::Failed { run, reason },
    }
}

/// A callback that dispatches the action `make` gives.
fn dispatch<T: 'static>(state: &UseReducerHandle<State>, make: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value: T| state.dispatch(make(value)))
}

/// The page as `state` has it.
fn page(state: &UseReducerHandle<State>) -> Html {
    let analysed = matches!(state.phase, Phase::Done { .. });
    let (skip_href, skip) = jump_link(if analysed { "verdict" } else { "paste-list" }.to_string());
    html! {
        <main class="page" onkeydown={analyse_on_ctrl_enter(state)}>
            <a class="skip-link" href={skip_href} onclick={skip}>
                { if analysed { "Skip to the verdict" } else { "Skip to the pastes" } }
            </a>
            <header class="masthead">
                <h1>{ "wiretrace" }</h1>
                <p class="tagline">
                    { "Paste news articles about one story. See which claims they share and which wire agency reported each first." }
                </p>
            </header>
            { notices(state) }
            if let Phase::Done { report, .. } = &state.phase {
                <VerdictPanel report={report.clone()} />
            }
            { pastes(state, analysed) }
            <Controls busy={state.queued_run().is_some()}
                onadd={dispatch(state, |()| Action::AddPaste)}
                onloadexample={dispatch(state, |()| Action::LoadExample)}
                onclear={dispatch(state, |()| Action::ClearAll)}
                onanalyze={dispatch(state, |()| Action::Analyze)}
                onshare={dispatch(state, |()| Action::Share)} />
            if let Some(fragment) = &state.link {
                <ShareBox fragment={fragment.clone()} />
            }
            <Status phase={state.phase.clone()} oncancel={dispatch(state, |()| Action::Cancel)} />
            if let Phase::Done { report, millis } = &state.phase {
                <Results report={report.clone()} millis={*millis} ondownload={download(state)}
                    onprint={Callback::from(|()| browser::print())} />
            }
            <footer class="footnote">
                { "Everything runs in this page: nothing you paste leaves your browser." }
            </footer>
        </main>
    }
}

/// The cut-paste notice, then the page's notice (with Undo after "Clear all").
fn notices(state: &UseReducerHandle<State>) -> Html {
    html! {
        <>
            if let Some(message) = &state.cut_notice {
                <Notice message={message.clone()} text_id="cut-notice-text" ondismiss={dispatch(state, |()| Action::DismissCutNotice)} />
            }
            if let Some(message) = &state.notice {
                <Notice message={message.clone()} ondismiss={dispatch(state, |()| Action::DismissNotice)}
                    action={state.can_undo().then_some(AttrValue::Static("Undo"))}
                    onaction={dispatch(state, |()| Action::UndoClear)} />
            }
        </>
    }
}

/// The paste areas and the file control; once analysed they fold away under their count, the
/// verdict above them.
fn pastes(state: &UseReducerHandle<State>, analysed: bool) -> Html {
    let only = state.pastes.len() == 1;
    let count = match state.pastes.len() {
        1 => "1 paste".to_string(),
        n => format!("{n} pastes"),
    };
    let areas = state.pastes.iter().map(|paste| {
        let id = paste.id;
        html! {
            <PasteArea key={id} paste={paste.clone()} {only}
                onrename={dispatch(state, move |name| Action::Rename(id, name))}
                onedit={dispatch(state, move |text| Action::Edit(id, text))}
                onmarkup={dispatch(state, move |(markup, whole)| Action::PastedMarkup { id, markup, whole })}
                onremove={dispatch(state, move |()| Action::RemovePaste(id))} />
        }
    });
    html! {
        <details class="pastes-fold" open={!analysed}>
            <summary>{ format!("{count}: edit, add or open files (Ctrl+Enter analyses)") }</summary>
            <section class="pastes" id="paste-list" tabindex="-1" aria-label="Pastes">
                { for areas }
            </section>
            <FileOpener onfiles={dispatch(state, |(files, refused)| Action::OpenFiles { files, refused })} />
        </details>
    }
}

/// Offers the report as a file of the chosen kind.
fn download(state: &UseReducerHandle<State>) -> Callback<Export> {
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
}

/// Ctrl+Enter (⌘+Enter on a Mac) analyses from anywhere on the page, a paste included.
fn analyse_on_ctrl_enter(state: &UseReducerHandle<State>) -> Callback<KeyboardEvent> {
    let state = state.clone();
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && state.queued_run().is_none() {
            e.prevent_default();
            state.dispatch(Action::Analyze);
        }
    })
}
