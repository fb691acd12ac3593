//! Everything that touches localStorage: the patient's ticks and procedure date.
//!
//! Nothing a patient ticked may be lost silently. Each widget's data lives under a
//! versioned key; unreadable data is kept under a backup key and the widget says it
//! started afresh; where storage is blocked or full, the widget works for the visit
//! and says it will not remember.
//!
//! May use: `diary`, `calendar`, `content`.

pub mod diary;

use miniserde::json::{self, Number, Object, Value};
use std::collections::BTreeSet;

/// Bumped when the saved shape changes; `decode` migrates older versions.
pub const VERSION: u32 = 1;

/// The localStorage key for a widget's `storage-key`.
pub fn key(storage_key: &str) -> String {
    format!("kyphoplasty-guide:v{VERSION}:{storage_key}")
}

/// Where unreadable data is kept, so a person can still recover it.
pub fn backup_key(storage_key: &str) -> String {
    format!("{}:unreadable", key(storage_key))
}

/// What is saved for one widget, stored as JSON:
/// `{"version":1,"ticks":["before/…"],"procedureDate":"2026-11-24","showSources":false}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub version: u32,
    pub ticks: BTreeSet<String>,
    pub procedure_date: Option<String>,
    /// Whether the patient shows the source references. Added to the version-1 shape as an
    /// optional field rather than by bumping the version: an older copy of the widget still
    /// open in another tab reads the ticks and ignores it, where a new version would make
    /// that copy treat the list as unreadable and start afresh.
    pub show_sources: Option<bool>,
}

/// What loading found (the ticks' [`Saved`], or the diary's `crate::diary::Diary`).
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T = Saved> {
    /// Nothing saved yet.
    Empty,
    /// Saved data, read (and migrated if it was older).
    Data(T),
    /// Saved data that could not be read; the raw text is kept for backup.
    Unreadable(String),
    /// The browser refuses storage (blocked, private mode): nothing will be remembered.
    Unavailable,
}

/// Whether the last save worked, so the widget can tell the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Ticks are being remembered on this device.
    Remembered,
    /// Storage is unavailable or full: ticks last only for this visit.
    VisitOnly,
    /// Saved data could not be read; it was backed up and the list started afresh.
    ResetAfterUnreadable,
}

/// Reads saved text, accepting this version and migrating older shapes.
///
/// It reads exactly what the earlier serde version wrote and refused: an object with a
/// numeric `version`, a `ticks` array of strings, and optional `procedureDate` (string)
/// and `showSources` (boolean), each of which may also be `null`. Unknown fields are
/// ignored, so a newer widget's additions survive an older reader.
pub fn decode(raw: &str) -> Loaded {
    match json::from_str::<Value>(raw)
        .ok()
        .and_then(|value| read(&value))
    {
        Some(saved) => Loaded::Data(sanitise(saved)),
        None => Loaded::Unreadable(raw.to_string()),
    }
}

/// The saved shape out of parsed JSON; `None` when any part is not what we wrote.
fn read(value: &Value) -> Option<Saved> {
    let Value::Object(object) = value else {
        return None;
    };
    match object.get("version") {
        Some(Value::Number(Number::U64(v))) if *v == u64::from(VERSION) => {}
        _ => return None,
    }
    let Some(Value::Array(ticks)) = object.get("ticks") else {
        return None;
    };
    let ticks = ticks
        .iter()
        .map(|tick| match tick {
            Value::String(tick) => Some(tick.clone()),
            _ => None,
        })
        .collect::<Option<BTreeSet<String>>>()?;
    let procedure_date = match object.get("procedureDate") {
        None | Some(Value::Null) => None,
        Some(Value::String(date)) => Some(date.clone()),
        Some(_) => return None,
    };
    let show_sources = match object.get("showSources") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(show)) => Some(*show),
        Some(_) => return None,
    };
    Some(Saved {
        version: VERSION,
        ticks,
        procedure_date,
        show_sources,
    })
}

/// Drops entries that cannot be ours (overlong or malformed), keeping the rest.
fn sanitise(mut saved: Saved) -> Saved {
    saved.ticks.retain(|t| t.len() <= 120 && t.contains('/'));
    if let Some(date) = &saved.procedure_date {
        if !is_iso_date(date) {
            saved.procedure_date = None;
        }
    }
    saved
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(y, 4), number(m, 2), number(d, 2)),
        (Some(1900..=2200), Some(1..=12), Some(1..=31))
    )
}

/// The text to store.
pub fn encode(ticks: &BTreeSet<String>, procedure_date: Option<&str>) -> String {
    encode_with(ticks, procedure_date, None)
}

/// The text to store, with the show-sources choice when there is one.
pub fn encode_with(
    ticks: &BTreeSet<String>,
    procedure_date: Option<&str>,
    show_sources: Option<bool>,
) -> String {
    // Built as a value rather than derived: the fields are few, and leaving out an unset
    // `showSources` keeps the text readable by the first version-1 widgets.
    let mut object = Object::new();
    object.insert("version".into(), Value::Number(Number::U64(VERSION.into())));
    let ticks = ticks.iter().cloned().map(Value::String).collect();
    object.insert("ticks".into(), Value::Array(ticks));
    if let Some(date) = procedure_date {
        object.insert("procedureDate".into(), Value::String(date.to_string()));
    }
    if let Some(show) = show_sources {
        object.insert("showSources".into(), Value::Bool(show));
    }
    json::to_string(&Value::Object(object))
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
    pub fn load(storage_key: &str) -> Loaded {
        if !available() {
            return Loaded::Unavailable;
        }
        match LocalStorage::raw().get_item(&key(storage_key)) {
            Ok(Some(raw)) => decode(&raw),
            Ok(None) => Loaded::Empty,
            Err(_) => Loaded::Unavailable,
        }
    }

    /// Keeps unreadable data aside so it is not overwritten.
    pub fn back_up(storage_key: &str, raw: &str) {
        if available() {
            let _ = LocalStorage::raw().set_item(&backup_key(storage_key), raw);
        }
    }

    /// Forgets the unreadable-data backup, when the patient clears their ticks: clearing
    /// must leave no old health data behind.
    pub fn remove_backup(storage_key: &str) {
        if available() {
            let _ = LocalStorage::raw().remove_item(&backup_key(storage_key));
        }
    }

    /// Saves a widget's data; `false` when the browser refused (blocked or full).
    pub fn save(
        storage_key: &str,
        ticks: &BTreeSet<String>,
        procedure_date: Option<&str>,
        show_sources: Option<bool>,
    ) -> bool {
        available()
            && LocalStorage::raw()
                .set_item(
                    &key(storage_key),
                    &encode_with(ticks, procedure_date, show_sources),
                )
                .is_ok()
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{back_up, load, remove_backup, save};

/// Server rendering has no storage to clear.
#[cfg(not(target_arch = "wasm32"))]
pub fn remove_backup(storage_key: &str) {
    let _ = storage_key;
}

/// Reads what a widget saved, for its first render, and how well it will be remembered.
/// Unreadable data is backed up before the list starts afresh.
pub fn load_initial(storage_key: &str) -> (Saved, Persistence) {
    #[cfg(target_arch = "wasm32")]
    {
        match load(storage_key) {
            Loaded::Data(saved) => (saved, Persistence::Remembered),
            Loaded::Empty => (Saved::default(), Persistence::Remembered),
            Loaded::Unreadable(raw) => {
                back_up(storage_key, &raw);
                (Saved::default(), Persistence::ResetAfterUnreadable)
            }
            Loaded::Unavailable => (Saved::default(), Persistence::VisitOnly),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = storage_key;
        (Saved::default(), Persistence::Remembered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_ticks_and_date() {
        let ticks: BTreeSet<String> = ["before/allergies".to_string()].into();
        let raw = encode(&ticks, Some("2026-11-24"));
        match decode(&raw) {
            Loaded::Data(saved) => {
                assert_eq!(saved.ticks, ticks);
                assert_eq!(saved.procedure_date.as_deref(), Some("2026-11-24"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn corrupt_or_unknown_versions_are_kept_for_backup() {
        for raw in [
            "{not json",
            "[]",
            "{\"version\": 99, \"ticks\": []}",
            "{\"version\": 1, \"ticks\": 5}",
        ] {
            assert_eq!(decode(raw), Loaded::Unreadable(raw.to_string()), "{raw}");
        }
    }

    #[test]
    fn implausible_entries_are_dropped_not_the_whole_list() {
        let raw = r#"{"version":1,"ticks":["before/a","junk"],"procedureDate":"2026-13-40"}"#;
        let Loaded::Data(saved) = decode(raw) else {
            panic!()
        };
        assert_eq!(saved.ticks.len(), 1);
        assert_eq!(saved.procedure_date, None);
    }

    #[test]
    fn keys_are_versioned_per_widget() {
        assert_eq!(key("clinic"), "kyphoplasty-guide:v1:clinic");
        assert_ne!(key("a"), key("b"));
    }

    #[test]
    fn the_show_sources_choice_is_kept_and_older_data_still_reads_with_its_ticks() {
        let ticks: BTreeSet<String> = ["aftercare/ice".to_string()].into();
        let Loaded::Data(saved) = decode(&encode_with(&ticks, None, Some(false))) else {
            panic!()
        };
        assert_eq!(
            (saved.ticks, saved.show_sources),
            (ticks.clone(), Some(false))
        );
        // Saved before the field existed: every tick is read, the choice is unset.
        let old = r#"{"version":1,"ticks":["aftercare/ice"],"procedureDate":"2026-11-24"}"#;
        let Loaded::Data(saved) = decode(old) else {
            panic!()
        };
        assert_eq!((saved.ticks, saved.show_sources), (ticks, None));
        assert!(!encode(&BTreeSet::new(), None).contains("showSources"));
    }
}
