//! Time limits: working days on China's calendar, or hours on the clock; when a request is due, how far
//! an overdue one has been escalated, and how long a resolved one waits for the resident.
//!
//! Working days follow the State Council's calendar: Monday to Friday, except public holidays, plus the
//! weekend days declared make-up workdays (调休). As for administrative time limits, the day a request is
//! received is not counted: a limit of N working days ends at the end of the N-th working day after it
//! (China Standard Time). A limit in hours is counted on the clock, weekends included (a burst pipe does
//! not wait for Monday).

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::time::{china_date, china_day_start};

/// The calendar of a district: public holidays and make-up workdays, as published each year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days that are working days (调休上班).
    pub workdays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    /// A calendar, refusing a day that is both a holiday and a make-up workday.
    pub fn new(
        holidays: impl IntoIterator<Item = NaiveDate>,
        workdays: impl IntoIterator<Item = NaiveDate>,
    ) -> DomainResult<WorkCalendar> {
        let calendar = WorkCalendar {
            holidays: holidays.into_iter().collect(),
            workdays: workdays.into_iter().collect(),
        };
        if calendar
            .holidays
            .intersection(&calendar.workdays)
            .next()
            .is_some()
        {
            return Err(DomainError::Invalid { field: Field::Days });
        }
        Ok(calendar)
    }

    #[must_use]
    pub fn is_workday(&self, day: NaiveDate) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        if self.holidays.contains(&day) {
            return false;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The `n`-th working day after `day` (`day` itself not counted); `day` when `n` is 0.
    #[must_use]
    pub fn add_workdays(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().unwrap_or(d);
            if self.is_workday(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `from` up to and including `to`.
    #[must_use]
    pub fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_workday(*d))
            .count()
            .try_into()
            .unwrap_or(u32::MAX)
    }
}

/// How long a unit has for a request of a subcategory.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum TimeLimit {
    WorkingDays(u32),
    Hours(u32),
}

pub const WORKING_DAYS_MAX: u32 = 90;
pub const HOURS_MAX: u32 = 720;

impl TimeLimit {
    pub fn validate(self) -> DomainResult<TimeLimit> {
        let (n, max) = match self {
            TimeLimit::WorkingDays(n) => (n, WORKING_DAYS_MAX),
            TimeLimit::Hours(n) => (n, HOURS_MAX),
        };
        if (1..=max).contains(&n) {
            Ok(self)
        } else {
            Err(DomainError::OutOfRange {
                field: Field::Days,
                min: 1,
                max,
            })
        }
    }
}

/// When a request received at `received` must be resolved.
#[must_use]
pub fn deadline(
    received: DateTime<Utc>,
    limit: TimeLimit,
    calendar: &WorkCalendar,
) -> DateTime<Utc> {
    match limit {
        TimeLimit::Hours(h) => received + Duration::hours(i64::from(h)),
        TimeLimit::WorkingDays(n) => {
            let last = calendar.add_workdays(china_date(received), n);
            // The end of that day in China: the first instant of the next day, minus a second.
            last.succ_opt().map_or(received, |next| {
                china_day_start(next) - Duration::seconds(1)
            })
        }
    }
}

/// How far an overdue request has been escalated: first to the community, then the street, then the
/// district.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Escalation {
    None,
    Community,
    Street,
    District,
}

/// Working days past the deadline after which an overdue request goes up to the street.
pub const STREET_AFTER_WORKDAYS: u32 = 2;
/// … and to the district.
pub const DISTRICT_AFTER_WORKDAYS: u32 = 5;

impl Escalation {
    #[must_use]
    pub fn level(self) -> u8 {
        match self {
            Escalation::None => 0,
            Escalation::Community => 1,
            Escalation::Street => 2,
            Escalation::District => 3,
        }
    }

    #[must_use]
    pub fn from_level(level: i64) -> Escalation {
        match level {
            i64::MIN..=0 => Escalation::None,
            1 => Escalation::Community,
            2 => Escalation::Street,
            _ => Escalation::District,
        }
    }
}

/// Where an open request due at `deadline` stands at `now`: not escalated while in time; the community
/// as soon as it is overdue; the street after [`STREET_AFTER_WORKDAYS`] more working days; the district
/// after [`DISTRICT_AFTER_WORKDAYS`].
#[must_use]
pub fn escalation(
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
    calendar: &WorkCalendar,
) -> Escalation {
    if now <= deadline {
        return Escalation::None;
    }
    let late = calendar.workdays_between(china_date(deadline), china_date(now));
    if late >= DISTRICT_AFTER_WORKDAYS {
        Escalation::District
    } else if late >= STREET_AFTER_WORKDAYS {
        Escalation::Street
    } else {
        Escalation::Community
    }
}

/// Days a resolved request waits for the resident's confirmation before it closes by itself.
pub const CONFIRM_DAYS_DEFAULT: u32 = 7;
pub const CONFIRM_DAYS_MAX: u32 = 30;

pub fn check_confirm_days(days: u32) -> DomainResult<u32> {
    if (1..=CONFIRM_DAYS_MAX).contains(&days) {
        Ok(days)
    } else {
        Err(DomainError::OutOfRange {
            field: Field::Days,
            min: 1,
            max: CONFIRM_DAYS_MAX,
        })
    }
}

/// When a request resolved at `resolved` closes if the resident says nothing.
#[must_use]
pub fn confirmation_ends(resolved: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    resolved + Duration::days(i64::from(days))
}

/// Where a resolved request's wait for the resident's word stands at `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmationWindow {
    /// She is asked to answer by `ends`; after that it closes by itself.
    Open { ends: DateTime<Utc> },
    /// The time asked for has passed and the request is about to close by itself (closing runs a few
    /// times a day); until then her answer is still taken.
    Lapsed { ended: DateTime<Utc> },
}

/// See [`ConfirmationWindow`]: "please answer by" is never said of a time already past.
#[must_use]
pub fn confirmation_window(ends: DateTime<Utc>, now: DateTime<Utc>) -> ConfirmationWindow {
    if now < ends {
        ConfirmationWindow::Open { ends }
    } else {
        ConfirmationWindow::Lapsed { ended: ends }
    }
}

#[cfg(test)]
mod confirmation_tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_past_confirmation_time_is_not_asked_for() {
        let resolved = Utc
            .with_ymd_and_hms(2026, 11, 1, 8, 0, 0)
            .single()
            .unwrap_or_default();
        let ends = confirmation_ends(resolved, 7);
        assert_eq!(
            confirmation_window(ends, resolved + Duration::days(2)),
            ConfirmationWindow::Open { ends }
        );
        assert_eq!(
            confirmation_window(ends, ends),
            ConfirmationWindow::Lapsed { ended: ends }
        );
        assert_eq!(
            confirmation_window(ends, ends + Duration::days(30)),
            ConfirmationWindow::Lapsed { ended: ends }
        );
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::time::china;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    /// A National Day holiday shaped like the published ones: 1–8 October off, Sunday 27 September and
    /// Saturday 10 October worked.
    fn national_day_2026() -> WorkCalendar {
        WorkCalendar::new(
            (1..=8).map(|day| d(2026, 10, day)),
            [d(2026, 9, 27), d(2026, 10, 10)],
        )
        .unwrap_or_default()
    }

    fn at_china(y: i32, m: u32, day: u32, h: u32) -> DateTime<Utc> {
        china()
            .with_ymd_and_hms(y, m, day, h, 0, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn weekends_holidays_and_make_up_days() {
        let cal = national_day_2026();
        assert!(cal.is_workday(d(2026, 9, 30))); // Wednesday
        assert!(!cal.is_workday(d(2026, 10, 5))); // a Monday of the holiday
        assert!(cal.is_workday(d(2026, 10, 10))); // a Saturday worked
        assert!(cal.is_workday(d(2026, 9, 27))); // a Sunday worked
        assert!(!cal.is_workday(d(2026, 10, 11))); // Sunday
        // Received Wednesday 30 September: the holiday is skipped; Saturday 10 October is worked.
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 1), d(2026, 10, 9));
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 2), d(2026, 10, 10));
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 3), d(2026, 10, 12));
        // Received Friday 25 September: Sunday 27 is worked.
        assert_eq!(cal.add_workdays(d(2026, 9, 25), 1), d(2026, 9, 27));
        // A plain week: Friday + 3 working days is Wednesday.
        let plain = WorkCalendar::default();
        assert_eq!(plain.add_workdays(d(2026, 11, 27), 3), d(2026, 12, 2));
        assert!(WorkCalendar::new([d(2026, 10, 1)], [d(2026, 10, 1)]).is_err());
    }

    #[test]
    fn deadlines_end_at_the_end_of_the_day_in_china() {
        let cal = national_day_2026();
        // Received at 23:00 on 30 September, China time: the holiday starts the next day.
        let received = at_china(2026, 9, 30, 23);
        let due = deadline(received, TimeLimit::WorkingDays(1), &cal);
        assert_eq!(due, at_china(2026, 10, 10, 0) - Duration::seconds(1));
        assert_eq!(
            deadline(received, TimeLimit::WorkingDays(2), &cal),
            at_china(2026, 10, 11, 0) - Duration::seconds(1)
        );
        // Hours run on the clock, through the holiday.
        assert_eq!(
            deadline(received, TimeLimit::Hours(24), &cal),
            at_china(2026, 10, 1, 23)
        );
        assert!(TimeLimit::WorkingDays(0).validate().is_err());
        assert!(TimeLimit::Hours(721).validate().is_err());
        assert_eq!(
            TimeLimit::WorkingDays(5).validate(),
            Ok(TimeLimit::WorkingDays(5))
        );
    }

    #[test]
    fn overdue_requests_go_up_one_level_after_another() {
        let cal = national_day_2026();
        // Due at the end of Tuesday 29 September.
        let due = at_china(2026, 9, 30, 0) - Duration::seconds(1);
        assert_eq!(escalation(due, due, &cal), Escalation::None);
        assert_eq!(
            escalation(due, due + Duration::seconds(1), &cal),
            Escalation::Community
        );
        // Wednesday 30 is one working day late, then the holiday: still the community's on 8 October.
        assert_eq!(
            escalation(due, at_china(2026, 10, 8, 12), &cal),
            Escalation::Community
        );
        // Friday 9 October is the second working day late.
        assert_eq!(
            escalation(due, at_china(2026, 10, 9, 9), &cal),
            Escalation::Street
        );
        // 30 Sep, 9, 10 (worked Saturday), 12, 13 October: five working days.
        assert_eq!(
            escalation(due, at_china(2026, 10, 12, 9), &cal),
            Escalation::Street
        );
        assert_eq!(
            escalation(due, at_china(2026, 10, 13, 9), &cal),
            Escalation::District
        );
        for e in [
            Escalation::None,
            Escalation::Community,
            Escalation::Street,
            Escalation::District,
        ] {
            assert_eq!(Escalation::from_level(i64::from(e.level())), e);
        }
    }

    proptest! {
        #[test]
        fn the_nth_working_day_is_a_working_day_n_working_days_later(
            start in 0i64..3_000, n in 1u32..60, holidays in proptest::collection::vec(0i64..3_100, 0..40)
        ) {
            let base = d(2025, 1, 1);
            let cal = WorkCalendar::new(
                holidays.iter().map(|h| base + Duration::days(*h)),
                std::iter::empty(),
            ).unwrap_or_default();
            let from = base + Duration::days(start);
            let due = cal.add_workdays(from, n);
            prop_assert!(cal.is_workday(due));
            prop_assert!(due > from);
            prop_assert_eq!(cal.workdays_between(from, due), n);
        }
    }
}
