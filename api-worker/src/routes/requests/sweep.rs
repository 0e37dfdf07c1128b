//! The scheduled job: escalation of overdue requests and the closing of those whose resident did not
//! answer in time.

use chrono::{DateTime, Duration, Utc};
use worker::D1Database;
use yishi_core::DomainError;
use yishi_core::ids::{EventId, RequestId};
use yishi_core::requests::{self as rules, Parties, Status, Transition};

use crate::db::requests::{Column, Event};
use crate::db::{self, time};
use crate::error::ApiResult;

/// Escalates overdue requests one level at a time (community → street → district) and closes resolved
/// requests whose resident said nothing within the confirmation days. Each change is its own batch
/// with its record entry, guarded so that a change made meanwhile by a person wins.
pub async fn sweep(db: &D1Database, now: DateTime<Utc>) -> ApiResult<(u32, u32)> {
    let cal = db::requests::calendar(db).await?;
    let days = db::requests::confirm_days(db).await?;
    let resolved_before = now - Duration::days(i64::from(days));
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or_default();
    let (mut escalated, mut closed) = (0u32, 0u32);
    for r in db::requests::due(db, now, resolved_before).await? {
        let rid = RequestId::from_trusted(&r.id);
        let status = Status::parse(&r.status).unwrap_or(Status::Received);
        let event_id = EventId::generate(millis, crate::crypto::random_bytes::<10>()?);
        if status.is_open() {
            let level = rules::escalation(db::parse_time(&r.deadline)?, now, &cal);
            if i64::from(level.level()) <= r.escalation {
                continue;
            }
            let kind = match level {
                rules::Escalation::Street => "escalated_street",
                rules::Escalation::District => "escalated_district",
                _ => "escalated_community",
            };
            let changed = db::batch_guarded(
                db,
                vec![
                    db::requests::escalate(db, &r.id, r.escalation, level)?,
                    db::requests::event(
                        db,
                        &Event {
                            id: &event_id,
                            request: &rid,
                            actor: None,
                            kind,
                            status,
                            handler: None,
                            note: "",
                            at: now,
                        },
                    )?,
                ],
                "requests.escalation",
                None,
                DomainError::RequestChanged,
            )
            .await;
            escalated += u32::from(changed.is_ok());
        } else if status == Status::Resolved {
            let to = status.apply(Transition::Close, Parties::SCHEDULE)?;
            let statements = vec![
                db::requests::set_status(
                    db,
                    &rid,
                    (status, to),
                    &[(Column::ClosedAt, db::text(&time(now)))],
                    now,
                )?,
                db::requests::event(
                    db,
                    &Event {
                        id: &event_id,
                        request: &rid,
                        actor: None,
                        kind: "closed_unanswered",
                        status: to,
                        handler: None,
                        note: "",
                        at: now,
                    },
                )?,
            ];
            if db::batch_guarded(
                db,
                statements,
                "requests.status",
                None,
                DomainError::RequestChanged,
            )
            .await
            .is_ok()
            {
                closed += 1;
            }
        }
    }
    Ok((escalated, closed))
}
