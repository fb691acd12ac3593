//! Tests for the diary's rules and its CSV file; a small RFC 4180 reader parses every file back.

use super::csv::{diary_csv, field, CsvWords};
use super::*;
use crate::calendar::Date;

fn entry(date: &str, pain: u8) -> Entry {
    Entry {
        date: date.into(),
        pain,
        mobility: None,
        medicine: None,
        note: String::new(),
    }
}

fn diary(entries: &[(&str, u8)]) -> Diary {
    let mut d = Diary::default();
    for (date, pain) in entries {
        d.save_entry(entry(date, *pain));
    }
    d
}

#[test]
fn one_entry_a_day_edited_in_place_and_impossible_entries_refused() {
    let mut d = diary(&[("2026-11-20", 6)]);
    d.save_entry(entry("2026-11-20", 4));
    assert_eq!(d.entries.len(), 1);
    assert_eq!(d.entries["2026-11-20"].pain, 4);
    d.save_entry(entry("2026-02-30", 3));
    d.save_entry(entry("2026-11-21", 11));
    assert_eq!(d.entries.len(), 1);
    d.entries.remove("2026-11-20");
    assert!(d.is_empty());
}

#[test]
fn notes_and_own_questions_are_limited_and_lose_control_and_bidi_characters() {
    let mut e = entry("2026-11-20", 2);
    e.note = format!("a\u{202e}b\u{0}c{}", "x".repeat(500));
    let e = e.checked().unwrap();
    assert_eq!(e.note.chars().count(), NOTE_MAX);
    assert!(e.note.starts_with("abc"));
    let mut d = Diary::default();
    for i in 0..30 {
        d.add_own(&format!("Question {i}"));
    }
    d.add_own("   ");
    assert_eq!(d.own.len(), OWN_MAX);
    d.own.clear();
    d.add_own(&"y".repeat(5000));
    assert_eq!(d.own[0].chars().count(), QUESTION_MAX);
    d.add_own(&"y".repeat(5000));
    assert_eq!(d.own.len(), 1, "the same question is not added twice");
}

#[test]
fn days_read_from_the_procedure_date() {
    let p = Date::parse_iso("2026-11-24");
    assert_eq!(relative_day("2026-11-21", p), Some(Relative::Before(3)));
    assert_eq!(relative_day("2026-11-24", p), Some(Relative::ProcedureDay));
    assert_eq!(relative_day("2026-11-29", p), Some(Relative::After(5)));
    assert_eq!(relative_day("2026-12-01", p), Some(Relative::After(7)));
    assert_eq!(relative_day("2026-11-29", None), None);
    assert_eq!(relative_day("junk", p), None);
}

#[test]
fn the_safety_line_shows_only_when_pain_rises() {
    let p = Date::parse_iso("2026-11-24");
    // Lower than the day before: no line.
    let d = diary(&[("2026-11-25", 5), ("2026-11-26", 3)]);
    assert!(!pain_rose(&d, "2026-11-26", p));
    // The same as the day before: no line.
    let d = diary(&[("2026-11-25", 3), ("2026-11-26", 3)]);
    assert!(!pain_rose(&d, "2026-11-26", p));
    // Higher than the last entry: the line.
    let d = diary(&[("2026-11-25", 3), ("2026-11-26", 4)]);
    assert!(pain_rose(&d, "2026-11-26", p));
    // Lower than yesterday but higher than before the procedure: the line.
    let d = diary(&[
        ("2026-11-20", 5),
        ("2026-11-23", 4),
        ("2026-11-27", 8),
        ("2026-11-28", 6),
    ]);
    assert_eq!(
        pain_rise(&d, "2026-11-28", p),
        Some(Rise::SinceBeforeProcedure)
    );
    let d = diary(&[("2026-11-25", 3), ("2026-11-26", 4)]);
    assert_eq!(pain_rise(&d, "2026-11-26", p), Some(Rise::SinceLastEntry));
    let d = diary(&[
        ("2026-11-20", 5),
        ("2026-11-23", 4),
        ("2026-11-27", 8),
        ("2026-11-28", 6),
    ]);
    // Only today's entry matters: an old rise shows nothing today without an entry.
    assert!(!pain_rose(&d, "2026-11-29", p));
    // A first entry has nothing to be higher than.
    assert!(!pain_rose(&diary(&[("2026-11-26", 9)]), "2026-11-26", p));
    // Without a procedure date, only the last entry counts.
    let d = diary(&[("2026-11-20", 2), ("2026-11-21", 1)]);
    assert!(!pain_rose(&d, "2026-11-21", None));
}

/// Reads RFC 4180 text back into rows, so the file is proven, not just eyeballed.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "ends with CRLF"
    );
    rows
}

fn words() -> CsvWords<'static> {
    CsvWords {
        header: [
            "Date",
            "Day",
            "Pain (0-10)",
            "Getting around",
            "Pain medicine",
            "Note",
        ],
        mobility: ["As usual", "Less than usual", "Hardly at all"],
        yes: "Yes",
        no: "No",
        before_one: "1 day before",
        before: "{days} days before",
        after: "Day {days} after",
        procedure_day: "Procedure day",
    }
}

#[test]
fn the_csv_parses_back_with_quotes_commas_line_breaks_and_formulas_kept_as_text() {
    let mut d = diary(&[("2026-11-21", 7)]);
    let mut e = entry("2026-11-29", 3);
    e.mobility = Some(Mobility::Less);
    e.medicine = Some(true);
    e.note = "Walked \"a bit\", then rested".into();
    d.save_entry(e);
    let mut e = entry("2026-11-30", 2);
    e.medicine = Some(false);
    e.note = "=HYPERLINK(\"x\")".into();
    d.save_entry(e);
    let rows = parse_csv(&diary_csv(&d, Date::parse_iso("2026-11-24"), &words()));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][2], "Pain (0-10)");
    assert_eq!(rows[1], ["2026-11-21", "3 days before", "7", "", "", ""]);
    assert_eq!(
        rows[2],
        [
            "2026-11-29",
            "Day 5 after",
            "3",
            "Less than usual",
            "Yes",
            "Walked \"a bit\", then rested"
        ]
    );
    assert_eq!(rows[3][5], "'=HYPERLINK(\"x\")", "a formula stays text");
    assert_eq!(rows[3][4], "No");
    assert_eq!(field("two\nlines"), "\"two\nlines\"");
    assert_eq!(field("plain"), "plain");
}
