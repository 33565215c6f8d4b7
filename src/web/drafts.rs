//! Drafts: the pastes are kept in the browser's local storage so they survive a reload.
//!
//! Stored as the JSON of the core's inputs under one versioned key; anything unreadable
//! there is ignored rather than trusted.

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

/// The saved pastes, if any were saved and are still readable.
pub fn load() -> Option<Vec<Input>> {
    let json = storage()?.get_item(KEY).ok().flatten()?;
    serde_json::from_str(&json).ok()
}
