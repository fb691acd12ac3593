//! RFC 5545 (iCalendar) writer for the downloadable recovery calendar.

use super::date::Date;

const PRODID: &str = "-//Kyphoplasty Guide//Patient widget//EN";
/// Right-hand side of every UID, so our events never collide with other producers'.
const UID_DOMAIN: &str = "kyphoplasty-guide";
/// RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the CRLF.
const MAX_LINE_OCTETS: usize = 75;
/// Used when `build_ics` gets a stamp that is not `YYYYMMDDTHHMMSSZ`.
const FALLBACK_STAMP: &str = "19700101T000000Z";

/// One all-day event in the calendar file.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarEvent {
    /// Stable per item, e.g. "kyphoplasty-guide-first-24-hours"; combined with the date to form the UID.
    pub id: String,
    /// First day of the event (the patient's local date).
    pub date: Date,
    /// Number of days the event lasts (≥ 1; 0 is treated as 1); DTEND is exclusive (date + days).
    pub days: u32,
    /// Event title, plain text (escaped on output).
    pub summary: String,
    /// Event notes, plain text; newlines are kept (escaped on output).
    pub description: String,
}

/// Builds an RFC 5545 VCALENDAR with one all-day VEVENT per event, so patients
/// can import their milestones into any calendar app.
///
/// CRLF line endings; lines folded at 75 octets without splitting a UTF-8
/// character (continuations start with one space); TEXT values escaped
/// (`\` `;` `,` newline → `\\` `\;` `\,` `\n`; CR/CRLF count as a newline, other
/// control characters except tab are dropped). `calendar_name` goes in
/// X-WR-CALNAME. Each VEVENT has UID `{id}@kyphoplasty-guide` (id
/// characters outside `[A-Za-z0-9-]` become `-`, an empty id becomes `event`, and
/// a UID already used in this file gets `-2`, `-3`, … so none collide), DTSTAMP
/// (`stamp`, e.g. from [`utc_stamp`](super::utc_stamp); anything not shaped
/// `YYYYMMDDTHHMMSSZ` is replaced by `19700101T000000Z`), DTSTART/DTEND as
/// `VALUE=DATE` (DTEND exclusive), SUMMARY, DESCRIPTION and TRANSP:TRANSPARENT
/// (milestones should not block the patient's free/busy time).
pub fn build_ics(calendar_name: &str, events: &[CalendarEvent], stamp: &str) -> String {
    let stamp = if is_utc_stamp(stamp) {
        stamp
    } else {
        FALLBACK_STAMP
    };
    let mut out = String::with_capacity(256 + events.len() * 512);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        &format!("X-WR-CALNAME:{}", escape_text(calendar_name)),
    ] {
        push_folded(&mut out, line);
    }
    let mut used_uids: Vec<String> = Vec::with_capacity(events.len());
    for event in events {
        let uid = unique_uid(event, &used_uids);
        let end = event.date.add_days(i64::from(event.days.max(1)));
        for line in [
            "BEGIN:VEVENT",
            &format!("UID:{uid}"),
            &format!("DTSTAMP:{stamp}"),
            &format!("DTSTART;VALUE=DATE:{}", event.date.to_basic()),
            &format!("DTEND;VALUE=DATE:{}", end.to_basic()),
            &format!("SUMMARY:{}", escape_text(&event.summary)),
            &format!("DESCRIPTION:{}", escape_text(&event.description)),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ] {
            push_folded(&mut out, line);
        }
        used_uids.push(uid);
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}

/// `{id}@kyphoplasty-guide`, made unique among `used` by a numeric suffix. The date is
/// not part of it: when the patient changes the procedure date and imports the file
/// again, calendars update the same events instead of adding a second set.
fn unique_uid(event: &CalendarEvent, used: &[String]) -> String {
    let id: String = if event.id.is_empty() {
        "event".to_owned()
    } else {
        event
            .id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    let base = id;
    let mut uid = format!("{base}@{UID_DOMAIN}");
    let mut suffix = 2u32;
    while used.contains(&uid) {
        uid = format!("{base}-{suffix}@{UID_DOMAIN}");
        suffix += 1;
    }
    uid
}

/// Whether `stamp` has the shape `YYYYMMDDTHHMMSSZ` (guards against line injection).
fn is_utc_stamp(stamp: &str) -> bool {
    let bytes = stamp.as_bytes();
    bytes.len() == 16
        && bytes.iter().enumerate().all(|(index, &byte)| match index {
            8 => byte == b'T',
            15 => byte == b'Z',
            _ => byte.is_ascii_digit(),
        })
}

/// Escapes an RFC 5545 TEXT value (§3.3.11).
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\t' => escaped.push('\t'),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends `line` plus CRLF, folded so no physical line exceeds 75 octets and no
/// UTF-8 character is split (continuation lines start with a single space).
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
