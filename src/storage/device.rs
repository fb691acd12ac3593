//! The device's localStorage, for any [`Record`]: the one place that loads, saves and
//! backs up, so the ticks and the diary keep the same guarantees by the same code.

use super::{Loaded, Persistence};

/// One kind of data kept under its own versioned key (the ticks' `Saved`, the diary).
pub trait Record: Default + Sized {
    /// The localStorage key for a widget's `storage-key`.
    fn key(storage_key: &str) -> String;

    /// Where unreadable data is kept, so a person can still recover it.
    fn backup_key(storage_key: &str) -> String {
        format!("{}:unreadable", Self::key(storage_key))
    }

    /// Reads saved text; `Unreadable` keeps the text for backup.
    fn decode(raw: &str) -> Loaded<Self>;

    /// The text to store; `None` removes the key instead (nothing worth keeping).
    fn encode(&self) -> Option<String>;
}

/// What a widget saved, for its first render, and how well it will be remembered.
/// Unreadable data is backed up before the widget starts afresh.
pub fn load_initial<R: Record>(storage_key: &str) -> (R, Persistence) {
    match load::<R>(storage_key) {
        Loaded::Data(data) => (data, Persistence::Remembered),
        Loaded::Empty => (R::default(), Persistence::Remembered),
        Loaded::Unreadable(raw) => {
            back_up::<R>(storage_key, &raw);
            (R::default(), Persistence::ResetAfterUnreadable)
        }
        Loaded::Unavailable => (R::default(), Persistence::VisitOnly),
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use gloo::storage::{LocalStorage, Storage};

    /// gloo's LocalStorage throws when storage is blocked, so probe first.
    fn available() -> bool {
        matches!(
            web_sys::window().map(|w| w.local_storage()),
            Some(Ok(Some(_)))
        )
    }

    /// Loads a widget's saved data.
    pub fn load<R: Record>(storage_key: &str) -> Loaded<R> {
        if !available() {
            return Loaded::Unavailable;
        }
        match LocalStorage::raw().get_item(&R::key(storage_key)) {
            Ok(Some(raw)) => R::decode(&raw),
            Ok(None) => Loaded::Empty,
            Err(_) => Loaded::Unavailable,
        }
    }

    /// Keeps unreadable data aside so it is not overwritten.
    pub fn back_up<R: Record>(storage_key: &str, raw: &str) {
        if available() {
            let _ = LocalStorage::raw().set_item(&R::backup_key(storage_key), raw);
        }
    }

    /// Forgets the unreadable-data backup, when the patient clears their data: clearing
    /// must leave no old health data behind.
    pub fn remove_backup<R: Record>(storage_key: &str) {
        if available() {
            let _ = LocalStorage::raw().remove_item(&R::backup_key(storage_key));
        }
    }

    /// Saves a widget's data; `false` when the browser refused (blocked or full).
    pub fn save<R: Record>(storage_key: &str, data: &R) -> bool {
        if !available() {
            return false;
        }
        let storage = LocalStorage::raw();
        match data.encode() {
            Some(text) => storage.set_item(&R::key(storage_key), &text).is_ok(),
            None => storage.remove_item(&R::key(storage_key)).is_ok(),
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{back_up, load, remove_backup, save};

/// Server rendering (and native tests) have no storage: nothing saved yet.
#[cfg(not(target_arch = "wasm32"))]
pub fn load<R: Record>(storage_key: &str) -> Loaded<R> {
    let _ = storage_key;
    Loaded::Empty
}

/// Nothing to back up without storage.
#[cfg(not(target_arch = "wasm32"))]
pub fn back_up<R: Record>(storage_key: &str, raw: &str) {
    let _ = (storage_key, raw);
}

/// Nothing to clear without storage.
#[cfg(not(target_arch = "wasm32"))]
pub fn remove_backup<R: Record>(storage_key: &str) {
    let _ = storage_key;
}

/// Nothing is remembered without storage.
#[cfg(not(target_arch = "wasm32"))]
pub fn save<R: Record>(storage_key: &str, data: &R) -> bool {
    let _ = (storage_key, data);
    false
}
