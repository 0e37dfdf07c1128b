//! Reminders on schedule, written by the Cron Trigger (every ten minutes): a vote closing within a day
//! (to those who have not voted), a meeting within the hour (to those it invited), a publication period
//! ending within a day (to who posted the notice), a request past its time limit (to its requester and
//! followers), and each office holder's morning digest. Which are due is core's rule
//! (`yishi_core::notifications::reminders`); each notification's key makes it told once, so a run that
//! comes twice, or two that overlap, write nothing more.

use chrono::{DateTime, Duration, Utc};
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{MeetingId, NoticeId, NotificationId, RequestId, VoteId};
use yishi_core::notifications::reminders::{self, window};
use yishi_core::notifications::{Notification, StaffDigest};
use yishi_core::policy::{Action, scopes_for};
use yishi_core::requests::Status;

use crate::db::requests::Filter;
use crate::db::{self, parse_time};
use crate::error::ApiResult;

/// The statement that writes `n`, dated `now`.
fn told(db: &D1Database, n: &Notification, now: DateTime<Utc>) -> ApiResult<D1PreparedStatement> {
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or_default();
    let id = NotificationId::generate(millis, crate::crypto::random_bytes::<10>()?);
    db::notifications::insert(db, &id, now, n)
}

/// Writes what is due at `now`; returns how many notifications it tried to write (those told before
/// are left as they were).
pub async fn run(db: &D1Database, now: DateTime<Utc>) -> ApiResult<usize> {
    let mut statements = Vec::new();
    for n in due(db, now).await? {
        statements.push(told(db, &n, now)?);
    }
    let written = statements.len();
    if !statements.is_empty() {
        db::batch(db, statements).await?;
    }
    Ok(written)
}

/// The notifications due at `now`.
async fn due(db: &D1Database, now: DateTime<Utc>) -> ApiResult<Vec<Notification>> {
    let mut due = Vec::new();
    let (from, to) = window(now, Duration::hours(reminders::VOTE_CLOSING_AHEAD_HOURS));
    for v in db::reminders::closing_votes(db, from, to).await? {
        let closes = parse_time(&v.closes_at)?;
        if reminders::vote_closing_due(parse_time(&v.opens_at)?, closes, now) {
            due.push(Notification::vote_closing(
                &VoteId::from_trusted(v.id),
                &v.title,
                closes,
            ));
        }
    }
    let (from, to) = window(now, Duration::minutes(reminders::MEETING_AHEAD_MINUTES));
    for m in db::reminders::starting_meetings(db, from, to).await? {
        let starts = parse_time(&m.starts_at)?;
        if reminders::meeting_soon_due(starts, now) {
            due.push(Notification::meeting_soon(
                &MeetingId::from_trusted(m.id),
                &m.path.to_path()?,
                &m.title,
                starts,
            ));
        }
    }
    let (from, to) = window(now, Duration::hours(reminders::PERIOD_ENDING_AHEAD_HOURS));
    for p in db::reminders::ending_periods(db, from, to).await? {
        let ends = parse_time(&p.period_ends_at)?;
        if reminders::period_ending_due(parse_time(&p.published_at)?, ends, now) {
            due.push(Notification::period_ending(
                &NoticeId::from_trusted(p.id),
                &yishi_core::ids::MemberId::from_trusted(p.author_id),
                &p.title,
                ends,
            ));
        }
    }
    for r in db::reminders::due_requests(db, now).await? {
        let deadline = parse_time(&r.deadline)?;
        let status = Status::parse(&r.status).unwrap_or(Status::Received);
        if reminders::request_due(status, deadline, now) {
            due.push(Notification::request_due(
                &RequestId::from_trusted(r.id),
                &r.description,
                deadline,
            ));
        }
    }
    if let Some(day) = reminders::digest_day(now) {
        for member in db::reminders::office_holders(db).await? {
            let Some(loaded) = db::members::load(db, &member).await? else {
                continue;
            };
            let actor = &loaded.actor;
            let dispatch = scopes_for(actor, Action::DispatchRequests);
            let (_, overdue) =
                db::requests::count_open(db, &Filter::Within(&dispatch), now).await?;
            let digest = StaffDigest {
                residents_to_verify: db::reminders::residents_to_verify(
                    db,
                    &scopes_for(actor, Action::VerifyResident),
                )
                .await?,
                objections_to_answer: db::reminders::objections_to_answer(
                    db,
                    &scopes_for(actor, Action::PostNotice),
                )
                .await?,
                overdue_requests: overdue,
            };
            due.extend(Notification::staff_digest(&member, day, digest));
        }
    }
    Ok(due)
}
