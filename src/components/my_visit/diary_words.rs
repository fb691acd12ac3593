//! The diary's words in the patient's language: pain anchors, days from the procedure,
//! dates. Shared by the form, the entries, the chart, its table and the CSV.

use crate::calendar::recovery::long_date;
use crate::calendar::Date;
use crate::content::{text, Lang, Ui};
use crate::diary::csv::CsvWords;
use crate::diary::{relative_day, Mobility, Relative};

/// The anchor word for a pain number: 0 no pain, 1–3 mild, 4–6 moderate, 7–9 severe,
/// 10 worst possible (the usual 0-to-10 scale's bands).
pub fn pain_word(ui: &Ui, pain: u8) -> &'static str {
    match pain {
        0 => ui.pain_none,
        1..=3 => ui.pain_mild,
        4..=6 => ui.pain_moderate,
        7..=9 => ui.pain_severe,
        _ => ui.pain_worst,
    }
}

/// Whether a number shows its word on the scale itself (the others say it to screen readers).
pub fn is_anchor(pain: u8) -> bool {
    matches!(pain, 0 | 2 | 5 | 8 | 10)
}

pub fn mobility_word(ui: &Ui, mobility: Mobility) -> &'static str {
    match mobility {
        Mobility::AsUsual => ui.mobility_as_usual,
        Mobility::Less => ui.mobility_less,
        Mobility::HardlyAtAll => ui.mobility_hardly,
    }
}

/// "3 days before", "Procedure day", "Day 5 after"; `None` without a procedure date.
pub fn relative_text(ui: &Ui, date: &str, procedure: Option<Date>) -> Option<String> {
    Some(match relative_day(date, procedure)? {
        Relative::Before(1) => ui.diary_day_before.to_string(),
        Relative::Before(days) => text::ui(ui.diary_days_before, &[("days", &days.to_string())]),
        Relative::ProcedureDay => ui.diary_procedure_day.to_string(),
        Relative::After(days) => text::ui(ui.diary_day_after, &[("days", &days.to_string())]),
    })
}

/// "Thursday, 26 November" in the patient's language; the ISO date if it cannot be read.
pub fn entry_date(date: &str, lang: Lang) -> String {
    Date::parse_iso(date).map_or_else(|| date.to_string(), |d| long_date(d, lang))
}

/// The CSV's words (its header and values) from the `ui` table.
pub fn csv_words(ui: &'static Ui) -> CsvWords<'static> {
    CsvWords {
        header: [
            ui.col_date,
            ui.col_day,
            ui.col_pain,
            ui.col_mobility,
            ui.col_medicine,
            ui.col_note,
        ],
        mobility: [ui.mobility_as_usual, ui.mobility_less, ui.mobility_hardly],
        yes: ui.answer_yes,
        no: ui.answer_no,
        before_one: ui.diary_day_before,
        before: ui.diary_days_before,
        after: ui.diary_day_after,
        procedure_day: ui.diary_procedure_day,
    }
}

/// "26 Nov" in the patient's language, for the chart's axis; the ISO date without `Intl`.
pub fn short_date(date: Date, lang: Lang) -> String {
    date.written(lang.tag(), &[("day", "numeric"), ("month", "short")])
}
