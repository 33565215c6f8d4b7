//! Drafts: the pastes are kept in the browser's local storage so they survive a reload.
//!
//! Stored as the JSON of the core's inputs under one versioned key; anything unreadable
//! there is ignored rather than trusted. No drafts at all (nothing under the key) means the
//! page opens on the example; an empty list, that the person emptied the page.

use crate::Input;
use web_sys::Storage;

/// The local-storage key of the drafts; a new format gets a new key.
pub const KEY: &str = "wiretrace.drafts.v1";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Saves the pastes. Fails when storage is disabled or full (browsers allow about 5 MB).
pub fn save(inputs: &[Input]) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not allow local storage")?;
    let json = serde_json::to_string(inputs).map_err(|e| e.to_string())?;
    storage.set_item(KEY, &json).map_err(|_| "the pastes are too large for this browser's storage".to_string())
}

/// Removes the saved pastes, if the browser allows.
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}

/// The saved pastes, if any were saved and are still readable.
pub fn load() -> Option<Vec<Input>> {
    let json = storage()?.get_item(KEY).ok().flatten()?;
    let saved: Vec<Input> = serde_json::from_str(&json).ok()?;
    // Pages that did not open on the example saved their untouched empty paste on every visit:
    // that is nobody's draft. An emptied page is saved as no pastes at all.
    let untouched = !saved.is_empty() && saved.iter().all(|input| input.text.trim().is_empty());
    (!untouched).then_some(saved)
}
