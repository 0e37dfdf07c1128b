//! Budget rounds of self-governance projects (居民自治项目化, 微实事): staff open a round for a community
//! with its budget, cap per project, categories and phases, and move a phase's end; residents post needs
//! and support their neighbours' while the round collects them; anyone may read a round's public account,
//! which names no one.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::projects::{
    CreateRoundRequest, MovePhaseRequest, NeedRequest, PhaseSpan, RoundListResponse, RoundResponse,
    RoundSummary, RoundView,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{NeedId, RoundId};
use yishi_core::members::Actor;
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::projects::{self as rules, Act, Schedule};
use yishi_core::territory::{ScopeKind, ScopeRef};

use crate::db::projects::{NewNeed, NewRound, StoredRound};
use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json};
use crate::session;

use super::common::audit_entry;

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Round,
    }
}

/// The round, if it exists (for anyone: its public account).
async fn find(ctx: &Ctx, id: &str) -> ApiResult<StoredRound> {
    let id = RoundId::parse(id).ok_or(not_found())?;
    Ok(db::projects::get(&ctx.db()?, &id)
        .await?
        .ok_or(not_found())?)
}

/// The round, if `actor` may read its community's matters.
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredRound> {
    let round = find(ctx, id).await?;
    if !yishi_core::matters::can_read(actor, &round.scope) {
        return Err(not_found().into());
    }
    Ok(round)
}

/// Whether `actor` may do `act` in the round now: her right on its community, and its phase.
fn may(ctx: &Ctx, actor: &Actor, round: &StoredRound, act: Act) -> ApiResult<()> {
    let action = match act {
        Act::PostNeed | Act::SupportNeed | Act::Vote | Act::Rate | Act::Upkeep => {
            Action::TakePartInMatter
        }
        _ => Action::ManageMatters,
    };
    authorize(actor, action, Target::Scope(&round.scope))?;
    round.schedule.allows(act, ctx.now)?;
    Ok(())
}

fn spans(schedule: &Schedule) -> Vec<PhaseSpan> {
    schedule
        .phases()
        .iter()
        .filter_map(|p| {
            schedule
                .span(p.phase)
                .map(|(starts_at, ends_at)| PhaseSpan {
                    phase: p.phase,
                    starts_at,
                    ends_at,
                })
        })
        .collect()
}

/// The round as `actor` sees it (without one: its public account, no one's own marks).
async fn respond(
    ctx: &Ctx,
    actor: Option<&Actor>,
    round: StoredRound,
    status: u16,
) -> ApiResult<Response> {
    let needs = db::projects::needs(&ctx.db()?, &round.id, actor.map(|a| &a.member)).await?;
    let manages = actor
        .is_some_and(|a| authorize(a, Action::ManageMatters, Target::Scope(&round.scope)).is_ok());
    let may_post_need = actor.is_some_and(|a| may(ctx, a, &round, Act::PostNeed).is_ok());
    let may_support = actor.is_some_and(|a| may(ctx, a, &round, Act::SupportNeed).is_ok());
    let view = RoundView {
        phases: spans(&round.schedule),
        standing: round.schedule.standing(ctx.now),
        id: round.id,
        community: round.community,
        community_name: round.community_name,
        title: round.title,
        budget_fen: round.budget,
        cap_fen: round.cap,
        allocation: round.allocation,
        categories: round.categories,
        needs,
        may_manage: manages,
        may_post_need,
        may_support,
    };
    json(status, &RoundResponse { round: view })
}

/// `GET /api/v1/rounds`: the rounds of the communities she may read.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let audience = yishi_core::matters::audience(&member.actor);
    let rounds = db::projects::list(&ctx.db()?, &audience)
        .await?
        .into_iter()
        .filter(|r| yishi_core::matters::can_read(&member.actor, &r.scope))
        .map(|r| RoundSummary {
            standing: r.schedule.standing(ctx.now),
            id: r.id,
            title: r.title,
            community_name: r.community_name,
            budget_fen: r.budget,
        })
        .collect();
    json(200, &RoundListResponse { rounds })
}

/// `POST /api/v1/rounds`: staff of a community open a round for it.
pub async fn create(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CreateRoundRequest = read_json(req).await?;
    let db = ctx.db()?;
    let scope = db::territory::resolve(
        &db,
        &ScopeRef {
            kind: ScopeKind::Community,
            id: body.community.as_str().to_owned(),
        },
    )
    .await?
    .ok_or(DomainError::Invalid {
        field: Field::Scope,
    })?;
    authorize(&member.actor, Action::ManageMatters, Target::Scope(&scope))?;
    let title = yishi_core::text::clean_line(&body.title, Field::Title, rules::TITLE_MAX)?;
    let (budget, cap) = rules::check_budget(body.budget_fen, body.cap_fen)?;
    let categories = rules::check_categories(&body.categories)?;
    let schedule = Schedule::new(body.starts_at, body.phases)?;
    schedule.starts_near(ctx.now)?;
    let id = ctx.new_id(RoundId::generate)?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::RoundCreate,
        ("round", id.as_str()),
        &scope,
        serde_json::json!({ "title": title, "budget_fen": budget.0 }),
    )?;
    db::batch(
        &db,
        vec![
            db::projects::insert(
                &db,
                &NewRound {
                    id: &id,
                    scope: &scope,
                    title: &title,
                    budget,
                    cap,
                    allocation: body.allocation,
                    categories: &categories,
                    schedule: &schedule,
                    by: &member.actor.member,
                    now: ctx.now,
                },
            )?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    let round = find(ctx, id.as_str()).await?;
    respond(ctx, Some(&member.actor), round, 201).await
}

/// `GET /api/v1/rounds/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let round = load(ctx, &member.actor, id).await?;
    respond(ctx, Some(&member.actor), round, 200).await
}

/// `GET /api/v1/rounds/{id}/public`: the round's public account, for anyone, signed in or not.
pub async fn public(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let round = find(ctx, id).await?;
    respond(ctx, None, round, 200).await
}

/// `PUT /api/v1/rounds/{id}/schedule`: staff move a phase's end (and so the next phase's start).
pub async fn move_phase(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MovePhaseRequest = read_json(req).await?;
    let round = load(ctx, &member.actor, id).await?;
    authorize(
        &member.actor,
        Action::ManageMatters,
        Target::Scope(&round.scope),
    )?;
    let schedule = round.schedule.move_end(body.phase, body.ends_at, ctx.now)?;
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::RoundSchedule,
        ("round", round.id.as_str()),
        &round.scope,
        serde_json::json!({ "phase": body.phase.as_str(), "ends_at": body.ends_at }),
    )?;
    let changed = db::batch(
        &db,
        vec![
            db::projects::set_schedule(&db, &round.id, round.revision, &schedule, ctx.now)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    if changed.first().copied().unwrap_or(0) == 0 {
        return Err(DomainError::RoundChanged.into());
    }
    let round = find(ctx, id).await?;
    respond(ctx, Some(&member.actor), round, 200).await
}

/// `POST /api/v1/rounds/{id}/needs`: a resident of the community posts a need while the round collects
/// them; she supports it herself.
pub async fn post_need(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: NeedRequest = read_json(req).await?;
    let round = load(ctx, &member.actor, id).await?;
    may(ctx, &member.actor, &round, Act::PostNeed)?;
    let need = rules::check_need(
        &body.title,
        &body.description,
        &body.category,
        body.place.as_deref(),
        &round.categories,
    )?;
    let db = ctx.db()?;
    let need_id = ctx.new_id(NeedId::generate)?;
    db::batch(
        &db,
        db::projects::insert_need(
            &db,
            &NewNeed {
                id: &need_id,
                round: &round.id,
                by: &member.actor.member,
                need: &need,
                now: ctx.now,
            },
        )?,
    )
    .await?;
    respond(ctx, Some(&member.actor), round, 201).await
}

/// `POST /api/v1/rounds/{id}/needs/{need}/supports`: a resident supports a need; once is enough, and a
/// second time (a retry on a weak network) changes nothing.
pub async fn support(ctx: &Ctx, id: &str, need: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let round = load(ctx, &member.actor, id).await?;
    may(ctx, &member.actor, &round, Act::SupportNeed)?;
    let db = ctx.db()?;
    let need = NeedId::parse(need).ok_or(DomainError::NotFound {
        entity: Entity::Need,
    })?;
    if !db::projects::need_in(&db, &round.id, &need).await? {
        return Err(DomainError::NotFound {
            entity: Entity::Need,
        }
        .into());
    }
    db::batch(
        &db,
        vec![db::projects::support(
            &db,
            &need,
            &member.actor.member,
            ctx.now,
        )?],
    )
    .await?;
    respond(ctx, Some(&member.actor), round, 200).await
}
