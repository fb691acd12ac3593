//! Proleptic Gregorian date arithmetic (Howard Hinnant's civil-day algorithms),
//! so the widget needs neither `js_sys::Date` nor a date crate.

/// Earliest year accepted from the date input: older dates are typos, not procedures.
const MIN_INPUT_YEAR: i32 = 1900;
/// Latest year accepted from the date input (same reason).
const MAX_INPUT_YEAR: i32 = 2200;

/// Day number of 1 January of the smallest `i32` year: `add_days` saturates here.
const MIN_EPOCH_DAY: i64 = days_from_civil(i32::MIN as i64, 1, 1);
/// Day number of 31 December of the largest `i32` year: `add_days` saturates here.
const MAX_EPOCH_DAY: i64 = days_from_civil(i32::MAX as i64, 12, 31);

/// Milliseconds at 9999-12-31T23:59:59.999Z, the last instant a 4-digit DTSTAMP can show.
const MAX_STAMP_MILLIS: i64 = (days_from_civil(9999, 12, 31) + 1) * 86_400_000 - 1;

/// A calendar date without time zone (the patient's local date).
///
/// Fields are public for easy construction in views and tests; only
/// [`Date::parse_iso`] validates them. Out-of-range fields never panic, they just
/// give unspecified (but deterministic) results in the arithmetic methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD` (what `<input type="date">` gives), so the widget can
    /// trust the date it computes milestones from. `None` for anything else,
    /// including impossible days (2026-02-30), missing zero padding, surrounding
    /// whitespace and years outside 1900..=2200.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = i32::try_from(parse_digits(&bytes[0..4])?).ok()?;
        let month = parse_digits(&bytes[5..7])?;
        let day = parse_digits(&bytes[8..10])?;
        let valid = (MIN_INPUT_YEAR..=MAX_INPUT_YEAR).contains(&year)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`, the form `<input type="date">` takes back as its value
    /// (zero-padded; meaningful for years 0..=9999).
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as the browser's `Intl` writes it in `locale` with the `Intl` `fields`
    /// given (`("month", "long")`, …), always in Western digits, as the guide's text
    /// writes its numbers (Arabic would otherwise get Arabic-Indic digits beside the
    /// text's 0-9). Server rendering, with no `Intl`, gives the ISO date.
    pub fn written(self, locale: &str, fields: &[(&str, &str)]) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            let js = js_sys::Date::new_with_year_month_day(
                self.year as u32,
                self.month as i32 - 1,
                self.day as i32,
            );
            let options = js_sys::Object::new();
            for (key, value) in fields.iter().chain(&[("numberingSystem", "latn")]) {
                let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
            }
            let text: String = js.to_locale_date_string(locale, &options).into();
            if !text.is_empty() && text != "Invalid Date" {
                return text;
            }
        }
        let _ = (locale, fields);
        self.to_iso()
    }

    /// The date `days` later (negative allowed), correct across months, years and
    /// leap years: milestones are "procedure date + N days". Saturates at the
    /// first/last day representable with an `i32` year instead of overflowing.
    pub fn add_days(self, days: i64) -> Date {
        let target = self
            .days_since_epoch()
            .saturating_add(days)
            .clamp(MIN_EPOCH_DAY, MAX_EPOCH_DAY);
        Date::from_epoch_days(target)
    }

    /// 0 = Monday … 6 = Sunday (ISO order), for labelling milestone days.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3); the result is in 0..7, so the cast is lossless.
        (self.days_since_epoch() + 3).rem_euclid(7) as u32
    }

    /// Days since 1970-01-01 (for arithmetic and tests); negative before 1970.
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    /// `YYYYMMDD`, the RFC 5545 DATE form used by DTSTART/DTEND and UIDs.
    pub(super) fn to_basic(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// Inverse of [`Date::days_since_epoch`]; `days` must be within the saturation range.
    fn from_epoch_days(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days);
        let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
        Date { year, month, day }
    }
}

/// Turns a UTC time in milliseconds since the epoch (what JavaScript's
/// `Date.now()` gives) into the DTSTAMP form `YYYYMMDDTHHMMSSZ`, so the `.ics`
/// records when it was generated. Fractional milliseconds are truncated.
///
/// Fallbacks, so a broken clock never yields an invalid file: NaN, ±infinity and
/// negative inputs (before 1970) give `19700101T000000Z`; anything after year
/// 9999 gives `99991231T235959Z`.
pub fn utc_stamp(epoch_millis: f64) -> String {
    let millis = if epoch_millis.is_finite() && epoch_millis > 0.0 {
        // Both bounds are exact f64 integers, so the cast below is exact and in range.
        epoch_millis.floor().min(MAX_STAMP_MILLIS as f64) as i64
    } else {
        0
    };
    let seconds = millis.div_euclid(1000);
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    let second_of_day = seconds.rem_euclid(86_400);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    )
}

/// Decimal value of an all-ASCII-digit slice; `None` if any byte is not a digit.
fn parse_digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Length of `month` in `year`; 0 for a month outside 1..=12.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
/// All in `i64` so out-of-range fields cannot overflow.
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9).rem_euclid(12);
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Proleptic Gregorian `(year, month, day)` of a day number (Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    // day in 1..=31 and month in 1..=12 by construction, so the casts are lossless.
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn parse_and_format_round_trip() {
        for text in [
            "2026-11-22",
            "1900-01-01",
            "2200-12-31",
            "2024-02-29",
            "2000-02-29",
        ] {
            let parsed = Date::parse_iso(text).unwrap();
            assert_eq!(parsed.to_iso(), text);
        }
        assert_eq!(Date::parse_iso("2026-11-22"), Some(date(2026, 11, 22)));
        assert_eq!(date(2026, 3, 4).to_basic(), "20260304");
    }

    #[test]
    fn invalid_inputs_are_rejected() {
        for text in [
            "",
            "2026-2-3",
            "2026-02-3",
            "2026-02-30",
            "2026-04-31",
            "2100-02-29",
            "2026-00-10",
            "2026-13-01",
            "2026-01-00",
            "2026-01-32",
            "abcd-ef-gh",
            "2026-O1-01",
            "2026/01/01",
            "20260101",
            " 2026-01-01",
            "2026-01-01 ",
            "1899-12-31",
            "2201-01-01",
            "99999-01-01",
            "275760-09-13",
            "+2026-01-01",
            "-2026-01-01",
            "2026-01-01T00:00",
            "２０２６-01-01",
            "2026-1-001",
        ] {
            assert_eq!(Date::parse_iso(text), None, "{text:?} should be rejected");
        }
    }

    #[test]
    fn add_days_crosses_boundaries() {
        let cases = [
            (date(2026, 1, 31), 1, date(2026, 2, 1)),
            (date(2026, 2, 28), 1, date(2026, 3, 1)),
            (date(2024, 2, 28), 1, date(2024, 2, 29)),
            (date(2024, 2, 29), 1, date(2024, 3, 1)),
            (date(2100, 2, 28), 1, date(2100, 3, 1)),
            (date(2000, 2, 28), 1, date(2000, 2, 29)),
            (date(2026, 12, 31), 1, date(2027, 1, 1)),
            (date(2026, 11, 22), 42, date(2027, 1, 3)),
            (date(2026, 11, 22), 365, date(2027, 11, 22)),
            (date(2024, 1, 1), 366, date(2025, 1, 1)),
            (date(2027, 1, 1), -1, date(2026, 12, 31)),
            (date(2024, 3, 1), -1, date(2024, 2, 29)),
            (date(2026, 3, 1), -1, date(2026, 2, 28)),
            (date(1970, 1, 1), -1, date(1969, 12, 31)),
            (date(2026, 11, 22), 0, date(2026, 11, 22)),
            (date(2026, 11, 22), -20_779, date(1970, 1, 1)),
        ];
        for (start, days, expected) in cases {
            assert_eq!(start.add_days(days), expected, "{start:?} + {days}");
            assert_eq!(expected.add_days(-days), start, "{expected:?} - {days}");
        }
    }

    #[test]
    fn add_days_matches_day_by_day_walk() {
        // Independent check: step one day at a time with days_in_month over 1899..2201.
        let mut walked = date(1899, 1, 1);
        let start = walked;
        for offset in 1..=(303 * 366) {
            walked = if walked.day < days_in_month(walked.year, walked.month) {
                date(walked.year, walked.month, walked.day + 1)
            } else if walked.month < 12 {
                date(walked.year, walked.month + 1, 1)
            } else {
                date(walked.year + 1, 1, 1)
            };
            assert_eq!(start.add_days(offset), walked);
            assert_eq!(walked.days_since_epoch() - start.days_since_epoch(), offset);
        }
    }

    #[test]
    fn add_days_saturates_instead_of_panicking() {
        assert_eq!(date(2026, 1, 1).add_days(i64::MAX), date(i32::MAX, 12, 31));
        assert_eq!(date(2026, 1, 1).add_days(i64::MIN), date(i32::MIN, 1, 1));
        // Unvalidated fields must not panic either.
        let _ = date(2026, u32::MAX, u32::MAX).add_days(1);
        let _ = date(i32::MIN, 0, 0).weekday();
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(date(2026, 11, 22).weekday(), 6); // Sunday
        assert_eq!(date(2000, 1, 1).weekday(), 5); // Saturday
        assert_eq!(date(1970, 1, 1).weekday(), 3); // Thursday
        assert_eq!(date(2024, 2, 29).weekday(), 3); // Thursday
        assert_eq!(date(1969, 12, 29).weekday(), 0); // Monday, before the epoch
    }

    #[test]
    fn days_since_epoch_known_values() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(1970, 1, 2).days_since_epoch(), 1);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        // 56 years of 365 days plus 14 leap days (1972..=2024), then Jan..Oct + 21.
        assert_eq!(
            date(2026, 11, 22).days_since_epoch(),
            56 * 365 + 14 + 304 + 21
        );
    }

    #[test]
    fn utc_stamp_known_values() {
        assert_eq!(utc_stamp(0.0), "19700101T000000Z");
        // 2026-11-22 is day 20_779 (see above); 09:00:00 is 32_400 s into it.
        let millis = (20_779_i64 * 86_400 + 32_400) * 1000;
        assert_eq!(millis, 1_795_338_000_000);
        assert_eq!(utc_stamp(1_795_338_000_000.0), "20261122T090000Z");
        assert_eq!(utc_stamp(951_782_400_000.0), "20000229T000000Z");
        assert_eq!(utc_stamp(1_704_067_199_000.0), "20231231T235959Z");
    }

    #[test]
    fn utc_stamp_truncates_fractional_millis() {
        assert_eq!(utc_stamp(999.999), "19700101T000000Z");
        assert_eq!(utc_stamp(1000.0), "19700101T000001Z");
        assert_eq!(utc_stamp(1_795_338_059_999.75), "20261122T090059Z");
        assert_eq!(utc_stamp(0.5), "19700101T000000Z");
    }

    #[test]
    fn utc_stamp_fallbacks() {
        for bad in [
            f64::NAN,
            -f64::NAN,
            f64::NEG_INFINITY,
            f64::INFINITY,
            -1.0,
            -1e18,
        ] {
            assert_eq!(utc_stamp(bad), "19700101T000000Z", "{bad}");
        }
        assert_eq!(utc_stamp(1e300), "99991231T235959Z");
        assert_eq!(utc_stamp(MAX_STAMP_MILLIS as f64), "99991231T235959Z");
        assert_eq!(utc_stamp(f64::MAX), "99991231T235959Z");
    }
}
