//! Reminders on schedule: whether each is due at `now`. The worker's Cron Trigger (every ten minutes)
//! asks the database for the records whose times fall near `now` ([`window`]), keeps those these rules
//! say are due, and writes their notifications; each key is written once, so a run that comes twice, or
//! two runs that overlap, tell nothing more. A run that is missed is made up by the next one while the
//! reminder is still due.

use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};

use crate::requests::Status;

/// How long before a vote closes its voters who have not voted are reminded.
pub const VOTE_CLOSING_AHEAD_HOURS: i64 = 24;
/// How long before a meeting starts its invited are reminded.
pub const MEETING_AHEAD_MINUTES: i64 = 60;
/// How long before a publication period ends the member who posted the notice is reminded.
pub const PERIOD_ENDING_AHEAD_HOURS: i64 = 24;
/// The staff digest is written from this hour in China …
pub const DIGEST_HOUR: u32 = 8;
/// … for this many minutes (three runs of the job, so one late or failed run does not lose the day).
pub const DIGEST_MINUTES: u32 = 30;

/// The instants between which a reminder's time (a vote's close, a meeting's start, a period's end)
/// must fall for it to be due at `now` when it is told `ahead` before: `(now, now + ahead]`. The
/// database is asked for these; the rules below decide.
#[must_use]
pub fn window(now: DateTime<Utc>, ahead: Duration) -> (DateTime<Utc>, DateTime<Utc>) {
    (now, now + ahead)
}

/// A vote closes within a day. Not for a vote that was open for less than a day (a meeting's motion,
/// a short poll): its voters were told when it opened, and being told twice at once is noise.
#[must_use]
pub fn vote_closing_due(
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    let from = closes_at - Duration::hours(VOTE_CLOSING_AHEAD_HOURS);
    opens_at <= from && from <= now && now < closes_at
}

/// A meeting starts within the hour.
#[must_use]
pub fn meeting_soon_due(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    starts_at - Duration::minutes(MEETING_AHEAD_MINUTES) <= now && now < starts_at
}

/// A published notice's period ends within a day (a period is whole days from the publication, so
/// this is from the hour it was published on the day before its end until the end).
#[must_use]
pub fn period_ending_due(
    published_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    published_at <= now
        && ends_at - Duration::hours(PERIOD_ENDING_AHEAD_HOURS) <= now
        && now < ends_at
}

/// A request reached its time limit and is still open (not resolved, closed or merged).
#[must_use]
pub fn request_due(status: Status, deadline: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status.is_open() && deadline <= now
}

/// The China date whose staff digest is due at `now`: the first half hour after eight in the morning,
/// China time; `None` at any other time. Each office holder's digest is keyed by the date, so it is
/// written at most once a day.
#[must_use]
pub fn digest_day(now: DateTime<Utc>) -> Option<NaiveDate> {
    let local = now.with_timezone(&crate::time::china());
    let minute = local.hour() * 60 + local.minute();
    let from = DIGEST_HOUR * 60;
    (from..from + DIGEST_MINUTES)
        .contains(&minute)
        .then(|| local.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn china(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        crate::time::china()
            .with_ymd_and_hms(2026, 12, d, h, m, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn a_vote_is_reminded_in_its_last_day_only() {
        let opens = china(1, 9, 0);
        let closes = china(5, 18, 0);
        assert!(!vote_closing_due(opens, closes, china(4, 17, 59)));
        assert!(vote_closing_due(opens, closes, china(4, 18, 0)));
        assert!(vote_closing_due(opens, closes, china(5, 17, 59)));
        assert!(!vote_closing_due(opens, closes, china(5, 18, 0)), "closed");
        // A vote of half a day (a meeting's motion) is not reminded.
        assert!(!vote_closing_due(china(5, 6, 0), closes, china(5, 12, 0)));
        // One of exactly a day is, from its opening.
        assert!(vote_closing_due(china(4, 18, 0), closes, china(4, 18, 5)));
    }

    #[test]
    fn a_meeting_is_reminded_in_the_hour_before_it_starts() {
        let starts = china(5, 19, 30);
        assert!(!meeting_soon_due(starts, china(5, 18, 29)));
        assert!(meeting_soon_due(starts, china(5, 18, 30)));
        assert!(meeting_soon_due(starts, china(5, 19, 29)));
        assert!(!meeting_soon_due(starts, china(5, 19, 30)));
    }

    #[test]
    fn a_period_is_reminded_in_its_last_day_once_published() {
        let published = china(1, 10, 0);
        let ends = china(4, 10, 0);
        assert!(!period_ending_due(published, ends, china(3, 9, 59)));
        assert!(period_ending_due(published, ends, china(3, 10, 0)));
        assert!(!period_ending_due(published, ends, china(4, 10, 0)));
        // Scheduled for later: not before it is published.
        assert!(!period_ending_due(china(3, 12, 0), ends, china(3, 11, 0)));
    }

    #[test]
    fn a_request_is_due_once_its_deadline_passes_while_it_is_open() {
        let deadline = china(4, 23, 59);
        assert!(!request_due(Status::Accepted, deadline, china(4, 23, 0)));
        assert!(request_due(Status::Accepted, deadline, china(5, 0, 0)));
        assert!(request_due(Status::Returned, deadline, china(6, 0, 0)));
        assert!(!request_due(Status::Resolved, deadline, china(5, 0, 0)));
        assert!(!request_due(Status::Merged, deadline, china(5, 0, 0)));
    }

    #[test]
    fn the_digest_is_due_in_the_first_half_hour_after_eight_china_time() {
        assert_eq!(digest_day(china(3, 7, 59)), None);
        assert_eq!(
            digest_day(china(3, 8, 0)),
            NaiveDate::from_ymd_opt(2026, 12, 3)
        );
        assert!(digest_day(china(3, 8, 29)).is_some());
        assert_eq!(digest_day(china(3, 8, 30)), None);
        assert_eq!(digest_day(china(3, 20, 5)), None);
        // Eight in China is midnight UTC: the date is China's.
        assert_eq!(
            digest_day(china(4, 8, 10)),
            NaiveDate::from_ymd_opt(2026, 12, 4)
        );
    }

    #[test]
    fn the_window_asked_of_the_database_holds_every_due_reminder() {
        let now = china(3, 12, 0);
        let (from, to) = window(now, Duration::hours(VOTE_CLOSING_AHEAD_HOURS));
        for minutes in [1, 60, 24 * 60] {
            let closes = now + Duration::minutes(minutes);
            assert!(vote_closing_due(china(1, 0, 0), closes, now));
            assert!(from < closes && closes <= to);
        }
    }
}
