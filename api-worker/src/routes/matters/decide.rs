//! 民决: a matter is put to an online ballot or on a meeting's agenda; the vote's outcome decides it
//! and is published; an upheld objection sends it back to the council's list.

use wasm_bindgen::JsValue;
use worker::{Request, Response};
use yishi_core::api::matters::{AgendaRequest, BallotRequest, DecisionRequest, EventKind};
use yishi_core::audit::AuditAction;
use yishi_core::error::Field;
use yishi_core::ids::{MeetingId, NoticeId};
use yishi_core::matters::{self as rules, Decision, Move};
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::votes::tally::Method;
use yishi_core::{DomainError, Lang};

use crate::db;
use crate::db::matters::Column;
use crate::error::ApiResult;
use crate::http::{Ctx, read_json};
use crate::session;

use super::{audit_of, commit, event, load, next_step, respond, step};

/// `POST /api/v1/matters/{id}/ballot`: an online yes/no vote in the matter's scope decides it.
pub async fn put_to_ballot(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: BallotRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::PutToBallot)?;
    if body.settings.method != Method::YesNo {
        return Err(DomainError::Invalid {
            field: Field::Options,
        }
        .into());
    }
    let (vote, mut statements) =
        crate::ballots::prepare(ctx, &member.actor, &m.rules.scope, body.settings).await?;
    let db = ctx.db()?;
    statements.push(db::matters::set_step(
        &db,
        &m.id,
        (m.rules.step, next),
        &[(Column::VoteId, JsValue::from_str(vote.as_str()))],
        ctx.now,
    )?);
    statements.push(event(
        ctx,
        &db,
        &m.id,
        &member.actor,
        EventKind::PutToBallot,
        "",
    )?);
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/agenda`: the matter becomes the last item of a meeting that has not
/// closed, whose scope contains the matter's, chaired by the caller.
pub async fn put_to_meeting(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: AgendaRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::PutToMeeting)?;
    let db = ctx.db()?;
    let bad = || DomainError::Invalid {
        field: Field::Meeting,
    };
    let meeting_id = MeetingId::parse(&body.meeting).ok_or_else(bad)?;
    let meeting = db::meetings::get(&db, &meeting_id).await?.ok_or_else(bad)?;
    if !meeting.scope.contains(&m.rules.scope) {
        return Err(bad().into());
    }
    authorize(
        &member.actor,
        Action::ManageVotes,
        Target::Scope(&meeting.scope),
    )?;
    if meeting.state == yishi_core::meetings::MeetingState::Closed {
        return Err(DomainError::MeetingClosed.into());
    }
    let items = db::meetings::items(&db, &meeting.id).await?;
    if items.len() >= yishi_core::meetings::ITEMS_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Agenda,
            min: 1,
            max: u32::try_from(yishi_core::meetings::ITEMS_MAX).unwrap_or(u32::MAX),
        }
        .into());
    }
    let position = items.iter().map(|i| i.position + 1).max().unwrap_or(0);
    let title: String = m
        .title
        .chars()
        .take(yishi_core::meetings::ITEM_MAX)
        .collect();
    let statements = vec![
        db::meetings::append_item(&db, &meeting.id, position, &title)?,
        db::matters::set_step(
            &db,
            &m.id,
            (m.rules.step, next),
            &[
                (Column::MeetingId, JsValue::from_str(meeting.id.as_str())),
                (Column::ItemPosition, JsValue::from(position)),
            ],
            ctx.now,
        )?,
        event(
            ctx,
            &db,
            &m.id,
            &member.actor,
            EventKind::PutToMeeting,
            &meeting.settings.title,
        )?,
        db::meetings::bump(&db, &meeting.id)?,
    ];
    match commit(&db, statements).await {
        Err(e) if db::is_unique_violation(&e, "meeting_items") => {
            return Err(DomainError::MatterChanged.into());
        }
        other => {
            other?;
        }
    }
    if meeting.state == yishi_core::meetings::MeetingState::Open {
        crate::routes::meetings::changed(ctx, &meeting.id).await?;
    }
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/decision`: once the ballot (or the meeting's last motion on the item)
/// has closed, records what it decided on the matter and publishes it as a notice for the matter's
/// scope (公示).
pub async fn record_decision(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: DecisionRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    // Who may, and whether the matter is waiting for a decision, before reading the vote.
    m.rules
        .may(&member.actor, Move::Decide(Decision::Adopted), ctx.now)?;
    let db = ctx.db()?;
    let vote_id = match (&m.vote, &m.meeting) {
        (Some(vote), _) => Some(vote.clone()),
        (None, Some((meeting, _, Some(position)))) => {
            db::meetings::last_motion_on(&db, meeting, *position, ctx.now).await?
        }
        _ => None,
    }
    .ok_or(DomainError::DecisionPending)?;
    let (adopted, vote_body) = crate::ballots::closed_outcome(ctx, &db, &vote_id).await?;
    let decision = if adopted {
        Decision::Adopted
    } else {
        Decision::Rejected
    };
    let next = next_step(ctx, &member.actor, &m, Move::Decide(decision))?;
    let (title, text) = rules::decision_notice(&m.title, decision, &vote_body, Lang::ZhCn);
    let notice = yishi_core::notices::publish_notice(
        &member.actor,
        m.rules.scope.clone(),
        &title,
        &text,
        ctx.new_id(NoticeId::generate)?,
        ctx.now,
    )?
    .with(
        &yishi_core::notices::Publication {
            category: yishi_core::notices::Category::Decision,
            period_days: body.period_days,
            ..yishi_core::notices::Publication::default()
        },
        ctx.now,
    )?;
    let outcome = match decision {
        Decision::Adopted => "adopted",
        Decision::Rejected => "rejected",
    };
    commit(
        &db,
        vec![
            db::notices::insert(&db, &notice)?,
            db::matters::set_step(
                &db,
                &m.id,
                (m.rules.step, next),
                &[
                    (Column::Decision, JsValue::from_str(outcome)),
                    (
                        Column::DecisionNoticeId,
                        JsValue::from_str(notice.id.as_str()),
                    ),
                    (Column::VoteId, JsValue::from_str(vote_id.as_str())),
                ],
                ctx.now,
            )?,
            event(ctx, &db, &m.id, &member.actor, EventKind::Decided, outcome)?,
            audit_of(
                ctx,
                &db,
                &member.actor,
                AuditAction::MatterDecide,
                &m,
                serde_json::json!({ "vote": vote_id, "decision": outcome, "notice": notice.id }),
            )?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, &m.id, 200).await
}

/// `POST /api/v1/matters/{id}/reconsider`: an objection to the published decision was upheld, so the
/// matter goes back to the council's list to be decided again (the old decision stays in the timeline).
pub async fn reconsider(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Reconsider)?;
    let cleared = [
        Column::Decision,
        Column::DecisionNoticeId,
        Column::VoteId,
        Column::MeetingId,
        Column::ItemPosition,
    ]
    .map(|c| (c, JsValue::NULL));
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &cleared,
        (EventKind::Reconsidered, ""),
        Some((
            AuditAction::MatterReconsider,
            serde_json::json!({ "notice": m.decision_notice }),
        )),
    )
    .await
}
