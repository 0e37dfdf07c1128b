//! Residents' requests (民生诉求): deadlines in working days on China's calendar, and the status of a
//! request from receipt to closing.
//!
//! Time limits count in working days or in hours. Working days follow the State Council's calendar:
//! Monday to Friday, except public holidays, plus the weekend days declared make-up workdays (调休). As
//! for administrative time limits, the day a request is received is not counted: a limit of N working
//! days ends at the end of the N-th working day after it (China Standard Time). A limit in hours is
//! counted on the clock, weekends included (a burst pipe does not wait for Monday).

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, TimeZone, Utc, Weekday,
};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};

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

/// China Standard Time, in which working days are counted.
fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| Utc.fix())
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
            let local_day = received.with_timezone(&china()).date_naive();
            let last = calendar.add_workdays(local_day, n);
            // The end of that day in China: the first instant of the next day, minus a second.
            let next_midnight = last
                .succ_opt()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .and_then(|t| china().from_local_datetime(&t).single())
                .map(|t| t.with_timezone(&Utc));
            next_midnight.map_or(received, |t| t - Duration::seconds(1))
        }
    }
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Accepted,
    InProgress,
    Resolved,
    Closed,
    /// Not this unit's responsibility: sent on to the right one (首问负责).
    Returned,
    /// Joined to another request about the same trouble (并案).
    Merged,
}

/// What a unit or a resident does to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Accept,
    Start,
    Resolve,
    /// The resident confirms it fixed, or the confirmation time ran out.
    Close,
    /// The resident says it is not fixed.
    Reopen,
    Return,
    Merge,
}

/// Where `t` takes a request in `status`.
pub fn next_status(status: Status, t: Transition) -> DomainResult<Status> {
    use Status::{Accepted, Closed, InProgress, Merged, Received, Resolved, Returned};
    match (t, status) {
        (Transition::Accept, Received) => Ok(Accepted),
        (Transition::Start, Accepted) => Ok(InProgress),
        (Transition::Resolve, Accepted | InProgress) => Ok(Resolved),
        (Transition::Close, Resolved) => Ok(Closed),
        (Transition::Reopen, Resolved) => Ok(InProgress),
        (Transition::Return, Received | Accepted) => Ok(Returned),
        (Transition::Merge, Received | Accepted | InProgress) => Ok(Merged),
        _ => Err(DomainError::RequestStatus),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    fn statuses() {
        use Status::*;
        assert_eq!(next_status(Received, Transition::Accept), Ok(Accepted));
        assert_eq!(next_status(Resolved, Transition::Reopen), Ok(InProgress));
        assert_eq!(next_status(Resolved, Transition::Close), Ok(Closed));
        assert!(next_status(Received, Transition::Resolve).is_err());
        assert!(next_status(Closed, Transition::Reopen).is_err());
        assert!(next_status(InProgress, Transition::Return).is_err());
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
