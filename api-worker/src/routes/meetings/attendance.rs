//! Presence: she checks in with the room's code (or the chair, or staff acting for her, check her in
//! with a reason) and leaves; the chair sees everyone on the list, where they live and whether
//! present, and takes back a check-in made by mistake while no motion has counted it.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::meetings::{AttendanceListResponse, CheckInRequest, LeaveRequest};
use yishi_core::audit::AuditAction;
use yishi_core::error::Field;
use yishi_core::ids::{MeetingId, MemberId};
use yishi_core::live::room::RoomEvent;
use yishi_core::meetings::{may_record_presence, may_undo_check_in};
use yishi_core::members::normalize_reason;

use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json};
use crate::routes::common::audit_entry;
use crate::session;

use super::live::tell;
use super::{attendee, load, on_list, require_chair, respond};
use crate::live::record::register;

/// `POST /api/v1/meetings/{id}/attendance`: she checks in with the room's code, or the chair (or staff
/// acting for a resident) checks someone in by hand with a reason. Checking in again after leaving
/// counts her present again.
pub async fn check_in(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CheckInRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let db = ctx.db()?;
    let (who, on_behalf) = match (&body.token, &body.on_behalf) {
        (Some(token), None) => {
            if !yishi_core::auth::constant_time_eq(
                token.trim().as_bytes(),
                m.checkin_token.as_bytes(),
            ) {
                return Err(DomainError::Invalid {
                    field: Field::Token,
                }
                .into());
            }
            (member.actor.member.clone(), None)
        }
        (None, Some(behalf)) => {
            let subject = db::members::require(&db, behalf.member_id.as_str()).await?;
            may_record_presence(
                &member.actor,
                &m.scope,
                &subject.actor.member,
                subject.actor.residence().map(|p| &p.unit),
            )?;
            let reason = normalize_reason(&behalf.reason)?;
            (subject.actor.member.clone(), Some(reason))
        }
        _ => {
            return Err(DomainError::Required {
                field: Field::Token,
            }
            .into());
        }
    };
    let on_list = if who == member.actor.member {
        loaded.invites(&db, &who).await?
    } else {
        on_list(&db, m, &who).await?
    };
    if !on_list {
        return Err(DomainError::NotInvited.into());
    }
    let mut statements = vec![
        db::meetings::check_in(
            &db,
            &m.id,
            &who,
            on_behalf.as_deref().map(|r| (&member.actor.member, r)),
            ctx.now,
        )?,
        db::meetings::bump_if_changed(&db, &m.id)?,
    ];
    if let Some(reason) = &on_behalf {
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            AuditAction::MeetingCheckInOnBehalf,
            ("member", who.as_str()),
            &m.scope,
            serde_json::json!({ "meeting": m.id, "reason": reason }),
        )?;
        statements.push(audit::insert_if_changed(&db, &entry)?);
    }
    let results = db::batch_results(&db, statements).await?;
    let revision = presence_changed(ctx, &m.id, &who, true, &results).await?;
    respond(ctx, &member.actor, id, if revision { 201 } else { 200 }).await
}

/// `GET /api/v1/meetings/{id}/attendance`: everyone on the list, where they live and whether present,
/// for the chair, with the initials of each name's pinyin (the table of characters stays here, off the
/// phone).
pub async fn attendance(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let db = ctx.db()?;
    let rows = db::meetings::attendance(&db, &m.id).await?;
    let motions = motions_put_at(&db, &m.id).await?;
    let people = register(&db, &loaded.electorate(&db).await?)
        .await?
        .iter()
        .map(|n| {
            let mut person = attendee(n, &rows);
            let arrived = rows
                .iter()
                .find(|a| a.member_id == n.id)
                .and_then(|a| db::parse_time(&a.arrived_at).ok());
            person.may_undo = person.present
                && arrived.is_some_and(|arrived| {
                    may_undo_check_in(&member.actor, &m.scope, m.state, arrived, &motions).is_ok()
                });
            person.initials = yishi_core::pinyin::initials(&person.name);
            person
        })
        .collect();
    json(200, &AttendanceListResponse { people })
}

/// When each of the meeting's motions was put.
async fn motions_put_at(
    db: &worker::D1Database,
    id: &yishi_core::ids::MeetingId,
) -> ApiResult<Vec<chrono::DateTime<chrono::Utc>>> {
    db::meetings::motions(db, id)
        .await?
        .iter()
        .map(|m| db::parse_time(&m.created_at))
        .collect()
}

/// `DELETE /api/v1/meetings/{id}/attendance/{member}`: the chair takes back a check-in made by mistake
/// (the wrong name tapped), as if it had never been made, while no motion has counted it. Taking back
/// one that is not there changes nothing.
pub async fn undo_check_in(ctx: &Ctx, id: &str, who: &MemberId) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let db = ctx.db()?;
    let Some(row) = db::meetings::attendance(&db, &m.id)
        .await?
        .into_iter()
        .find(|a| a.member_id == who.as_str())
    else {
        m.state.require_open()?;
        return respond(ctx, &member.actor, id, 200).await;
    };
    let motions = motions_put_at(&db, &m.id).await?;
    may_undo_check_in(
        &member.actor,
        &m.scope,
        m.state,
        db::parse_time(&row.arrived_at)?,
        &motions,
    )?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MeetingUndoCheckIn,
        ("member", who.as_str()),
        &m.scope,
        serde_json::json!({ "meeting": m.id }),
    )?;
    // Only the row as it was read: a motion put meanwhile is caught by the time guard.
    let statements = vec![
        db::meetings::undo_check_in(&db, &m.id, who, &row.arrived_at)?,
        db::meetings::bump_if_changed(&db, &m.id)?,
        audit::insert_if_changed(&db, &entry)?,
    ];
    let results = db::batch_results(&db, statements).await?;
    presence_changed(ctx, &m.id, who, false, &results).await?;
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/attendance/leave`: she leaves; the chair may record that someone left.
pub async fn leave(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: LeaveRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let who = match body.member_id {
        Some(other) if other != member.actor.member => {
            require_chair(&member.actor, m)?;
            other
        }
        _ => member.actor.member.clone(),
    };
    let db = ctx.db()?;
    let statements = vec![
        db::meetings::leave(&db, &m.id, &who, ctx.now)?,
        db::meetings::bump_if_changed(&db, &m.id)?,
    ];
    let results = db::batch_results(&db, statements).await?;
    presence_changed(ctx, &m.id, &who, false, &results).await?;
    respond(ctx, &member.actor, id, 200).await
}

/// After a batch whose second statement raised the revision if the first changed her presence: tells
/// the room. Whether it changed anything.
async fn presence_changed(
    ctx: &Ctx,
    id: &MeetingId,
    who: &MemberId,
    present: bool,
    results: &[worker::D1Result],
) -> ApiResult<bool> {
    let Some(revision) = results
        .get(1)
        .map(db::meetings::bumped)
        .transpose()?
        .flatten()
    else {
        return Ok(false);
    };
    tell(
        ctx,
        id,
        RoomEvent::Presence {
            revision,
            member: who.clone(),
            present,
        },
    );
    Ok(true)
}
