//! Drafts: each tab's pastes, kept in local storage so they survive a reload.
//!
//! Every tab has its own drafts, so two tabs never overwrite each other's:
//! - a tab's id lives in its session storage (kept across reloads, one per tab); its drafts are
//!   the JSON of the core's inputs under `wiretrace.drafts.v2.<tab>`, beside a small record
//!   (`….meta`) of when they were saved and by which page load;
//! - a new tab (no id yet) starts from the most recently saved drafts of any tab (a copy: it
//!   saves under its own key once edited), or from the drafts of the single-key version before
//!   this one; a reloaded tab opens only its own;
//! - a duplicated tab inherits the id: each page load that opens its tab's drafts claims them
//!   (writes its own writer id in the record), and a page that finds another page's claim when
//!   it saves moves to a new tab id instead of overwriting.
//!
//! Saves are debounced ([`save_soon`]): at most one every [`SAVE_DELAY_MS`], and the one still
//! waiting is made when the page is hidden or closed. A save that fails (storage full) removes
//! this tab's saved copy, so no stale draft is left to come back, and the page says so.
//! Anything unreadable in storage is ignored rather than trusted. No drafts at all means the
//! page opens on the example; an empty list, that the person emptied the page.

use crate::Input;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// The local-storage key of the drafts before they were kept per tab; still read by new tabs.
pub const LEGACY_KEY: &str = "wiretrace.drafts.v1";
const PREFIX: &str = "wiretrace.drafts.v2.";
const META_SUFFIX: &str = ".meta";
/// The session-storage key of this tab's id.
const TAB_KEY: &str = "wiretrace.tab";
/// Quiet time after the last change before the drafts are written: typing in a 5 MB paste must
/// not serialise and store 5 MB on every keystroke.
pub const SAVE_DELAY_MS: i32 = 400;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn random_id() -> String {
    format!("{:012x}", (js_sys::Math::random() * 2f64.powi(48)) as u64)
}

/// When a tab's drafts were saved, and by which page load.
#[derive(Serialize, Deserialize)]
struct Meta {
    writer: String,
    saved: f64,
}

/// One page load's view of its tab's drafts.
pub struct TabDrafts {
    tab: RefCell<String>,
    /// This page load, so that a duplicated tab's page is told apart from this one.
    writer: String,
    /// The tab is new: it had no id before this page load.
    new_tab: bool,
}

impl TabDrafts {
    /// The drafts of tab `tab`, as a page load of it (a reload) sees them.
    pub fn for_tab(tab: &str) -> TabDrafts {
        TabDrafts { tab: RefCell::new(tab.to_string()), writer: random_id(), new_tab: false }
    }

    /// The drafts of tab `tab`, as the first page load of a new tab sees them.
    pub fn for_new_tab(tab: &str) -> TabDrafts {
        TabDrafts { new_tab: true, ..TabDrafts::for_tab(tab) }
    }

    /// The key this tab's drafts are saved under (it changes when a duplicate claimed the old one).
    pub fn key(&self) -> String {
        format!("{PREFIX}{}", self.tab.borrow())
    }

    fn meta_key(&self) -> String {
        format!("{}{META_SUFFIX}", self.key())
    }

    fn meta(&self, storage: &Storage) -> Option<Meta> {
        serde_json::from_str(&storage.get_item(&self.meta_key()).ok()??).ok()
    }

    fn write_meta(&self, storage: &Storage, saved: f64) -> Result<(), JsValue> {
        let meta = Meta { writer: self.writer.clone(), saved };
        storage.set_item(&self.meta_key(), &serde_json::to_string(&meta).unwrap_or_default())
    }

    /// Another page load (a duplicate of this tab) claimed the key since this one did.
    fn claimed_by_another(&self, storage: &Storage) -> bool {
        self.meta(storage).is_some_and(|meta| meta.writer != self.writer)
    }

    /// This tab's saved pastes; for a tab with none, a copy of the most recently saved drafts.
    /// Opening the tab's own drafts claims them for this page load.
    pub fn load(&self) -> Option<Vec<Input>> {
        let storage = local()?;
        let saved = match storage.get_item(&self.key()).ok().flatten() {
            Some(own) => {
                let saved = self.meta(&storage).map_or(0.0, |meta| meta.saved);
                let _ = self.write_meta(&storage, saved);
                own
            }
            None if self.new_tab => {
                latest_of_any_tab(&storage).or_else(|| storage.get_item(LEGACY_KEY).ok().flatten())?
            }
            None => return None,
        };
        let saved: Vec<Input> = serde_json::from_str(&saved).ok()?;
        // Pages that did not open on the example saved their untouched empty paste on every
        // visit: that is nobody's draft. An emptied page is saved as no pastes at all.
        let untouched = !saved.is_empty() && saved.iter().all(|input| input.text.trim().is_empty());
        (!untouched).then_some(saved)
    }

    /// Saves the pastes as this tab's drafts. When that fails (storage disabled or full:
    /// browsers allow about 5 MB for all tabs together), nothing of this tab stays saved.
    pub fn save(&self, inputs: &[Input]) -> Result<(), String> {
        let storage = local().ok_or("this browser does not allow local storage")?;
        if self.claimed_by_another(&storage) {
            self.move_to_new_tab_id();
        }
        let json = serde_json::to_string(inputs).map_err(|e| e.to_string())?;
        let written = self.write_meta(&storage, js_sys::Date::now()).and_then(|()| storage.set_item(&self.key(), &json));
        if written.is_err() {
            self.remove(&storage);
            return Err("the pastes are too large for this browser's storage, so none are kept".into());
        }
        // The single-key drafts were copied into a tab's when it opened: superseded now.
        let _ = storage.remove_item(LEGACY_KEY);
        Ok(())
    }

    /// Removes this tab's saved pastes (never a duplicate tab's that claimed the key).
    pub fn forget(&self) {
        if let Some(storage) = local() {
            if !self.claimed_by_another(&storage) {
                self.remove(&storage);
            }
        }
    }

    fn remove(&self, storage: &Storage) {
        let _ = storage.remove_item(&self.key());
        let _ = storage.remove_item(&self.meta_key());
    }

    fn move_to_new_tab_id(&self) {
        let tab = random_id();
        if let Some(session) = session() {
            let _ = session.set_item(TAB_KEY, &tab);
        }
        *self.tab.borrow_mut() = tab;
    }
}

/// The drafts (JSON) saved most recently by any tab.
fn latest_of_any_tab(storage: &Storage) -> Option<String> {
    let keys = (0..storage.length().unwrap_or(0)).filter_map(|at| storage.key(at).ok().flatten());
    let metas = keys.filter(|key| key.starts_with(PREFIX) && key.ends_with(META_SUFFIX));
    let stamped = metas.filter_map(|key| {
        let meta: Meta = serde_json::from_str(&storage.get_item(&key).ok()??).ok()?;
        Some((meta.saved, key.strip_suffix(META_SUFFIX)?.to_string()))
    });
    let (_, key) = stamped.max_by(|a, b| a.0.total_cmp(&b.0))?;
    storage.get_item(&key).ok().flatten()
}

thread_local! {
    /// This page load's drafts: its tab's id from session storage (a new one for a new tab).
    static THIS_TAB: TabDrafts = this_tab();
    /// The save waiting for quiet, made early if the page is hidden.
    static PENDING: RefCell<Option<Box<dyn FnOnce()>>> = RefCell::new(None);
}

fn this_tab() -> TabDrafts {
    match session().and_then(|session| session.get_item(TAB_KEY).ok().flatten()) {
        Some(tab) => TabDrafts::for_tab(&tab),
        None => {
            let tab = random_id();
            if let Some(session) = session() {
                let _ = session.set_item(TAB_KEY, &tab);
            }
            TabDrafts::for_new_tab(&tab)
        }
    }
}

/// This page's saved pastes ([`TabDrafts::load`]).
pub fn load() -> Option<Vec<Input>> {
    THIS_TAB.with(TabDrafts::load)
}

/// Saves this page's pastes now ([`TabDrafts::save`]).
pub fn save(inputs: &[Input]) -> Result<(), String> {
    THIS_TAB.with(|tab| tab.save(inputs))
}

/// Removes this page's saved pastes ([`TabDrafts::forget`]).
pub fn forget() {
    THIS_TAB.with(TabDrafts::forget)
}

/// Runs `job` (a save or a forget) after [`SAVE_DELAY_MS`] of quiet, or when the page is hidden,
/// whichever comes first. Dropping the timer before then cancels the wait; the job then waits
/// for the next [`save_soon`], which replaces it, or for the page to be hidden.
pub fn save_soon(job: impl FnOnce() + 'static) -> SaveTimer {
    PENDING.with(|pending| *pending.borrow_mut() = Some(Box::new(job)));
    let on_time = Closure::<dyn FnMut()>::new(flush);
    let window = web_sys::window();
    let handle = window.as_ref().and_then(|window| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(on_time.as_ref().unchecked_ref(), SAVE_DELAY_MS)
            .ok()
    });
    FLUSH_ON_HIDE.with(|_| ());
    SaveTimer { handle, _on_time: on_time }
}

/// Makes the waiting save now, if there is one.
pub fn flush() {
    let job = PENDING.with(|pending| pending.borrow_mut().take());
    if let Some(job) = job {
        job();
    }
}

thread_local! {
    /// Installed on the first [`save_soon`]: a page being hidden (closed, reloaded, switched
    /// away from) makes its waiting save at once.
    static FLUSH_ON_HIDE: () = {
        let on_hide = Closure::<dyn FnMut()>::new(flush);
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
            if let Some(document) = window.document() {
                let _ = document.add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
            }
        }
        on_hide.forget();
    };
}

/// The wait of one [`save_soon`]; dropping it cancels the wait (not the job).
pub struct SaveTimer {
    handle: Option<i32>,
    _on_time: Closure<dyn FnMut()>,
}

impl Drop for SaveTimer {
    fn drop(&mut self) {
        if let (Some(window), Some(handle)) = (web_sys::window(), self.handle) {
            window.clear_timeout_with_handle(handle);
        }
    }
}
