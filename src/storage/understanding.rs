//! The patient's answers to "Check your understanding", on the device, with the same
//! guarantees as the ticks (see the parent module): a versioned key of its own,
//! unreadable data kept under a backup key, implausible entries dropped, the rest kept.
//!
//! A key of its own rather than a field beside the ticks, as the diary has: an older
//! widget open in another tab keeps reading and writing the ticks exactly as before.

use super::{Loaded, Record};
use miniserde::json::{self, Number, Object, Value};
use std::collections::BTreeMap;

/// Bumped when the saved answers' shape changes; [`decode`] then migrates older versions.
pub const VERSION: u32 = 1;

/// Most answers kept: far more than the quiz has questions, so only junk is cut.
pub const MOST_ANSWERS: usize = 50;

/// Longest id kept: content ids are short kebab-case words.
const ID_MAX: usize = 60;

/// `kyphoplasty-guide:understanding:v1:<storage-key>`.
pub fn key(storage_key: &str) -> String {
    format!("kyphoplasty-guide:understanding:v{VERSION}:{storage_key}")
}

/// The option the patient picked for each question, by question id. Only ids: the
/// words are the content's, so a saved answer reads in any language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub picked: BTreeMap<String, String>,
}

impl Answers {
    /// Whether nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.picked.is_empty()
    }
}

impl Record for Answers {
    fn key(storage_key: &str) -> String {
        key(storage_key)
    }

    fn decode(raw: &str) -> Loaded<Answers> {
        decode(raw)
    }

    /// No answers are removed rather than stored, so "Start again" leaves no key behind.
    fn encode(&self) -> Option<String> {
        (!self.is_empty()).then(|| encode(self))
    }
}

/// The text to store: `{"version":1,"answers":{"chest-pain":"call-emergency"}}`.
pub fn encode(answers: &Answers) -> String {
    let mut object = Object::new();
    object.insert("version".into(), Value::Number(Number::U64(VERSION.into())));
    let mut picked = Object::new();
    for (question, option) in &answers.picked {
        picked.insert(question.clone(), Value::String(option.clone()));
    }
    object.insert("answers".into(), Value::Object(picked));
    json::to_string(&Value::Object(object))
}

/// Reads saved text: `Data` for this version (entries that cannot be ids dropped),
/// `Unreadable` for anything else, so it is backed up rather than overwritten.
pub fn decode(raw: &str) -> Loaded<Answers> {
    match json::from_str::<Value>(raw).ok().and_then(|v| read(&v)) {
        Some(answers) => Loaded::Data(answers),
        None => Loaded::Unreadable(raw.to_string()),
    }
}

fn read(value: &Value) -> Option<Answers> {
    let Value::Object(object) = value else {
        return None;
    };
    match object.get("version") {
        Some(Value::Number(Number::U64(v))) if *v == u64::from(VERSION) => {}
        _ => return None,
    }
    let Some(Value::Object(answers)) = object.get("answers") else {
        return None;
    };
    // Inserted one by one: collecting into a map would bring a sort into the wasm.
    let mut picked = BTreeMap::new();
    for (question, option) in answers {
        if let Value::String(option) = option {
            if is_id(question) && is_id(option) && picked.len() < MOST_ANSWERS {
                picked.insert(question.clone(), option.clone());
            }
        }
    }
    Some(Answers { picked })
}

/// A content id: short, lowercase letters, digits and hyphens.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= ID_MAX
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers {
            picked: pairs
                .iter()
                .map(|(q, o)| (q.to_string(), o.to_string()))
                .collect(),
        }
    }

    #[test]
    fn round_trips_the_answers() {
        let a = answers(&[("chest-pain", "call-emergency"), ("cement", "whole-spine")]);
        assert_eq!(decode(&encode(&a)), Loaded::Data(a));
    }

    #[test]
    fn corrupt_or_unknown_versions_are_kept_for_backup() {
        for raw in [
            "{not json",
            "[]",
            r#"{"version":2,"answers":{}}"#,
            r#"{"version":1,"answers":[]}"#,
            r#"{"version":1}"#,
        ] {
            assert_eq!(decode(raw), Loaded::Unreadable(raw.to_string()), "{raw}");
        }
    }

    #[test]
    fn implausible_entries_are_dropped_not_the_whole_list() {
        let long = "a".repeat(ID_MAX + 1);
        let raw = format!(
            r#"{{"version":1,"answers":{{"fever":"call-team","Bad Id":"x","cement":5,"{long}":"y","cuts":"<b>"}}}}"#
        );
        assert_eq!(
            decode(&raw),
            Loaded::Data(answers(&[("fever", "call-team")]))
        );
    }

    #[test]
    fn no_answers_leave_no_key_and_the_key_is_versioned_per_widget() {
        assert_eq!(Answers::default().encode(), None);
        assert_eq!(key("clinic"), "kyphoplasty-guide:understanding:v1:clinic");
        assert_ne!(key("clinic"), crate::storage::key("clinic"));
        assert_ne!(key("clinic"), crate::storage::diary::key("clinic"));
    }
}
