//! Everything that touches localStorage: the patient's ticks, procedure date and
//! sources choice (here), the diary ([`diary`]) and the quiz's answers
//! ([`understanding`]), all kept by `device`.
//!
//! Nothing a patient ticked may be lost silently. Each widget's data lives under a
//! versioned key; unreadable data is kept under a backup key and the widget says it
//! started afresh; where storage is blocked or full, the widget works for the visit
//! and says it will not remember.
//!
//! May use: `diary`, `calendar`, `content`.

mod device;
pub mod diary;
pub mod understanding;

pub use device::{back_up, load, load_initial, remove_backup, save, Record};

use crate::calendar::Date;
use crate::content::TickKey;
use miniserde::json::{self, Number, Object, Value};
use std::collections::BTreeSet;

/// Bumped when the saved shape changes; `decode` migrates older versions.
pub const VERSION: u32 = 1;

/// The localStorage key for a widget's `storage-key`.
pub fn key(storage_key: &str) -> String {
    format!("kyphoplasty-guide:v{VERSION}:{storage_key}")
}

/// What is saved for one widget, stored as JSON:
/// `{"version":1,"ticks":["before/…"],"procedureDate":"2026-11-24","showSources":false}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub version: u32,
    pub ticks: BTreeSet<TickKey>,
    /// Read with the calendar's rule (real month lengths), the one rule for a date.
    pub procedure_date: Option<Date>,
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

impl Record for Saved {
    fn key(storage_key: &str) -> String {
        key(storage_key)
    }

    fn decode(raw: &str) -> Loaded<Saved> {
        decode(raw)
    }

    fn encode(&self) -> Option<String> {
        Some(encode(self))
    }
}

/// Reads saved text, accepting this version and migrating older shapes.
///
/// It reads exactly what the earlier serde version wrote and refused: an object with a
/// numeric `version`, a `ticks` array of strings, and optional `procedureDate` (string)
/// and `showSources` (boolean), each of which may also be `null`. Unknown fields are
/// ignored, so a newer widget's additions survive an older reader. Ticks and a date
/// that cannot be ours are dropped, keeping the rest.
pub fn decode(raw: &str) -> Loaded {
    match json::from_str::<Value>(raw)
        .ok()
        .and_then(|value| read(&value))
    {
        Some(saved) => Loaded::Data(saved),
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
            Value::String(tick) => Some(TickKey::parse(tick)),
            _ => None,
        })
        .collect::<Option<Vec<Option<TickKey>>>>()?;
    let procedure_date = match object.get("procedureDate") {
        None | Some(Value::Null) => None,
        Some(Value::String(date)) => Date::parse_iso(date),
        Some(_) => return None,
    };
    let show_sources = match object.get("showSources") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(show)) => Some(*show),
        Some(_) => return None,
    };
    Some(Saved {
        version: VERSION,
        ticks: ticks.into_iter().flatten().collect(),
        procedure_date,
        show_sources,
    })
}

/// The text to store. An unset `showSources` is left out, which keeps the text
/// readable by the first version-1 widgets.
pub fn encode(saved: &Saved) -> String {
    // Built as a value rather than derived: the fields are few.
    let mut object = Object::new();
    object.insert("version".into(), Value::Number(Number::U64(VERSION.into())));
    let ticks = saved
        .ticks
        .iter()
        .map(|t| Value::String(t.to_string()))
        .collect();
    object.insert("ticks".into(), Value::Array(ticks));
    if let Some(date) = saved.procedure_date {
        object.insert("procedureDate".into(), Value::String(date.to_iso()));
    }
    if let Some(show) = saved.show_sources {
        object.insert("showSources".into(), Value::Bool(show));
    }
    json::to_string(&Value::Object(object))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(keys: &[&str]) -> BTreeSet<TickKey> {
        keys.iter().filter_map(|k| TickKey::parse(k)).collect()
    }

    fn saved(ticks: BTreeSet<TickKey>, date: Option<&str>, show: Option<bool>) -> Saved {
        Saved {
            version: VERSION,
            ticks,
            procedure_date: date.and_then(Date::parse_iso),
            show_sources: show,
        }
    }

    #[test]
    fn round_trips_ticks_and_date() {
        let ticks = ticks(&["before/allergies"]);
        let raw = encode(&saved(ticks.clone(), Some("2026-11-24"), None));
        match decode(&raw) {
            Loaded::Data(saved) => {
                assert_eq!(saved.ticks, ticks);
                assert_eq!(
                    saved.procedure_date.map(Date::to_iso).as_deref(),
                    Some("2026-11-24")
                );
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
    fn a_day_the_month_does_not_have_is_dropped_by_the_calendar_rule() {
        let raw = r#"{"version":1,"ticks":[],"procedureDate":"2026-02-30"}"#;
        let Loaded::Data(saved) = decode(raw) else {
            panic!()
        };
        assert_eq!(saved.procedure_date, None);
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
        let ticks = ticks(&["aftercare/ice"]);
        let Loaded::Data(read) = decode(&encode(&saved(ticks.clone(), None, Some(false)))) else {
            panic!()
        };
        assert_eq!(
            (read.ticks, read.show_sources),
            (ticks.clone(), Some(false))
        );
        // Saved before the field existed: every tick is read, the choice is unset.
        let old = r#"{"version":1,"ticks":["aftercare/ice"],"procedureDate":"2026-11-24"}"#;
        let Loaded::Data(read) = decode(old) else {
            panic!()
        };
        assert_eq!((read.ticks, read.show_sources), (ticks, None));
        assert!(!encode(&Saved::default()).contains("showSources"));
    }
}
