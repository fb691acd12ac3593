//! The patient's recovery on the calendar: milestone dates from the procedure date,
//! shown in the patient's language, and the `.ics` file to download.

use super::{build_ics, utc_stamp, CalendarEvent, Date};
use crate::content::text::{content, ui, PracticeValues};
use crate::content::{Guide, Lang, Milestone};

/// When a milestone happens, in hours after the procedure: the guide's own timing,
/// unless its text carries an instruction the practice worded itself (their timing wins,
/// and the guide will not put a date of its own on it).
pub fn effective_offset(milestone: &Milestone, values: &PracticeValues) -> Option<u32> {
    let practice_timed = ["lifting_limit", "follow_up", "driving", "return_to_work"]
        .iter()
        .any(|name| values.is_set(name) && milestone.text.contains(&format!("{{{name}}}")));
    if practice_timed {
        None
    } else {
        milestone.offset_hours
    }
}

/// The calendar date of a milestone (all-day: hours round down to whole days).
pub fn milestone_date(
    procedure: Date,
    milestone: &Milestone,
    values: &PracticeValues,
) -> Option<Date> {
    effective_offset(milestone, values).map(|hours| procedure.add_days(i64::from(hours / 24)))
}

/// "Thursday, 26 November" in the patient's language (and region, when the browser's
/// language is a variant of it). Server rendering, with no `Intl`, gives `2026-11-26`.
pub fn long_date(date: Date, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    let locale = browser_locale(lang);
    #[cfg(not(target_arch = "wasm32"))]
    let locale = lang.tag().to_string();
    date.written(
        &locale,
        &[("weekday", "long"), ("day", "numeric"), ("month", "long")],
    )
}

#[cfg(target_arch = "wasm32")]
fn browser_locale(lang: Lang) -> String {
    let preferred = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    // The browser's region only when it writes the same script: `zh-TW` reads
    // Simplified Chinese's guide, but its dates would come in Traditional characters.
    let tag = lang.tag();
    let same_script = !tag.contains('-')
        || preferred
            .to_ascii_lowercase()
            .starts_with(&tag.to_ascii_lowercase());
    if Lang::from_tag(&preferred) == Some(lang) && same_script && preferred.len() <= 16 {
        preferred
    } else {
        lang.tag().to_string()
    }
}

/// The `.ics` file: one all-day event per milestone with a date, and a reminder to
/// check the follow-up visit (the guide has no date for it) on the day after the
/// procedure. Milestones timed by the practice's own wording get no event.
pub fn calendar_file(
    guide: &Guide,
    values: &PracticeValues,
    procedure: Date,
    now_millis: f64,
) -> String {
    let events: Vec<CalendarEvent> = guide
        .timeline
        .iter()
        .filter_map(|m| {
            let title = content(m.title, guide, values);
            let (date, summary) = match (milestone_date(procedure, m, values), m.offset_hours) {
                (Some(date), _) => (date, title),
                (None, None) => (
                    procedure.add_days(1),
                    ui(guide.ui.calendar_reminder, &[("title", &title)]),
                ),
                (None, Some(_)) => return None,
            };
            Some(CalendarEvent {
                id: format!("kyphoplasty-guide-{}", m.id),
                date,
                days: 1,
                summary,
                description: content(m.text, guide, values),
            })
        })
        .collect();
    build_ics(guide.ui.calendar_name, &events, &utc_stamp(now_millis))
}

/// A `data:` URL for a download link: works under a strict CSP and needs no script at click time.
pub fn data_url(ics: &str) -> String {
    let mut out = String::from("data:text/calendar;charset=utf-8,");
    for byte in ics.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::guide;

    #[test]
    fn milestones_fall_on_whole_days_after_the_procedure() {
        let g = guide(Lang::En);
        let day = Date::parse_iso("2026-11-24").expect("date");
        let values = PracticeValues::default();
        let dates: Vec<Option<Date>> = g
            .timeline
            .iter()
            .map(|m| milestone_date(day, m, &values))
            .collect();
        for (m, d) in g.timeline.iter().zip(&dates) {
            match m.offset_hours {
                Some(h) => assert_eq!(*d, Some(day.add_days(i64::from(h / 24))), "{}", m.id),
                None => assert_eq!(*d, None, "{}", m.id),
            }
        }
    }

    #[test]
    fn the_calendar_file_holds_every_milestone_and_parses_back() {
        let g = guide(Lang::Es);
        let ics = calendar_file(
            g,
            &PracticeValues::default(),
            Date::parse_iso("2026-11-24").expect("date"),
            0.0,
        );
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), g.timeline.len());
        assert!(ics.contains("DTSTART;VALUE=DATE:20261124"));
        assert!(
            ics.contains("DTSTART;VALUE=DATE:20261127"),
            "72 hours later"
        );
        assert!(
            ics.lines().all(|l| l.len() <= 76),
            "folded at 75 octets (+CR)"
        );
        assert!(!ics.contains("{driving}"), "placeholders are filled");
        assert!(
            ics.contains("SUMMARY:Recordatorio: "),
            "the follow-up is a reminder, not an appointment"
        );
    }

    #[test]
    fn a_practice_instruction_takes_its_milestone_off_the_guide_s_calendar() {
        // A timed milestone that carries a practice's instruction: dated by default, undated
        // once the practice words the instruction itself (their timing wins). The guide's
        // own driving milestone is untimed (issue 23's review: no date of ours on driving),
        // so a milestone of that shape is made here.
        let day = Date::parse_iso("2026-11-24").expect("date");
        let driving = Milestone {
            id: "driving",
            offset_hours: Some(48),
            title: "Ask before you drive",
            text: "{driving}",
            sources: &[],
        };
        let values = PracticeValues {
            driving: Some("Do not drive for 2 weeks.".into()),
            ..Default::default()
        };
        assert_eq!(
            milestone_date(day, &driving, &PracticeValues::default()),
            Some(day.add_days(2))
        );
        assert_eq!(milestone_date(day, &driving, &values), None);
    }

    #[test]
    fn the_guide_puts_no_date_of_its_own_on_driving() {
        for lang in Lang::ALL {
            let driving = guide(lang)
                .timeline
                .iter()
                .find(|m| m.text.contains("{driving}"))
                .expect("a driving milestone");
            assert_eq!(driving.offset_hours, None, "{lang:?}");
        }
    }

    #[test]
    fn data_urls_escape_everything_but_unreserved_characters() {
        assert_eq!(
            data_url("A b,\r\n"),
            "data:text/calendar;charset=utf-8,A%20b%2C%0D%0A"
        );
        assert!(data_url("Más").ends_with("M%C3%A1s"));
    }
}
