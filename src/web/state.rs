//! The page's state as plain data, changed only by one pure reducer ([`State::apply`]).
//!
//! Components never mutate state: they dispatch an [`Action`] and render what comes back.
//! Everything with a side effect (the clock, local storage, the URL, the analysis run itself,
//! which happens in a worker) lives in the components and reports back through actions, so
//! every transition here can be tested without a browser page.

use crate::{permalink, Input, Report};
use std::rc::Rc;
use yew::Reducible;

/// A paste may hold at most this many bytes. The core's work is bounded, but a person who
/// pasted a whole site by mistake should hear so instead of waiting.
pub const MAX_PASTE_BYTES: usize = 5 * 1024 * 1024;

/// One paste area: a name the person chose (a file name for the example) and the pasted text.
///
/// The text is shared, not copied: the state is cloned on every action and a paste may hold
/// 5 MB, so the state, the drafts and the text area all hold the same `Rc<str>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paste {
    /// Stable key for the list, never shown and never reused.
    pub id: u64,
    /// The name shown above the text and in the report ("Paste 2", a file's name).
    pub name: String,
    /// The text, at most [`MAX_PASTE_BYTES`].
    pub text: Rc<str>,
    /// The markup the text was pasted with (the clipboard's `text/html`, an `.html` file's),
    /// as `web::markup::reduced` keeps it, at most [`MAX_PASTE_BYTES`]: the cleaner's evidence,
    /// never shown. None for typed text, and once the text is emptied.
    pub html: Option<Rc<str>>,
}

impl From<&Paste> for Input {
    fn from(paste: &Paste) -> Input {
        Input { html: paste.html.as_deref().map(str::to_string), ..Input::new(paste.name.clone(), &*paste.text) }
    }
}

/// A link being opened: the worker decodes its fragment and analyses its pastes as run `run`;
/// until it says what the link holds, the page keeps what it showed.
#[derive(Clone, Debug, PartialEq)]
struct Opening {
    run: u64,
    /// The fragment, without `#`.
    fragment: Rc<str>,
    /// The analysis as it stood before, back on screen if the link is refused.
    before: Phase,
}

/// Where the analysis stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Nothing analysed since the pastes last changed.
    Idle,
    /// Run number `run` is under way; the page shows "Analysing…" and a Cancel button until
    /// it ends.
    Analysing {
        /// Which run, as counted by the state.
        run: u64,
    },
    /// The person cancelled the analysis before it finished.
    Cancelled,
    /// The report of the pastes as they are now, and how long the analysis took.
    Done {
        /// The report.
        report: SharedReport,
        /// How long the analysis took, from the request to the report.
        millis: f64,
    },
}

/// A finished report, shared by the components that show parts of it, with the JSON it was
/// read from: the analysis's own bytes, which "Download JSON" offers unchanged.
///
/// Two are equal when they are the same analysis: comparing addresses, not contents, keeps
/// re-rendering a long report cheap.
#[derive(Clone, Debug)]
pub struct SharedReport(Rc<(Report, String)>);

impl SharedReport {
    /// The report whose JSON ([`Report::to_json`]) is `json`.
    pub fn from_json(json: String) -> Result<Self, String> {
        let report = serde_json::from_str(&json).map_err(|_| "its report could not be read".to_string())?;
        Ok(SharedReport(Rc::new((report, json))))
    }

    /// The report's JSON, exactly as the analysis wrote it.
    pub fn json(&self) -> &str {
        &self.0 .1
    }
}

impl PartialEq for SharedReport {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedReport {
    type Target = Report;

    fn deref(&self) -> &Report {
        &self.0 .0
    }
}

/// Everything the page shows, as plain data: the pastes, where their analysis stands, the
/// link, the notices; [`State::apply`] is the only way it changes.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The paste areas, in order (at least one).
    pub pastes: Vec<Paste>,
    next_id: u64,
    /// Counts the analyses asked for, so a finished run that is no longer current is ignored.
    runs: u64,
    /// Where the analysis of the pastes stands.
    pub phase: Phase,
    /// The permalink fragment (without `#`) of the pastes as they are now, if one was made
    /// or opened; the URL mirrors it, and any edit clears it.
    pub link: Option<String>,
    /// The link the worker is decoding, while its run is the one under way.
    opening: Option<Opening>,
    /// A plain message for the person: a damaged link, nothing to analyse, drafts not saved,
    /// what "Clear all" removed (with Undo while [`State::can_undo`]).
    pub notice: Option<String>,
    /// Which pastes were cut to [`MAX_PASTE_BYTES`]: a notice of its own, so that no other
    /// message replaces it; it stays until dismissed or the pastes are replaced.
    pub cut_notice: Option<String>,
    /// The pastes are the person's: restored from their drafts, or changed by them. Not so for
    /// the example or the empty page as the page put them there.
    own: bool,
    /// What "Clear all" removed, while the notice offers to undo it: until the next change.
    cleared: Option<Cleared>,
}

/// The page as "Clear all" found it, so that "Undo" puts back exactly that.
#[derive(Clone, Debug, PartialEq)]
struct Cleared {
    pastes: Vec<Paste>,
    phase: Phase,
    link: Option<String>,
    own: bool,
}

impl Cleared {
    fn notice(&self) -> String {
        match self.pastes.len() {
            1 => "Cleared 1 paste.".into(),
            n => format!("Cleared {n} pastes."),
        }
    }
}

/// What local storage should keep as the person's drafts, given the pastes on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Drafts {
    /// Leave whatever is saved: the pastes are an opened link's, unedited, and opening someone's
    /// link must not overwrite one's own drafts. (After "Share link" the pastes are already
    /// saved: every edit before it was.)
    Unchanged,
    /// Save nothing, so the next visit opens on the example, analysed and as that build has it:
    /// the pastes are not the person's (the example, or the empty page after a damaged link).
    Forget,
    /// The person's own pastes (sharing their text with the state); none at all when no paste
    /// holds any text (they emptied the page, and it must stay empty).
    Save(Vec<Paste>),
}

impl Drafts {
    /// The pastes to save, as core inputs, if these drafts save any.
    pub fn inputs(&self) -> Option<Vec<Input>> {
        match self {
            Drafts::Save(pastes) => Some(pastes.iter().map(Input::from).collect()),
            _ => None,
        }
    }
}

/// What can happen to the page: the person's doing, or a side effect reporting back.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// "+ Add paste": one more empty paste, with a name not yet taken.
    AddPaste,
    /// The paste's ×: it goes (the last one is emptied instead).
    RemovePaste(u64),
    /// The paste's name field changed.
    Rename(u64, String),
    /// The paste's text changed (typed, pasted): the text area's own value, shared.
    Edit(u64, Rc<str>),
    /// A clipboard was pasted into the paste: its markup (reduced), if it carried any, and
    /// whether it replaced the paste's whole text. Comes before the [`Action::Edit`] of its text.
    PastedMarkup {
        /// The paste.
        id: u64,
        /// The clipboard's `text/html`, as `web::markup::reduced` gives it.
        markup: Option<Rc<str>>,
        /// The paste replaced all the text (or the area was empty).
        whole: bool,
    },
    /// Replace the pastes with the example's ("Load example"), without analysing.
    LoadExample,
    /// Files opened or dropped, read as text: each becomes a paste (in place of the example or
    /// of a page with no text); the notice gives the plain reasons for those `refused`.
    OpenFiles {
        /// The files read, named after them.
        files: Vec<Input>,
        /// A plain reason for each file not opened.
        refused: Vec<String>,
    },
    /// Empty the page ("Clear all"): one empty paste, no report, no link; the notice offers
    /// to undo it until the next change.
    ClearAll,
    /// Put back what "Clear all" removed, as it was (a report included, not analysed again).
    UndoClear,
    /// Ask for an analysis of the pastes as they are now.
    Analyze,
    /// Stop the analysis under way.
    Cancel,
    /// Run `run` finished with this report after `millis` milliseconds.
    Finished {
        /// The run, as [`State::queued_run`] gave it.
        run: u64,
        /// What the worker found.
        report: SharedReport,
        /// How long the run took, from the page's request to the report.
        millis: f64,
    },
    /// Run `run` ended without a report, for this reason.
    Failed {
        /// The run, as [`State::queued_run`] gave it.
        run: u64,
        /// Why, in plain words.
        reason: String,
    },
    /// Make a permalink of the pastes as they are now.
    Share,
    /// Open a permalink fragment (with or without `#`): the worker decodes it
    /// ([`State::link_to_open`]); until it answers, the page stays as it is.
    OpenLink(String),
    /// The worker decoded the link of run `run` into these pastes: they replace the page's and
    /// are analysed, as a run of their own.
    LinkDecoded {
        /// The run, as [`State::queued_run`] gave it.
        run: u64,
        /// The link's pastes, as decoded, their markup reduced (`web::markup::with_reduced_markup`).
        inputs: Vec<Input>,
    },
    /// The worker refused the link of run `run`, for this plain reason.
    LinkRefused {
        /// The run, as [`State::queued_run`] gave it.
        run: u64,
        /// Why, in the words of [`crate::permalink::Error`]'s message.
        reason: String,
    },
    /// The drafts could not be saved, for this reason.
    DraftsNotSaved(String),
    /// The notice's ×.
    DismissNotice,
    /// The cut-paste notice's ×.
    DismissCutNotice,
}

/// One empty paste that is nobody's draft.
impl Default for State {
    fn default() -> Self {
        State { own: false, ..State::with_inputs(&[]) }
    }
}

impl State {
    /// A fresh state holding the person's pastes (at least one, possibly empty), nothing analysed.
    pub fn with_inputs(inputs: &[Input]) -> Self {
        let mut state = State {
            pastes: Vec::new(),
            next_id: 0,
            runs: 0,
            phase: Phase::Idle,
            link: None,
            opening: None,
            notice: None,
            cut_notice: None,
            own: true,
            cleared: None,
        };
        state.replace_pastes(inputs);
        state
    }

    /// The pastes as core inputs, in order; the page's analysis, download and link all use these.
    pub fn inputs(&self) -> Vec<Input> {
        self.pastes.iter().map(Input::from).collect()
    }

    /// What the drafts should hold now; the page's one drafts effect follows this.
    pub fn drafts(&self) -> Drafts {
        if self.link.is_some() {
            Drafts::Unchanged
        } else if !self.own {
            Drafts::Forget
        } else if self.blank() {
            Drafts::Save(Vec::new())
        } else {
            Drafts::Save(self.pastes.clone())
        }
    }

    /// The run under way, if any: the page hands it to the worker, and stops the worker when
    /// this changes before the run finished (a cancel, an edit, a newly opened link).
    pub fn queued_run(&self) -> Option<u64> {
        match self.phase {
            Phase::Analysing { run } => Some(run),
            _ => None,
        }
    }

    /// The fragment of the link the run under way opens, if it opens one: the page hands the
    /// worker this fragment rather than the pastes.
    pub fn link_to_open(&self) -> Option<Rc<str>> {
        self.current_opening().map(|opening| opening.fragment.clone())
    }

    /// The notice offers to undo "Clear all" ([`Action::UndoClear`]).
    pub fn can_undo(&self) -> bool {
        self.cleared.is_some()
    }

    /// The pure reducer: the state after `action`.
    pub fn apply(mut self, action: Action) -> Self {
        self.withdraw_undo_unless_kept(&action);
        match action {
            Action::AddPaste => self.add_paste(),
            Action::RemovePaste(id) => self.remove_paste(id),
            Action::Rename(id, name) => self.rename(id, name),
            Action::Edit(id, text) => self.edit(id, text),
            Action::PastedMarkup { id, markup, whole } => self.pasted_markup(id, markup, whole),
            Action::LoadExample => self.load_example(),
            Action::OpenFiles { files, refused } => self.open_files(files, refused),
            Action::ClearAll => self.clear_all(),
            Action::UndoClear => self.undo_clear(),
            Action::Analyze => self.analyze(),
            Action::Cancel => self.cancel(),
            Action::Finished { run, report, millis } => self.finished(run, report, millis),
            Action::Failed { run, reason } => self.failed(run, reason),
            Action::Share => self.link = Some(permalink::encode(&self.inputs())),
            Action::OpenLink(fragment) => self.open_link(&fragment),
            Action::LinkDecoded { run, inputs } => self.link_decoded(run, &inputs),
            Action::LinkRefused { run, reason } => self.link_refused(run, reason),
            Action::DraftsNotSaved(reason) => self.drafts_not_saved(reason),
            Action::DismissNotice => self.notice = None,
            Action::DismissCutNotice => self.cut_notice = None,
        }
        self
    }

    /// The offer to undo "Clear all" lasts until the next change: actions that change neither
    /// the pastes nor the analysis keep it (a stale run's end, a link made of the empty page,
    /// a second "Clear all" of a page with no text); any other withdraws it, with its notice.
    fn withdraw_undo_unless_kept(&mut self, action: &Action) {
        let keeps_offer = match action {
            Action::UndoClear
            | Action::Share
            | Action::Cancel
            | Action::Finished { .. }
            | Action::Failed { .. }
            | Action::DraftsNotSaved(_)
            | Action::DismissCutNotice => true,
            Action::ClearAll => self.blank(),
            _ => false,
        };
        if !keeps_offer && self.cleared.take().is_some() {
            self.notice = None;
        }
    }

    fn add_paste(&mut self) {
        let name = self.unused_paste_name();
        self.push_paste(name, "".into(), None);
        self.pastes_changed();
    }

    fn remove_paste(&mut self, id: u64) {
        self.pastes.retain(|p| p.id != id);
        if self.pastes.is_empty() {
            self.push_paste("Paste 1".into(), "".into(), None);
        }
        self.pastes_changed();
    }

    fn rename(&mut self, id: u64, name: String) {
        if let Some(paste) = self.pastes.iter_mut().find(|p| p.id == id) {
            paste.name = name;
        }
        self.pastes_changed();
    }

    /// Keeps the text area's own text (the same `Rc`, so the area is not set again) unless it
    /// must be cut.
    fn edit(&mut self, id: u64, text: Rc<str>) {
        let (text, cut) = cap_to_limit(text);
        if let Some(paste) = self.pastes.iter_mut().find(|p| p.id == id) {
            if cut {
                self.cut_notice = Some(too_large_notice(&paste.name));
            }
            if text.trim().is_empty() {
                paste.html = None;
            }
            paste.text = text;
        }
        self.pastes_changed();
    }

    /// The markup of a paste follows its text: a clipboard pasted over all of it brings its own;
    /// one pasted into other text joins that text's markup after it (the cleaner aligns markup
    /// onto the text word by word, and reads what it cannot align as text), and where either
    /// part has none, the paste has none.
    fn pasted_markup(&mut self, id: u64, markup: Option<Rc<str>>, whole: bool) {
        if let Some(paste) = self.pastes.iter_mut().find(|p| p.id == id) {
            let markup = if whole || paste.text.trim().is_empty() {
                markup
            } else {
                paste.html.as_ref().zip(markup).map(|(before, added)| format!("{before}{added}").into())
            };
            paste.html = capped(markup);
        }
        self.pastes_changed();
    }

    fn load_example(&mut self) {
        self.replace_pastes(&super::example::inputs());
        self.pastes_changed();
        self.own = false;
    }

    fn open_files(&mut self, files: Vec<Input>, refused: Vec<String>) {
        if !files.is_empty() {
            if !self.own || self.blank() {
                self.pastes.clear();
            }
            self.notice = None;
            for file in files {
                let (text, cut) = cap_to_limit(file.text.into());
                if cut {
                    self.notice = Some(too_large_notice(&file.name));
                }
                self.push_paste(file.name, text, capped(file.html.map(Into::into)));
            }
            self.pastes_changed();
        }
        if !refused.is_empty() {
            self.notice = Some(refused.join(" "));
        }
    }

    fn clear_all(&mut self) {
        // A page with no text has nothing worth undoing (and keeps an earlier offer).
        let removed = (!self.blank()).then(|| Cleared {
            pastes: self.pastes.clone(),
            phase: self.phase.clone(),
            link: self.link.clone(),
            own: self.own,
        });
        self.replace_pastes(&[]);
        self.pastes_changed();
        self.cleared = removed.or(self.cleared.take());
        self.notice = self.cleared.as_ref().map(Cleared::notice);
    }

    fn undo_clear(&mut self) {
        if let Some(Cleared { pastes, phase, link, own }) = self.cleared.take() {
            self.pastes = pastes;
            // The run "Clear all" stopped is not started again: nothing is re-analysed.
            self.phase = settled(phase);
            self.link = link;
            self.own = own;
            self.notice = None;
        }
    }

    fn analyze(&mut self) {
        if self.blank() {
            self.notice = Some("Paste the text of at least one article first.".into());
        } else {
            self.phase = Phase::Analysing { run: self.next_run() };
        }
    }

    fn next_run(&mut self) -> u64 {
        self.runs += 1;
        self.runs
    }

    fn cancel(&mut self) {
        if self.queued_run().is_some() {
            self.phase = Phase::Cancelled;
        }
    }

    fn finished(&mut self, run: u64, report: SharedReport, millis: f64) {
        if self.queued_run() == Some(run) {
            self.phase = Phase::Done { report, millis };
        }
    }

    fn failed(&mut self, run: u64, reason: String) {
        if self.queued_run() == Some(run) {
            self.phase = Phase::Idle;
            self.notice = Some(format!("The analysis stopped: {reason}. Try again, or reload the page."));
        }
    }

    /// Hands the link to the worker as a run of its own; the same link again (the address bar
    /// echoing it back) changes nothing.
    fn open_link(&mut self, fragment: &str) {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let already = self.link.as_deref() == Some(fragment)
            || self.current_opening().is_some_and(|opening| &*opening.fragment == fragment);
        if already {
            return;
        }
        let before = std::mem::replace(&mut self.phase, Phase::Idle);
        let run = self.next_run();
        self.phase = Phase::Analysing { run };
        self.opening = Some(Opening { run, fragment: fragment.into(), before });
    }

    /// The link's pastes replace the page's, and their analysis starts, as a run of its own.
    fn link_decoded(&mut self, run: u64, inputs: &[Input]) {
        let Some(opening) = self.take_opening(run) else { return };
        self.replace_pastes(inputs);
        self.pastes_changed();
        self.link = Some(opening.fragment.to_string());
        self.phase = Phase::Analysing { run: self.next_run() };
    }

    /// The page stays as it was before the link, and says why the link was refused.
    fn link_refused(&mut self, run: u64, reason: String) {
        let Some(opening) = self.take_opening(run) else { return };
        self.phase = settled(opening.before);
        self.notice = Some(reason);
    }

    /// The link being opened, while its run is the one under way.
    fn current_opening(&self) -> Option<&Opening> {
        self.opening.as_ref().filter(|opening| self.queued_run() == Some(opening.run))
    }

    fn take_opening(&mut self, run: u64) -> Option<Opening> {
        let current = self.current_opening().is_some_and(|opening| opening.run == run);
        if current {
            self.opening.take()
        } else {
            None
        }
    }

    /// The offer to undo stays on screen; the next save, which fails the same way, says so.
    fn drafts_not_saved(&mut self, reason: String) {
        if self.cleared.is_none() {
            self.notice = Some(format!("Your pastes are not saved in this browser: {reason}."))
        }
    }

    /// No paste holds any text to analyse.
    fn blank(&self) -> bool {
        self.pastes.iter().all(|p| p.text.trim().is_empty())
    }

    fn push_paste(&mut self, name: String, text: Rc<str>, html: Option<Rc<str>>) {
        self.pastes.push(Paste { id: self.next_id, name, text, html });
        self.next_id += 1;
    }

    /// Replaces all pastes, cutting each to [`MAX_PASTE_BYTES`] (a link or old draft may hold more).
    fn replace_pastes(&mut self, inputs: &[Input]) {
        self.pastes.clear();
        self.notice = None;
        self.cut_notice = None;
        for input in inputs {
            let (text, cut) = cap_to_limit(input.text.as_str().into());
            if cut {
                self.cut_notice = Some(too_large_notice(&input.name));
            }
            self.push_paste(input.name.clone(), text, capped(input.html.as_deref().map(Into::into)));
        }
        if self.pastes.is_empty() {
            self.push_paste("Paste 1".into(), "".into(), None);
        }
    }

    /// The old report and link no longer describe the pastes, which are now the person's; a
    /// link still being opened is dropped (its run is stopped).
    fn pastes_changed(&mut self) {
        self.phase = Phase::Idle;
        self.link = None;
        self.opening = None;
        self.own = true;
    }

    /// "Paste N" for the smallest N not already taken, so names stay distinct.
    fn unused_paste_name(&self) -> String {
        (1..).map(|n| format!("Paste {n}")).find(|name| self.pastes.iter().all(|p| &p.name != name)).unwrap_or_default()
    }
}

/// A phase put back on screen: a run that was under way then is over now (it is not restarted).
fn settled(phase: Phase) -> Phase {
    match phase {
        Phase::Analysing { .. } => Phase::Idle,
        phase => phase,
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

/// The longest start of `text` within [`MAX_PASTE_BYTES`] that ends on a character boundary:
/// what a paste keeps of it (the worker cuts a link's pastes the same way).
pub fn within_limit(text: &str) -> &str {
    &text[..crate::span::floor_char_boundary(text, MAX_PASTE_BYTES)]
}

/// Cuts `text` to [`within_limit`]; says whether it cut. Text within the limit is kept as it
/// is, the same `Rc`.
fn cap_to_limit(text: Rc<str>) -> (Rc<str>, bool) {
    if text.len() <= MAX_PASTE_BYTES {
        return (text, false);
    }
    (within_limit(&text).into(), true)
}

/// Markup cut as text is ([`cap_to_limit`]): what it loses is only evidence, so no notice.
fn capped(markup: Option<Rc<str>>) -> Option<Rc<str>> {
    markup.map(|m| cap_to_limit(m).0)
}

fn too_large_notice(name: &str) -> String {
    let megabytes = MAX_PASTE_BYTES >> 20;
    format!("“{name}” was longer than {megabytes} MB, so only its first {megabytes} MB are kept. Paste one article per area.")
}
