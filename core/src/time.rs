//! China Standard Time (UTC+8, no daylight saving time): the one clock in which the product counts
//! working days and dates, and writes times in words (the minutes of a meeting, a deadline). Instants are
//! stored and sent in UTC; only what people read is in China time.

use chrono::{
    DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc,
};

/// China Standard Time.
#[must_use]
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| Utc.fix())
}

/// The date in China at `t`.
#[must_use]
pub fn china_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&china()).date_naive()
}

/// The first instant of a date in China.
#[must_use]
pub fn china_day_start(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| china().from_local_datetime(&t).single())
        .map_or_else(DateTime::<Utc>::default, |t| t.with_timezone(&Utc))
}

/// `t` as a clock in China shows it, written with `format` (chrono's `strftime` syntax), e.g.
/// `"%Y-%m-%d %H:%M"`.
#[must_use]
pub fn china_format(t: DateTime<Utc>, format: &str) -> String {
    t.with_timezone(&china()).format(format).to_string()
}

/// A time typed as China time in a form (`<input type="datetime-local">` gives `2026-12-02T15:30`, some
/// browsers add seconds), as an instant; `None` if it is not one.
#[must_use]
pub fn parse_china_local(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    china()
        .from_local_datetime(&naive)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// `t` as such a form field shows it (`2026-12-02T15:30`, China time).
#[must_use]
pub fn china_local_input(t: DateTime<Utc>) -> String {
    china_format(t, "%Y-%m-%dT%H:%M")
}

/// The first whole hour in China at least an hour after `now`: a sensible default for "start later".
#[must_use]
pub fn next_whole_hour(now: DateTime<Utc>) -> DateTime<Utc> {
    let later = now + Duration::hours(1);
    let whole = later
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(later);
    if whole < later {
        whole + Duration::hours(1)
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_is_eight_hours_ahead_and_its_days_start_at_its_midnight() {
        let t = Utc
            .with_ymd_and_hms(2026, 12, 31, 16, 30, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(china_format(t, "%Y-%m-%d %H:%M"), "2027-01-01 00:30");
        assert_eq!(
            china_date(t),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default()
        );
        let day = china_date(t);
        assert_eq!(china_day_start(day), t - chrono::Duration::minutes(30));
        // A second before midnight is still the day before.
        assert_eq!(
            china_date(china_day_start(day) - chrono::Duration::seconds(1)),
            day.pred_opt().unwrap_or_default()
        );
    }

    #[test]
    fn a_form_time_is_china_time() {
        let t = parse_china_local("2026-12-02T15:30").unwrap_or_default();
        assert_eq!(
            t,
            Utc.with_ymd_and_hms(2026, 12, 2, 7, 30, 0)
                .single()
                .unwrap_or_default()
        );
        assert_eq!(parse_china_local("2026-12-02T15:30:00"), Some(t));
        assert_eq!(china_local_input(t), "2026-12-02T15:30");
        for bad in ["", "明天", "2026-13-02T15:30", "2026-12-02"] {
            assert_eq!(parse_china_local(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_default_start_is_a_whole_hour_at_least_an_hour_away() {
        let at = |h, m| {
            Utc.with_ymd_and_hms(2026, 12, 2, h, m, 0)
                .single()
                .unwrap_or_default()
        };
        assert_eq!(next_whole_hour(at(7, 30)), at(9, 0));
        assert_eq!(next_whole_hour(at(7, 0)), at(8, 0));
        assert_eq!(
            china_local_input(next_whole_hour(at(7, 1))),
            "2026-12-02T17:00"
        );
    }
}
