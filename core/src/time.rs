//! China Standard Time (UTC+8, no daylight saving time): the one clock in which the product counts
//! working days and dates, and writes times in words (the minutes of a meeting, a deadline). Instants are
//! stored and sent in UTC; only what people read is in China time.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};

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
}
