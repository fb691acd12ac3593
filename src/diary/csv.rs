//! The diary as a CSV file (RFC 4180) a patient can upload to a patient portal.
//!
//! Columns: date, day from the procedure, pain, mobility, pain medicine, note. The header
//! is in the patient's language; values that a portal might read (dates, numbers) are
//! not. Every field is quoted when it holds a comma, quote or line break, and a field
//! starting with `= + - @` gets a leading `'`, so a spreadsheet never runs a note as a formula.

use super::{relative_day, Diary, Mobility, Relative};
use crate::calendar::Date;

/// The words the file needs, from the content's `ui` table.
pub struct CsvWords<'a> {
    pub header: [&'a str; 6],
    pub mobility: [&'a str; 3],
    pub yes: &'a str,
    pub no: &'a str,
    /// "1 day before", "{days} days before", "Day {days} after", "Procedure day".
    pub before_one: &'a str,
    pub before: &'a str,
    pub after: &'a str,
    pub procedure_day: &'a str,
}

/// The whole file, CRLF line ends as RFC 4180 asks.
pub fn diary_csv(diary: &Diary, procedure: Option<Date>, words: &CsvWords) -> String {
    let mut out = row(words.header.iter().map(|h| h.to_string()));
    for entry in diary.entries.values() {
        let relative = match relative_day(&entry.date, procedure) {
            Some(Relative::Before(1)) => words.before_one.to_string(),
            Some(Relative::Before(d)) => words.before.replace("{days}", &d.to_string()),
            Some(Relative::After(d)) => words.after.replace("{days}", &d.to_string()),
            Some(Relative::ProcedureDay) => words.procedure_day.to_string(),
            None => String::new(),
        };
        let mobility = entry
            .mobility
            .map(|m| {
                let i = Mobility::ALL.iter().position(|x| *x == m).unwrap_or(0);
                words.mobility[i].to_string()
            })
            .unwrap_or_default();
        let medicine = match entry.medicine {
            Some(true) => words.yes.to_string(),
            Some(false) => words.no.to_string(),
            None => String::new(),
        };
        out.push_str(&row([
            entry.date.clone(),
            relative,
            entry.pain.to_string(),
            mobility,
            medicine,
            entry.note.clone(),
        ]
        .into_iter()));
    }
    out
}

fn row(fields: impl Iterator<Item = String>) -> String {
    let mut line = fields.map(|f| field(&f)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// One field, quoted when needed and defused against spreadsheet formulas.
pub fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A `data:` URL for the download link (works under a strict CSP, no script at click time).
/// Starts with a byte-order mark so spreadsheet programs read the accents in "Día" right.
pub fn data_url(csv: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,%EF%BB%BF");
    for byte in csv.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
