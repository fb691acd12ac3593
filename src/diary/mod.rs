//! The patient's pain diary and their questions for the care team: the data, its limits,
//! and the few rules the "My visit" section shows (relative days, the gentle safety line).
//!
//! Pure std Rust, like `crate::calendar`, so every rule is unit-tested natively. What is
//! kept on the device, and how, is `crate::storage::diary`; the CSV file is [`csv`].
//!
//! An entry's day stays the `YYYY-MM-DD` text it is stored and keyed by (ISO text sorts
//! in date order), checked once by `Date::parse_iso` where it enters ([`Entry::checked`]);
//! the procedure date arrives already a [`Date`].
//!
//! May use: `calendar`, `content`.

pub mod csv;

use crate::calendar::Date;
use std::collections::{BTreeMap, BTreeSet};

/// The longest note, in characters: a line or two, so the printed table stays readable
/// and a pasted novel cannot fill the patient's storage.
pub const NOTE_MAX: usize = 200;
/// The longest question of the patient's own, in characters.
pub const QUESTION_MAX: usize = 200;
/// How many questions of their own a patient can add: enough for a visit.
pub const OWN_MAX: usize = 20;
/// How many diary days are kept: a year of entries is far more than a visit needs.
pub const ENTRIES_MAX: usize = 400;

/// How the patient got around that day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mobility {
    AsUsual,
    Less,
    HardlyAtAll,
}

impl Mobility {
    pub const ALL: [Mobility; 3] = [Mobility::AsUsual, Mobility::Less, Mobility::HardlyAtAll];

    /// The word stored on the device and written in the CSV (never shown to the patient).
    pub fn name(self) -> &'static str {
        match self {
            Mobility::AsUsual => "as-usual",
            Mobility::Less => "less",
            Mobility::HardlyAtAll => "hardly",
        }
    }

    pub fn from_name(name: &str) -> Option<Mobility> {
        Mobility::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// One day of the diary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The patient's calendar date, `YYYY-MM-DD`; one entry a day.
    pub date: String,
    /// 0 (no pain) to 10 (worst possible).
    pub pain: u8,
    pub mobility: Option<Mobility>,
    /// Whether they took pain medicine that day, when they said.
    pub medicine: Option<bool>,
    /// Their own words, at most [`NOTE_MAX`] characters.
    pub note: String,
}

impl Entry {
    /// The entry as it may be kept: `None` when the date or pain cannot be the patient's,
    /// the note cut to its limit and stripped of control characters.
    pub fn checked(mut self) -> Option<Entry> {
        Date::parse_iso(&self.date)?;
        if self.pain > 10 {
            return None;
        }
        self.note = limit(&self.note, NOTE_MAX);
        Some(self)
    }
}

/// The whole diary and question list of one widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diary {
    /// Entries by date, so there is one a day and they sort by date.
    pub entries: BTreeMap<String, Entry>,
    /// Ids of the guide's questions the patient wants to ask.
    pub picked: BTreeSet<String>,
    /// The patient's own questions, in the order they wrote them.
    pub own: Vec<String>,
}

impl Diary {
    /// Whether there is nothing to keep (and nothing to clear).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.picked.is_empty() && self.own.is_empty()
    }

    /// Adds the day's entry, or replaces it when that day already has one.
    pub fn save_entry(&mut self, entry: Entry) {
        if let Some(entry) = entry.checked() {
            if self.entries.contains_key(&entry.date) || self.entries.len() < ENTRIES_MAX {
                self.entries.insert(entry.date.clone(), entry);
            }
        }
    }

    /// Adds an own question; blank text, a 21st question or a repeat is ignored.
    pub fn add_own(&mut self, text: &str) {
        let text = limit(text, QUESTION_MAX);
        if !text.is_empty() && self.own.len() < OWN_MAX && !self.own.contains(&text) {
            self.own.push(text);
        }
    }

    /// Drops what cannot be ours after reading saved data, keeping the rest.
    pub fn sanitised(self) -> Diary {
        let mut diary = Diary::default();
        for entry in self.entries.into_values() {
            diary.save_entry(entry);
        }
        diary.picked = self
            .picked
            .into_iter()
            .filter(|id| id.len() <= 64)
            .collect();
        for text in &self.own {
            diary.add_own(text);
        }
        diary
    }
}

/// Text cut to `max` characters, with control and bidi-override characters removed
/// (they could make a note read differently in print than on screen) and spaces trimmed.
pub fn limit(text: &str, max: usize) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(max)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The explicit direction marks and overrides (U+202A–U+202E, U+2066–U+2069, U+200E/F).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Where a day lies from the procedure: `Before(3)` is "3 days before", `After(5)` is "Day 5 after".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    Before(i64),
    ProcedureDay,
    After(i64),
}

/// The day relative to the procedure, when both dates can be read.
pub fn relative_day(date: &str, procedure: Option<Date>) -> Option<Relative> {
    let day = Date::parse_iso(date)?.days_since_epoch();
    let procedure = procedure?.days_since_epoch();
    Some(match day - procedure {
        0 => Relative::ProcedureDay,
        d if d < 0 => Relative::Before(-d),
        d => Relative::After(d),
    })
}

/// Why the care-team line shows: today's pain is higher than the entry before it, or
/// higher than the last entry before the procedure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rise {
    SinceLastEntry,
    SinceBeforeProcedure,
}

/// Whether (and why) to show the care-team line. It is never a diagnosis, only the
/// leaflets' "call if your pain gets worse", shown when the diary shows exactly that.
pub fn pain_rise(diary: &Diary, today: &str, procedure: Option<Date>) -> Option<Rise> {
    let now = diary.entries.get(today)?;
    if before_day(diary, today).is_some_and(|(_, last)| now.pain > last.pain) {
        return Some(Rise::SinceLastEntry);
    }
    // The last entry before the procedure day: the pain the procedure was meant to ease.
    let before = procedure
        .map(Date::to_iso)
        .filter(|p| p.as_str() < today)
        .and_then(|p| before_day(diary, &p));
    before
        .is_some_and(|(_, e)| now.pain > e.pain)
        .then_some(Rise::SinceBeforeProcedure)
}

/// Whether to show the care-team line (see [`pain_rise`]).
pub fn pain_rose(diary: &Diary, today: &str, procedure: Option<Date>) -> bool {
    pain_rise(diary, today, procedure).is_some()
}

/// The last entry before `day`.
fn before_day<'a>(diary: &'a Diary, day: &str) -> Option<(&'a String, &'a Entry)> {
    use std::ops::Bound;
    diary
        .entries
        .range::<str, _>((Bound::Unbounded, Bound::Excluded(day)))
        .next_back()
}

/// The patient's local date today, `YYYY-MM-DD`; `None` where there is no clock (server rendering).
pub fn today() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let date = Date {
            year: now.get_full_year() as i32,
            month: now.get_month() + 1,
            day: now.get_date(),
        };
        Some(date.to_iso())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

#[cfg(test)]
mod tests;
