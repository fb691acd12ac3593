//! Tests for the .ics writer: a small RFC 5545 parser reads every file back.
use super::*;
use std::collections::HashSet;

/// One content line: `name;param;param:value` (value still escaped).
#[derive(Debug)]
struct Property {
    name: String,
    params: Vec<String>,
    value: String,
}

/// A BEGIN/END block with its properties and nested blocks.
#[derive(Debug, Default)]
struct Component {
    name: String,
    properties: Vec<Property>,
    children: Vec<Component>,
}

impl Component {
    fn get(&self, name: &str) -> &Property {
        let mut found = self.properties.iter().filter(|p| p.name == name);
        let property = found.next().unwrap_or_else(|| panic!("no {name}"));
        assert!(found.next().is_none(), "{name} appears twice");
        property
    }

    fn value(&self, name: &str) -> &str {
        &self.get(name).value
    }

    fn text(&self, name: &str) -> String {
        unescape(self.value(name))
    }
}

/// Removes every CRLF followed by one space or tab (RFC 5545 §3.1).
fn unfold(raw: &str) -> String {
    let mut unfolded = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(pos) = rest.find("\r\n") {
        unfolded.push_str(&rest[..pos]);
        let after = &rest[pos + 2..];
        if after.starts_with([' ', '\t']) {
            rest = &after[1..];
        } else {
            unfolded.push_str("\r\n");
            rest = after;
        }
    }
    unfolded.push_str(rest);
    unfolded
}

/// Inverse of TEXT escaping; rejects unknown escapes and bare `;` / `,`.
fn unescape(value: &str) -> String {
    let mut text = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => text.push('\n'),
                Some(c @ ('\\' | ';' | ',')) => text.push(c),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            },
            ';' | ',' => panic!("unescaped {c:?} in {value:?}"),
            c => text.push(c),
        }
    }
    text
}

/// Parses a whole file into its single top-level component, checking BEGIN/END balance.
fn parse(raw: &str) -> Component {
    let unfolded = unfold(raw);
    let body = unfolded.strip_suffix("\r\n").expect("ends with CRLF");
    let mut stack = vec![Component::default()];
    for line in body.split("\r\n") {
        let (head, value) = line.split_once(':').expect("line has a colon");
        let mut parts = head.split(';');
        let name = parts.next().unwrap().to_owned();
        let params: Vec<String> = parts.map(str::to_owned).collect();
        match name.as_str() {
            "BEGIN" => stack.push(Component {
                name: value.to_owned(),
                ..Component::default()
            }),
            "END" => {
                let done = stack.pop().unwrap();
                assert_eq!(done.name, value, "END does not match BEGIN");
                stack
                    .last_mut()
                    .expect("END without BEGIN")
                    .children
                    .push(done);
            }
            _ => stack.last_mut().unwrap().properties.push(Property {
                name,
                params,
                value: value.to_owned(),
            }),
        }
    }
    let mut root = stack.pop().unwrap();
    assert!(stack.is_empty(), "unclosed BEGIN");
    assert!(root.properties.is_empty(), "property outside any component");
    assert_eq!(root.children.len(), 1);
    root.children.pop().unwrap()
}

/// Asserts every physical line is ≤ 75 octets and CRLF-terminated, with no bare CR/LF.
fn assert_physical_lines(raw: &str) {
    let body = raw.strip_suffix("\r\n").expect("file ends with CRLF");
    for line in body.split("\r\n") {
        assert!(
            line.len() <= MAX_LINE_OCTETS,
            "{} octets: {line:?}",
            line.len()
        );
        assert!(!line.contains(['\r', '\n']), "bare CR/LF in {line:?}");
    }
}

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn event(id: &str, on: &str, days: u32, summary: &str, description: &str) -> CalendarEvent {
    CalendarEvent {
        id: id.to_owned(),
        date: date(on),
        days,
        summary: summary.to_owned(),
        description: description.to_owned(),
    }
}

fn spanish_summary() -> String {
    let seed = "Revisión de seguimiento: traiga radiografías, lista de medicamentos; \
                ¿dolor nuevo o fiebre? Llame al cirujano 🩺 ñandú pingüino acción 💊 ";
    let summary: String = seed.chars().cycle().take(200).collect();
    assert_eq!(summary.chars().count(), 200);
    summary
}

fn sample_events() -> Vec<CalendarEvent> {
    vec![
        event(
            "kyphoplasty-guide-first-24-hours",
            "2026-11-22",
            1,
            "First 24 hours: rest, walk with help",
            "Ice, not heat; watch the dressing.\nCall if: fever, new weakness, numbness.",
        ),
        event(
            "kyphoplasty-guide-week-1",
            "2026-12-30",
            3,
            "Back\\slash \\n literal, semi;colon, comma",
            "Line one\nLine two\n\nTrailing backslash \\",
        ),
        event(
            "follow-up/surgeon visit #1",
            "2027-01-05",
            1,
            &spanish_summary(),
            "",
        ),
        event(
            "leap",
            "2028-02-28",
            2,
            "Leap-day span",
            "Ends 2028-03-01 exclusive",
        ),
    ]
}

const NAME: &str = "Recuperación, cifoplastia; día \\ a día\nKyphoplasty";
const STAMP: &str = "20261122T090000Z";

#[test]
fn round_trips_every_field() {
    let events = sample_events();
    let raw = build_ics(NAME, &events, STAMP);
    assert_physical_lines(&raw);
    let calendar = parse(&raw);

    assert_eq!(calendar.name, "VCALENDAR");
    assert_eq!(calendar.value("VERSION"), "2.0");
    assert_eq!(calendar.value("PRODID"), PRODID);
    assert_eq!(calendar.value("CALSCALE"), "GREGORIAN");
    assert_eq!(calendar.value("METHOD"), "PUBLISH");
    assert_eq!(calendar.text("X-WR-CALNAME"), NAME);
    assert_eq!(calendar.children.len(), events.len());

    for (parsed, original) in calendar.children.iter().zip(&events) {
        assert_eq!(parsed.name, "VEVENT");
        assert!(parsed.children.is_empty());
        assert_eq!(parsed.properties.len(), 7);
        assert_eq!(parsed.text("SUMMARY"), original.summary);
        assert_eq!(parsed.text("DESCRIPTION"), original.description);
        assert_eq!(parsed.value("DTSTAMP"), STAMP);
        assert_eq!(parsed.value("TRANSP"), "TRANSPARENT");
        for name in ["DTSTART", "DTEND"] {
            assert_eq!(parsed.get(name).params, ["VALUE=DATE"]);
        }
        let start = parsed.value("DTSTART");
        assert_eq!(start, original.date.to_basic());
        let end = parsed.value("DTEND");
        let end = date(&format!("{}-{}-{}", &end[..4], &end[4..6], &end[6..]));
        let span = end.days_since_epoch() - original.date.days_since_epoch();
        assert_eq!(span, i64::from(original.days));
    }
    let leap_end = calendar.children[3].value("DTEND");
    assert_eq!(leap_end, "20280301");
    assert_eq!(calendar.children[1].value("DTEND"), "20270102");
}

#[test]
fn long_utf8_summary_is_folded() {
    let raw = build_ics(NAME, &sample_events(), STAMP);
    let summary_lines = raw
        .split("\r\n")
        .skip_while(|line| !line.starts_with("SUMMARY:Revisión"))
        .take_while(|line| !line.starts_with("DESCRIPTION"))
        .count();
    // 200 characters, many multi-byte: well over three physical lines.
    assert!(summary_lines >= 4, "only {summary_lines} lines");
}

#[test]
fn folding_respects_utf8_and_is_greedy() {
    // Spaces too: a continuation whose content starts with a space must survive.
    for (prefix, pattern) in (0..=160).flat_map(|n| [(n, "é🩺€ñ😀"), (n, " é 🩺  ")]) {
        let line = format!("SUMMARY:{}{}", "a".repeat(prefix), pattern.repeat(20));
        let mut out = String::new();
        push_folded(&mut out, &line);
        assert_physical_lines(&out);
        assert_eq!(unfold(&out), format!("{line}\r\n"));
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        for pair in physical.windows(2) {
            let next = pair[1].strip_prefix(' ').unwrap();
            let next_len = next.chars().next().unwrap().len_utf8();
            assert!(pair[0].len() + next_len > MAX_LINE_OCTETS, "folded early");
        }
    }
    let mut exact = String::new();
    push_folded(&mut exact, &"x".repeat(75));
    assert_eq!(exact, format!("{}\r\n", "x".repeat(75)));
}

#[test]
fn uids_are_unique_and_stable() {
    let events = sample_events();
    let first = build_ics(NAME, &events, STAMP);
    assert_eq!(first, build_ics(NAME, &events, STAMP));
    let uids: Vec<String> = parse(&first)
        .children
        .iter()
        .map(|e| e.value("UID").to_owned())
        .collect();
    assert_eq!(
        uids[0],
        "kyphoplasty-guide-first-24-hours@kyphoplasty-guide"
    );
    assert_eq!(uids[2], "follow-up-surgeon-visit--1@kyphoplasty-guide");
    assert_eq!(uids.iter().collect::<HashSet<_>>().len(), uids.len());

    // Editing texts or the stamp keeps UIDs, so re-imports update instead of duplicating.
    let mut edited = events.clone();
    edited[0].summary = "Changed".to_owned();
    edited[0].description = "Changed too".to_owned();
    let again: Vec<String> = parse(&build_ics("Other", &edited, "20270101T000000Z"))
        .children
        .iter()
        .map(|e| e.value("UID").to_owned())
        .collect();
    assert_eq!(again, uids);

    // A new procedure date moves the events but keeps their UIDs.
    let mut moved = events.clone();
    for event in &mut moved {
        event.date = event.date.add_days(3);
    }
    let after_move: Vec<String> = parse(&build_ics(NAME, &moved, STAMP))
        .children
        .iter()
        .map(|e| e.value("UID").to_owned())
        .collect();
    assert_eq!(after_move, uids);
}

#[test]
fn colliding_ids_get_suffixes() {
    let events = vec![
        event("a.b", "2026-11-22", 1, "x", ""),
        event("a-b", "2026-11-22", 1, "y", ""),
        event("a b", "2026-11-22", 1, "z", ""),
        event("", "2026-11-22", 1, "w", ""),
    ];
    let uids: Vec<String> = parse(&build_ics("", &events, STAMP))
        .children
        .iter()
        .map(|e| e.value("UID").to_owned())
        .collect();
    assert_eq!(
        uids,
        [
            "a-b@kyphoplasty-guide",
            "a-b-2@kyphoplasty-guide",
            "a-b-3@kyphoplasty-guide",
            "event@kyphoplasty-guide",
        ]
    );
}

#[test]
fn zero_days_lasts_one_day() {
    let raw = build_ics("", &[event("x", "2026-12-31", 0, "s", "d")], STAMP);
    assert_eq!(parse(&raw).children[0].value("DTEND"), "20270101");
}

#[test]
fn bad_stamp_falls_back_and_cannot_inject() {
    for bad in [
        "",
        "now",
        "20261122T090000",
        "20261122T090000Z\r\nX:Y",
        "2026112aT090000Z",
    ] {
        let raw = build_ics("", &[event("x", "2026-11-22", 1, "s", "d")], bad);
        assert_eq!(parse(&raw).children[0].value("DTSTAMP"), FALLBACK_STAMP);
    }
}

#[test]
fn control_characters_are_normalised() {
    assert_eq!(escape_text("a\r\nb\rc\nd"), "a\\nb\\nc\\nd");
    assert_eq!(escape_text("tab\there\u{0}\u{7}\u{1b}!"), "tab\there!");
    assert_eq!(escape_text("a:b"), "a:b");
}

#[test]
fn empty_calendar_is_valid() {
    let raw = build_ics("", &[], STAMP);
    assert_physical_lines(&raw);
    let calendar = parse(&raw);
    assert!(calendar.children.is_empty());
    assert_eq!(calendar.text("X-WR-CALNAME"), "");
    assert!(raw.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
}
