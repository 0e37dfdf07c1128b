//! Motions: the chair puts one to the voters present under the meeting's rules (or, without a quorum,
//! with a recorded reason) and closes it.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::meetings::MotionRequest;
use yishi_core::audit::AuditAction;
use yishi_core::error::Entity;
use yishi_core::ids::VoteId;
use yishi_core::meetings::{ItemState, may_put_motion, quorum_met};
use yishi_core::votes::poll::PollSettings;
use yishi_core::votes::tally::{Quorum, Rules, TieBreak};

use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, read_json};
use crate::routes::common::audit_entry;
use crate::session;

use super::live::changed;
use super::{load, present_members, present_voters, require_chair, respond};

/// `POST /api/v1/meetings/{id}/motions`: the chair puts a motion to the voters present, under the
/// meeting's rules. Refused while the quorum is not met, unless the chair gives a reason (the motion
/// is then counted without a quorum rule, and the minutes say why). One motion is open at a time.
pub async fn put_motion(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MotionRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    m.state.require_open()?;
    let db = ctx.db()?;
    let electorate = loaded.electorate(&db).await?;
    let attendance = db::meetings::attendance(&db, &m.id).await?;
    let present = present_voters(&electorate, &present_members(&attendance));
    let eligible = electorate.len() as u64;
    let met = !present.is_empty()
        && quorum_met(m.settings.procedure.quorum, present.len() as u64, eligible);
    let override_reason = may_put_motion(met, body.override_reason.as_deref())?;
    if present.is_empty() {
        return Err(DomainError::QuorumNotMet.into());
    }
    let settings = PollSettings {
        title: body.title,
        options: body.options,
        method: body.method,
        rules: Rules {
            quorum: if override_reason.is_some() {
                Quorum::None
            } else {
                m.settings.procedure.quorum
            },
            threshold: body.threshold.unwrap_or(m.settings.procedure.threshold),
            count_abstentions: m.settings.procedure.count_abstentions,
            double_majority: false,
        },
        tie_break: TieBreak::NoWinner,
        electorate: m.settings.electorate,
        secrecy: body.secrecy,
        results: body.results,
        changeable: false,
        max_proxies: 0,
        opens_at: ctx.now,
        closes_at: ctx.now + chrono::Duration::hours(12),
    }
    .validate()?;
    let item = db::meetings::items(&db, &m.id)
        .await?
        .into_iter()
        .find(|i| i.state() == ItemState::Open)
        .map(|i| i.position);
    let vote = ctx.new_id(VoteId::generate)?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MeetingMotion,
        ("vote", vote.as_str()),
        &m.scope,
        serde_json::json!({ "meeting": m.id, "title": settings.title, "quorum_override": override_reason }),
    )?;
    let mut statements = vec![
        db::meetings::close_expired_motions(&db, &m.id, ctx.now)?,
        db::votes::insert(
            &db,
            &vote,
            &m.scope,
            &settings,
            &member.actor.member,
            ctx.now,
        )?,
        db::meetings::link_motion(&db, &vote, &m.id, item, override_reason.as_deref())?,
    ];
    statements.extend(db::votes::open_statements(
        &db,
        &vote,
        &present,
        Some((eligible, present.len() as u64)),
        ctx.now,
    )?);
    statements.push(audit::insert(&db, &entry)?);
    statements.push(db::meetings::bump(&db, &m.id)?);
    // Those checked in who may vote on it (its casters) are told, on their phones as in the room.
    let told = yishi_core::notifications::Notification::motion_put(&m.id, &vote, &settings.title)
        .by(&member.actor.member);
    statements.push(crate::routes::notifications::told(
        ctx, &db, &told, ctx.now,
    )?);
    match db::batch(&db, statements).await {
        Ok(_) => {}
        Err(e) if db::is_unique_violation(&e, "votes.meeting_id") => {
            return Err(DomainError::MotionOpen.into());
        }
        Err(e) => return Err(e),
    }
    changed(ctx, &m.id).await?;
    respond(ctx, &member.actor, id, 201).await
}

/// `POST /api/v1/meetings/{id}/motions/{vote}/close`: the chair ends the vote on a motion.
pub async fn close_motion(ctx: &Ctx, id: &str, vote: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let db = ctx.db()?;
    let motion = VoteId::parse(vote).ok_or(DomainError::NotFound {
        entity: Entity::Vote,
    })?;
    let stored = db::votes::get(&db, &motion)
        .await?
        .filter(|v| v.meeting.as_ref() == Some(&m.id))
        .ok_or(DomainError::NotFound {
            entity: Entity::Vote,
        })?;
    if !stored.closed_early {
        db::batch(
            &db,
            vec![
                db::votes::close(&db, &stored.id, ctx.now)?,
                db::meetings::bump(&db, &m.id)?,
            ],
        )
        .await?;
        changed(ctx, &m.id).await?;
    }
    respond(ctx, &member.actor, id, 200).await
}
