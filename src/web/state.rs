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
    pub name: String,
    pub text: Rc<str>,
}

impl From<&Paste> for Input {
    fn from(paste: &Paste) -> Input {
        Input::new(paste.name.clone(), &*paste.text)
    }
}

/// Where the analysis stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Nothing analysed since the pastes last changed.
    Idle,
    /// Run number `run` is under way; the page shows "Analysing…" and a Cancel button until
    /// it ends.
    Analysing { run: u64 },
    /// The person cancelled the analysis before it finished.
    Cancelled,
    /// The report of the pastes as they are now, and how long the analysis took.
    Done { report: SharedReport, millis: f64 },
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

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub pastes: Vec<Paste>,
    next_id: u64,
    /// Counts the analyses asked for, so a finished run that is no longer current is ignored.
    runs: u64,
    pub phase: Phase,
    /// The permalink fragment (without `#`) of the pastes as they are now, if one was made
    /// or opened; the URL mirrors it, and any edit clears it.
    pub link: Option<String>,
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

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    AddPaste,
    RemovePaste(u64),
    Rename(u64, String),
    Edit(u64, String),
    /// Replace the pastes with the example's ("Load example"), without analysing.
    LoadExample,
    /// Files opened or dropped, read as text: each becomes a paste (in place of the example or
    /// of a page with no text); the notice gives the plain reasons for those `refused`.
    OpenFiles { files: Vec<Input>, refused: Vec<String> },
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
        run: u64,
        report: SharedReport,
        millis: f64,
    },
    /// Run `run` ended without a report, for this reason.
    Failed { run: u64, reason: String },
    /// Make a permalink of the pastes as they are now.
    Share,
    /// Open a permalink fragment (with or without `#`): restore its pastes and analyse them.
    OpenLink(String),
    /// The drafts could not be saved, for this reason.
    DraftsNotSaved(String),
    DismissNotice,
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

    /// The notice offers to undo "Clear all" ([`Action::UndoClear`]).
    pub fn can_undo(&self) -> bool {
        self.cleared.is_some()
    }

    /// The pure reducer: the state after `action`.
    pub fn apply(mut self, action: Action) -> Self {
        // The offer to undo "Clear all" lasts until the next change: actions that change neither
        // the pastes nor the analysis keep it (a stale run's end, a link made of the empty page,
        // a second "Clear all" of a page with no text); any other withdraws it, with its notice.
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
        match action {
            Action::AddPaste => {
                let name = self.unused_paste_name();
                self.push_paste(name, String::new());
                self.pastes_changed();
            }
            Action::RemovePaste(id) => {
                self.pastes.retain(|p| p.id != id);
                if self.pastes.is_empty() {
                    self.push_paste("Paste 1".into(), String::new());
                }
                self.pastes_changed();
            }
            Action::Rename(id, name) => {
                if let Some(paste) = self.pastes.iter_mut().find(|p| p.id == id) {
                    paste.name = name;
                }
                self.pastes_changed();
            }
            Action::Edit(id, text) => {
                let (text, cut) = cap_to_limit(text);
                if let Some(paste) = self.pastes.iter_mut().find(|p| p.id == id) {
                    if cut {
                        self.cut_notice = Some(too_large_notice(&paste.name));
                    }
                    paste.text = text.into();
                }
                self.pastes_changed();
            }
            Action::LoadExample => {
                self.replace_pastes(&super::example::inputs());
                self.pastes_changed();
                self.own = false;
            }
            Action::OpenFiles { files, refused } => {
                if !files.is_empty() {
                    if !self.own || self.blank() {
                        self.pastes.clear();
                    }
                    self.notice = None;
                    for file in files {
                        let (text, cut) = cap_to_limit(file.text);
                        if cut {
                            self.notice = Some(too_large_notice(&file.name));
                        }
                        self.push_paste(file.name, text);
                    }
                    self.pastes_changed();
                }
                if !refused.is_empty() {
                    self.notice = Some(refused.join(" "));
                }
            }
            Action::ClearAll => {
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
            Action::UndoClear => {
                if let Some(Cleared { pastes, phase, link, own }) = self.cleared.take() {
                    self.pastes = pastes;
                    // The run "Clear all" stopped is not started again: nothing is re-analysed.
                    self.phase = if matches!(phase, Phase::Analysing { .. }) { Phase::Idle } else { phase };
                    self.link = link;
                    self.own = own;
                    self.notice = None;
                }
            }
            Action::Analyze => {
                if self.blank() {
                    self.notice = Some("Paste the text of at least one article first.".into());
                } else {
                    self.runs += 1;
                    self.phase = Phase::Analysing { run: self.runs };
                }
            }
            Action::Cancel => {
                if self.queued_run().is_some() {
                    self.phase = Phase::Cancelled;
                }
            }
            Action::Finished { run, report, millis } => {
                if self.queued_run() == Some(run) {
                    self.phase = Phase::Done { report, millis };
                }
            }
            Action::Failed { run, reason } => {
                if self.queued_run() == Some(run) {
                    self.phase = Phase::Idle;
                    self.notice = Some(format!("The analysis stopped: {reason}. Try again, or reload the page."));
                }
            }
            Action::Share => self.link = Some(permalink::encode(&self.inputs())),
            Action::OpenLink(fragment) => {
                let fragment = fragment.strip_prefix('#').unwrap_or(&fragment).to_string();
                if self.link.as_deref() == Some(fragment.as_str()) {
                    return self;
                }
                match permalink::decode(&fragment) {
                    Ok(inputs) => {
                        self.replace_pastes(&inputs);
                        self.pastes_changed();
                        self.link = Some(fragment);
                        self = self.apply(Action::Analyze);
                    }
                    Err(error) => self.notice = Some(error.to_string()),
                }
            }
            // The offer to undo stays on screen; the next save, which fails the same way, says so.
            Action::DraftsNotSaved(reason) => {
                if self.cleared.is_none() {
                    self.notice = Some(format!("Your pastes are not saved in this browser: {reason}."))
                }
            }
            Action::DismissNotice => self.notice = None,
            Action::DismissCutNotice => self.cut_notice = None,
        }
        self
    }

    /// No paste holds any text to analyse.
    fn blank(&self) -> bool {
        self.pastes.iter().all(|p| p.text.trim().is_empty())
    }

    fn push_paste(&mut self, name: String, text: String) {
        self.pastes.push(Paste { id: self.next_id, name, text: text.into() });
        self.next_id += 1;
    }

    /// Replaces all pastes, cutting each to [`MAX_PASTE_BYTES`] (a link or old draft may hold more).
    fn replace_pastes(&mut self, inputs: &[Input]) {
        self.pastes.clear();
        self.notice = None;
        self.cut_notice = None;
        for input in inputs {
            let (text, cut) = cap_to_limit(input.text.clone());
            if cut {
                self.cut_notice = Some(too_large_notice(&input.name));
            }
            self.push_paste(input.name.clone(), text);
        }
        if self.pastes.is_empty() {
            self.push_paste("Paste 1".into(), String::new());
        }
    }

    /// The old report and link no longer describe the pastes, which are now the person's.
    fn pastes_changed(&mut self) {
        self.phase = Phase::Idle;
        self.link = None;
        self.own = true;
    }

    /// "Paste N" for the smallest N not already taken, so names stay distinct.
    fn unused_paste_name(&self) -> String {
        (1..).map(|n| format!("Paste {n}")).find(|name| self.pastes.iter().all(|p| &p.name != name)).unwrap_or_default()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

/// Cuts `text` to at most [`MAX_PASTE_BYTES`] on a character boundary; says whether it cut.
fn cap_to_limit(mut text: String) -> (String, bool) {
    if text.len() <= MAX_PASTE_BYTES {
        return (text, false);
    }
    text.truncate(crate::span::floor_char_boundary(&text, MAX_PASTE_BYTES));
    (text, true)
}

fn too_large_notice(name: &str) -> String {
    let megabytes = MAX_PASTE_BYTES >> 20;
    format!("“{name}” was longer than {megabytes} MB, so only its first {megabytes} MB are kept. Paste one article per area.")
}
