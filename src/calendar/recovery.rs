//! The patient's recovery on the calendar: milestone dates from the procedure date,
//! shown in the patient's language, and the `.ics` file to download.

use super::{build_ics, utc_stamp, CalendarEvent, Date};
use crate::content::text::{content, PracticeValues};
use crate::content::{Guide, Lang, Milestone};

/// The calendar date of a milestone (all-day: hours round down to whole days).
pub fn milestone_date(procedure: Date, milestone: &Milestone) -> Option<Date> {
    milestone
        .offset_hours
        .map(|hours| procedure.add_days(i64::from(hours / 24)))
}

/// "Thursday, 26 November" in the patient's language (and region, when the browser's
/// language is a variant of it). Server rendering, with no `Intl`, gives `2026-11-26`.
pub fn long_date(date: Date, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let locale = browser_locale(lang);
        let js = js_sys::Date::new_with_year_month_day(
            date.year as u32,
            date.month as i32 - 1,
            date.day as i32,
        );
        let options = js_sys::Object::new();
        for (key, value) in [("weekday", "long"), ("day", "numeric"), ("month", "long")] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        let text: String = js.to_locale_date_string(&locale, &options).into();
        if !text.is_empty() && text != "Invalid Date" {
            return text;
        }
    }
    let _ = lang;
    date.to_iso()
}

#[cfg(target_arch = "wasm32")]
fn browser_locale(lang: Lang) -> String {
    let preferred = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if Lang::from_tag(&preferred) == Some(lang) && preferred.len() <= 16 {
        preferred
    } else {
        lang.tag().to_string()
    }
}

/// The `.ics` file: one all-day event per milestone with a time, and the follow-up
/// reminder (a milestone without a fixed time) on the day after the procedure.
pub fn calendar_file(
    guide: &Guide,
    values: &PracticeValues,
    procedure: Date,
    now_millis: f64,
) -> String {
    let events: Vec<CalendarEvent> = guide
        .timeline
        .iter()
        .map(|m| CalendarEvent {
            id: format!("kyphoplasty-guide-{}", m.id),
            date: milestone_date(procedure, m).unwrap_or_else(|| procedure.add_days(1)),
            days: 1,
            summary: content(m.title, guide, values),
            description: content(m.text, guide, values),
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
        let dates: Vec<Option<Date>> = g.timeline.iter().map(|m| milestone_date(day, m)).collect();
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
            ics.contains("DTSTART;VALUE=DATE:20261126"),
            "48 hours later"
        );
        assert!(
            ics.lines().all(|l| l.len() <= 76),
            "folded at 75 octets (+CR)"
        );
        assert!(!ics.contains("{driving}"), "placeholders are filled");
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
