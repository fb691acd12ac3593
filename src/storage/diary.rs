//! The pain diary and question list on the device, with the same guarantees as the ticks
//! (see the parent module): a versioned key of its own, unreadable data kept under a
//! backup key, and a plain `false` when the browser refuses to save.
//!
//! A key of its own rather than a field beside the ticks: the diary is larger and changes
//! more often, and an older widget open in another tab keeps reading and writing the
//! ticks exactly as before, never dropping a diary it does not know.

use super::{Loaded, Record};
use crate::diary::{Diary, Entry, Mobility};
use miniserde::json::{self, Array, Number, Object, Value};

/// Bumped when the saved diary's shape changes; [`decode`] then migrates older versions.
pub const VERSION: u32 = 1;

/// `kyphoplasty-guide:diary:v1:<storage-key>`.
pub fn key(storage_key: &str) -> String {
    format!("kyphoplasty-guide:diary:v{VERSION}:{storage_key}")
}

impl Record for Diary {
    fn key(storage_key: &str) -> String {
        key(storage_key)
    }

    fn decode(raw: &str) -> Loaded<Diary> {
        decode(raw)
    }

    /// An empty diary is removed rather than stored, so clearing leaves no key behind.
    fn encode(&self) -> Option<String> {
        (!self.is_empty()).then(|| encode(self))
    }
}

/// The text to store:
/// `{"version":1,"entries":[{"date":"2026-11-25","pain":4,"mobility":"less","medicine":true,"note":"…"}],"questions":["…"],"own":["…"]}`.
pub fn encode(diary: &Diary) -> String {
    let mut object = Object::new();
    object.insert("version".into(), Value::Number(Number::U64(VERSION.into())));
    let entries = diary.entries.values().map(entry_value).collect();
    object.insert("entries".into(), Value::Array(entries));
    let strings = |list: &mut dyn Iterator<Item = &String>| {
        Value::Array(list.cloned().map(Value::String).collect::<Array>())
    };
    object.insert("questions".into(), strings(&mut diary.picked.iter()));
    object.insert("own".into(), strings(&mut diary.own.iter()));
    json::to_string(&Value::Object(object))
}

fn entry_value(entry: &Entry) -> Value {
    let mut object = Object::new();
    object.insert("date".into(), Value::String(entry.date.clone()));
    object.insert("pain".into(), Value::Number(Number::U64(entry.pain.into())));
    if let Some(m) = entry.mobility {
        object.insert("mobility".into(), Value::String(m.name().into()));
    }
    if let Some(took) = entry.medicine {
        object.insert("medicine".into(), Value::Bool(took));
    }
    if !entry.note.is_empty() {
        object.insert("note".into(), Value::String(entry.note.clone()));
    }
    Value::Object(object)
}

/// Reads saved text: `Data` for this version (implausible parts dropped, the rest kept),
/// `Unreadable` for anything else, so it can be backed up rather than overwritten.
pub fn decode(raw: &str) -> Loaded<Diary> {
    match json::from_str::<Value>(raw).ok().and_then(|v| read(&v)) {
        Some(diary) => Loaded::Data(diary.sanitised()),
        None => Loaded::Unreadable(raw.to_string()),
    }
}

fn read(value: &Value) -> Option<Diary> {
    let Value::Object(object) = value else {
        return None;
    };
    match object.get("version") {
        Some(Value::Number(Number::U64(v))) if *v == u64::from(VERSION) => {}
        _ => return None,
    }
    let mut diary = Diary::default();
    let Some(Value::Array(entries)) = object.get("entries") else {
        return None;
    };
    for entry in entries {
        let entry = read_entry(entry)?;
        diary.entries.insert(entry.date.clone(), entry);
    }
    diary.picked = strings(object.get("questions"))?.into_iter().collect();
    diary.own = strings(object.get("own"))?;
    Some(diary)
}

fn read_entry(value: &Value) -> Option<Entry> {
    let Value::Object(o) = value else {
        return None;
    };
    let Some(Value::String(date)) = o.get("date") else {
        return None;
    };
    let pain = match o.get("pain") {
        Some(Value::Number(Number::U64(p))) if *p <= 10 => *p as u8,
        _ => return None,
    };
    let mobility = match o.get("mobility") {
        None | Some(Value::Null) => None,
        Some(Value::String(m)) => Some(Mobility::from_name(m)?),
        Some(_) => return None,
    };
    let medicine = match o.get("medicine") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return None,
    };
    let note = match o.get("note") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(n)) => n.clone(),
        Some(_) => return None,
    };
    Some(Entry {
        date: date.clone(),
        pain,
        mobility,
        medicine,
        note,
    })
}

/// A list of strings; a missing list is empty, anything else is not ours.
fn strings(value: Option<&Value>) -> Option<Vec<String>> {
    match value {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_entries_and_questions() {
        let mut d = Diary::default();
        d.save_entry(Entry {
            date: "2026-11-25".into(),
            pain: 4,
            mobility: Some(Mobility::HardlyAtAll),
            medicine: Some(false),
            note: "Sore \"today\" <b>".into(),
        });
        d.save_entry(Entry {
            date: "2026-11-26".into(),
            pain: 0,
            mobility: None,
            medicine: None,
            note: String::new(),
        });
        d.picked.insert("driving".into());
        d.add_own("Can I swim?");
        assert_eq!(decode(&encode(&d)), Loaded::Data(d));
    }

    #[test]
    fn corrupt_or_unknown_versions_are_kept_for_backup() {
        for raw in [
            "{not json",
            "[]",
            r#"{"version":2,"entries":[]}"#,
            r#"{"version":1,"entries":{}}"#,
            r#"{"version":1,"entries":[{"date":"2026-11-25","pain":"4"}]}"#,
        ] {
            assert_eq!(decode(raw), Loaded::Unreadable(raw.to_string()), "{raw}");
        }
    }

    #[test]
    fn implausible_parts_are_dropped_not_the_whole_diary() {
        let long = "q".repeat(999);
        let raw = format!(
            r#"{{"version":1,"entries":[{{"date":"2026-13-40","pain":3}},{{"date":"2026-11-25","pain":3}}],"own":["{long}",""]}}"#
        );
        let Loaded::Data(d) = decode(&raw) else {
            panic!()
        };
        assert_eq!(d.entries.len(), 1);
        assert_eq!(d.own.len(), 1);
        assert_eq!(d.own[0].len(), crate::diary::QUESTION_MAX);
    }

    #[test]
    fn the_key_is_versioned_per_widget_and_apart_from_the_ticks() {
        assert_eq!(key("clinic"), "kyphoplasty-guide:diary:v1:clinic");
        assert_ne!(key("clinic"), super::super::key("clinic"));
    }
}
