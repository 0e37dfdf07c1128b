//! The minutes: written by core from the record when the chair closes the meeting, edited by the
//! secretary, published once as a notice of the meeting's scope.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::meetings::MinutesRequest;
use yishi_core::api::notices::NoticeResponse;
use yishi_core::audit::AuditAction;
use yishi_core::ids::{NoticeId, VoteId};
use yishi_core::meetings::MeetingState;
use yishi_core::meetings::minutes::{
    Attendance, MeetingRecord, MotionRecord, SpeakerRecord, minutes_text, notice_title,
};

use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, read_json};
use crate::routes::common::audit_entry;
use crate::session;

use super::{Loaded, load, not_found, require_chair, respond};

/// The minutes as the record has them, written by core in the request's language.
pub(super) async fn minutes_of(ctx: &Ctx, l: &Loaded) -> ApiResult<String> {
    let db = ctx.db()?;
    let m = db::meetings::get(&db, &l.meeting.id)
        .await?
        .ok_or(not_found())?;
    let mut motions = Vec::new();
    for row in db::meetings::motions(&db, &m.id).await? {
        let Some(vote) = db::votes::get(&db, &VoteId::from_trusted(&row.id)).await? else {
            continue;
        };
        let (_, result) = crate::ballots::tally(&db, &vote).await?;
        motions.push(MotionRecord {
            item: row.item_position,
            participated: db::votes::participated(&db, &vote.id).await?,
            present: vote.present.unwrap_or(0),
            settings: vote.settings,
            result,
            quorum_override: row.quorum_override,
        });
    }
    let record = MeetingRecord {
        title: m.settings.title.clone(),
        place: m.settings.place.clone(),
        scope_name: m.scope_name.clone(),
        opened_at: m.opened_at,
        closed_at: m.closed_at,
        eligible: l.electorate(&db).await?.len() as u64,
        attendance: db::meetings::attendance(&db, &m.id)
            .await?
            .iter()
            .map(|a| {
                Ok(Attendance {
                    name: a.name.clone(),
                    arrived_at: db::parse_time(&a.arrived_at)?,
                    left_at: a.left_at.as_deref().map(db::parse_time).transpose()?,
                    on_behalf: a.reason.clone(),
                })
            })
            .collect::<ApiResult<_>>()?,
        agenda: db::meetings::items(&db, &m.id)
            .await?
            .into_iter()
            .map(|i| (i.position, i.title))
            .collect(),
        speakers: db::meetings::speakers(&db, &m.id)
            .await?
            .into_iter()
            .map(|s| SpeakerRecord {
                item: s.item_position,
                state: s.state(),
                name: s.name,
            })
            .collect(),
        motions,
    };
    Ok(minutes_text(&record, ctx.lang))
}

/// `PUT /api/v1/meetings/{id}/minutes`: the secretary edits the minutes after the meeting, until they
/// are published.
pub async fn put_minutes(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MinutesRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    if m.state != MeetingState::Closed {
        return Err(DomainError::MeetingNotOpen.into());
    }
    let (_, text) = yishi_core::notices::validate_text(&m.settings.title, &body.text)?;
    let db = ctx.db()?;
    let changes = db::batch(&db, vec![db::meetings::set_minutes(&db, &m.id, &text)?]).await?;
    if changes.first() == Some(&0) {
        return Err(DomainError::MeetingClosed.into());
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/minutes/publish`: the minutes become a decision notice of the meeting's
/// scope, once.
pub async fn publish_minutes(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let (Some(text), MeetingState::Closed) = (&m.minutes, m.state) else {
        return Err(DomainError::MeetingNotOpen.into());
    };
    if let Some(existing) = &m.minutes_notice {
        return notice_response(ctx, existing, 200).await;
    }
    let title = notice_title(&m.settings.title, ctx.lang);
    let notice = yishi_core::notices::Notice {
        category: yishi_core::notices::Category::Meeting,
        ..yishi_core::notices::publish_notice(
            &member.actor,
            m.scope.clone(),
            &title,
            text,
            ctx.new_id(NoticeId::generate)?,
            ctx.now,
        )?
    };
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MeetingPublishMinutes,
        ("meeting", m.id.as_str()),
        &m.scope,
        serde_json::json!({ "notice": notice.id }),
    )?;
    // The notice, only if the minutes were not published meanwhile.
    let statements = vec![
        db::notices::insert_minutes(&db, &notice, &m.id)?,
        db::meetings::set_minutes_notice(&db, &m.id, &notice.id)?,
        audit::insert_if_changed(&db, &entry)?,
    ];
    db::batch(&db, statements).await?;
    let stored = db::meetings::get(&db, &m.id)
        .await?
        .and_then(|m| m.minutes_notice)
        .ok_or_else(|| ApiError::internal("minutes notice vanished"))?;
    notice_response(ctx, &stored, 201).await
}

async fn notice_response(ctx: &Ctx, id: &NoticeId, status: u16) -> ApiResult<Response> {
    let (_, notice) = db::notices::get(&ctx.db()?, id)
        .await?
        .ok_or_else(|| ApiError::internal("notice vanished"))?;
    json(status, &NoticeResponse { notice })
}
