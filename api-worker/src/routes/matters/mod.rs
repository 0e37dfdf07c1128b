//! Residents' matters (民事) through the five resident steps, a file each: 民提 `propose.rs`, 民议
//! `discuss.rs`, 民决 `decide.rs`, 民办 `carry_out.rs`, 民评 `evaluate.rs` (with the red and black
//! board); a community's settings (`settings.rs`) and photos (`photos.rs`). Every change goes through
//! `yishi_core::matters::Matter::apply` (who may, and whether the step allows it) and is written in one
//! batch with its timeline event, guarded against a concurrent change of step (this file's `step`).

use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Response};
use yishi_core::DomainError;
use yishi_core::api::matters::{
    DecisionView, EventKind, MatterListResponse, MatterPermissions, MatterResponse, MatterSummary,
    MatterView, OwnerView, ProgressView,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{EventId, MatterId};
use yishi_core::matters::{self as rules, Category, Move, Step};
use yishi_core::members::Actor;
use yishi_core::territory::{ScopeKind, ScopeRef};

use crate::db::matters::{Column, StoredMatter};
use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, json, next_cursor, page_params, query_param};
use crate::session;

use super::common::audit_entry;

use propose::resolve_scope;

mod carry_out;
mod decide;
mod discuss;
mod evaluate;
mod propose;
mod settings;

pub use carry_out::{
    acceptance, add_milestone, adopt, milestone_done, post_progress, request_acceptance, set_owner,
};
pub use decide::{put_to_ballot, put_to_meeting, reconsider, record_decision};
pub use discuss::{comment, hide_comment, summarize};
pub use evaluate::{board, rate};
pub use propose::{decline, merge, propose, support};
pub use settings::{put_settings, settings};

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Matter,
    }
}

/// A matter the actor may read; for anyone else it does not exist.
pub(super) async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredMatter> {
    let id = MatterId::parse(id).ok_or(not_found())?;
    let m = db::matters::get(&ctx.db()?, &id)
        .await?
        .ok_or(not_found())?;
    if rules::can_read(actor, &m.rules.scope) {
        Ok(m)
    } else {
        Err(not_found().into())
    }
}

/// Whether `mv` would be allowed now (for the buttons the app shows).
fn allowed(ctx: &Ctx, actor: &Actor, m: &StoredMatter, mv: Move) -> bool {
    m.rules.may(actor, mv, ctx.now).is_ok()
}

/// The step `mv` by `actor` takes the matter to, through the one gate.
fn next_step(ctx: &Ctx, actor: &Actor, m: &StoredMatter, mv: Move) -> ApiResult<Step> {
    Ok(m.rules.clone().apply(actor, mv, ctx.now)?.step)
}

async fn view(ctx: &Ctx, actor: &Actor, m: StoredMatter) -> ApiResult<MatterView> {
    let db = ctx.db()?;
    // A ballot deciding the matter opens when its time comes, for whoever looks first.
    if let (Step::Deciding, Some(vote)) = (m.rules.step, &m.vote)
        && let Some(stored) = db::votes::get(&db, vote).await?
    {
        crate::ballots::open_if_due(ctx, stored).await?;
    }
    let my_support = db::matters::has_support(&db, &m.id, &actor.member).await?;
    let comments = db::matters::comments(&db, &m.id).await?;
    let (timeline, progress) = db::matters::events(&db, &m.id).await?;
    let milestones = db::matters::milestones(&db, &m.id).await?;
    let (ratings, rating_comments, my_rating) =
        db::matters::ratings(&db, &m.id, &actor.member).await?;
    let (photos, update_photos) = db::photos::photos_of(&db, &m.id).await?;
    let merged_from = db::matters::merged_from(&db, &m.id).await?;
    let may = MatterPermissions {
        support: !my_support && allowed(ctx, actor, &m, Move::Support),
        comment: allowed(ctx, actor, &m, Move::Comment),
        facilitate: allowed(ctx, actor, &m, Move::Moderate),
        manage: rules::who_may(actor, &m.rules, Move::Decline).is_ok(),
        adopt: allowed(ctx, actor, &m, Move::Adopt),
        post_progress: allowed(ctx, actor, &m, Move::PostProgress),
        accept: allowed(ctx, actor, &m, Move::Accept),
        rate: my_rating.is_none() && allowed(ctx, actor, &m, Move::Rate),
    };
    let decision = (m.vote.is_some() || m.meeting.is_some()).then(|| DecisionView {
        vote: m.vote.clone(),
        meeting: m.meeting.as_ref().map(|(id, _, _)| id.clone()),
        meeting_title: m.meeting.as_ref().map(|(_, title, _)| title.clone()),
        outcome: m.decision,
        notice: m.decision_notice.clone(),
        publication: m.rules.publication,
    });
    Ok(MatterView {
        id: m.id,
        number: m.number,
        title: m.title,
        description: m.description,
        category: m.category,
        step: m.rules.step,
        micro_wish: m.rules.micro_wish,
        scope: m.rules.scope.to_ref(),
        scope_name: m.scope_name,
        proposer_name: m.proposer_name,
        proposed_at: m.created_at,
        supports: m.rules.supports,
        threshold: m.rules.threshold,
        my_support,
        photos,
        merged_into: m.merged_into,
        merged_from,
        decline_reason: m.decline_reason,
        summary: m.summary,
        comments,
        decision,
        owner: m.owner.map(|(kind, name, member_name)| OwnerView {
            kind,
            name,
            member_name,
        }),
        milestones,
        progress: progress
            .into_iter()
            .map(|(id, body, by_name, at)| ProgressView {
                photos: update_photos
                    .iter()
                    .filter(|(e, _)| *e == id)
                    .map(|(_, p)| p.clone())
                    .collect(),
                id,
                body,
                by_name,
                at,
            })
            .collect(),
        evaluation_ends_at: m.rules.evaluation_ends_at,
        ratings,
        rating_comments,
        my_rating,
        timeline,
        may,
    })
}

async fn respond(ctx: &Ctx, actor: &Actor, id: &MatterId, status: u16) -> ApiResult<Response> {
    let m = load(ctx, actor, id.as_str()).await?;
    json(
        status,
        &MatterResponse {
            matter: view(ctx, actor, m).await?,
        },
    )
}

/// Runs the batch of a change; a concurrent change of step fails it whole, and says so.
async fn commit(db: &D1Database, statements: Vec<D1PreparedStatement>) -> ApiResult<Vec<usize>> {
    db::batch_guarded(
        db,
        statements,
        "matters.step",
        None,
        DomainError::MatterChanged,
    )
    .await
}

fn event(
    ctx: &Ctx,
    db: &D1Database,
    m: &MatterId,
    actor: &Actor,
    kind: EventKind,
    note: &str,
) -> ApiResult<D1PreparedStatement> {
    db::matters::event(
        db,
        &ctx.new_id(EventId::generate)?,
        m,
        &actor.member,
        kind,
        note,
        ctx.now,
    )
}

fn audit_of(
    ctx: &Ctx,
    db: &D1Database,
    actor: &Actor,
    action: AuditAction,
    m: &StoredMatter,
    detail: serde_json::Value,
) -> ApiResult<D1PreparedStatement> {
    let entry = audit_entry(
        ctx,
        &actor.member,
        action,
        ("matter", m.id.as_str()),
        &m.rules.scope,
        detail,
    )?;
    audit::insert(db, &entry)
}

/// One step of a matter as one batch — the step with `columns`, its timeline event and, for staff
/// actions, the audit entry — answered with the matter as the actor now sees it.
async fn step(
    ctx: &Ctx,
    actor: &Actor,
    m: &StoredMatter,
    next: Step,
    columns: &[(Column, JsValue)],
    (kind, note): (EventKind, &str),
    audit: Option<(AuditAction, serde_json::Value)>,
) -> ApiResult<Response> {
    let db = ctx.db()?;
    let mut statements = vec![
        db::matters::set_step(&db, &m.id, (m.rules.step, next), columns, ctx.now)?,
        event(ctx, &db, &m.id, actor, kind, note)?,
    ];
    if let Some((action, detail)) = audit {
        statements.push(audit_of(ctx, &db, actor, action, m, detail)?);
    }
    commit(&db, statements).await?;
    respond(ctx, actor, &m.id, 200).await
}

/// `GET /api/v1/matters/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    json(
        200,
        &MatterResponse {
            matter: view(ctx, &member.actor, m).await?,
        },
    )
}

/// `GET /api/v1/matters?scope_kind=&scope_id=&step=&category=&mine=&q=&cursor=&limit=`: `q` finds a
/// matter by its number (`12`, `#12`, `M-12`, `议题12`) or by words of its title.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (cursor, limit) = page_params(&ctx.url)?;
    // Votes due are opened first, as for the votes list, so "waits for my vote" is the same set there.
    crate::ballots::open_due(ctx).await?;
    let db = ctx.db()?;
    let invalid = |field| DomainError::Invalid { field };
    let q = crate::http::search_param(&ctx.url)?;
    let mut filter = db::matters::Filter::default();
    if let Some(kind) = query_param(&ctx.url, "scope_kind") {
        let kind = ScopeKind::parse(&kind).ok_or(invalid(Field::Scope))?;
        let id = query_param(&ctx.url, "scope_id").ok_or(invalid(Field::Scope))?;
        filter.within = Some(resolve_scope(&db, &ScopeRef { kind, id }).await?);
    }
    if let Some(step) = query_param(&ctx.url, "step") {
        filter.step = Some(Step::parse(&step).ok_or(invalid(Field::Query))?);
    }
    if let Some(category) = query_param(&ctx.url, "category") {
        filter.category = Some(Category::parse(&category).ok_or(invalid(Field::Category))?);
    }
    filter.search = db::Search::of(yishi_core::numbers::RecordKind::Matter, q.as_deref());
    if let Some(mine) = query_param(&ctx.url, "mine") {
        filter.mine = Some(match mine.as_str() {
            "raised" => db::matters::Mine::Raised,
            "supported" => db::matters::Mine::Supported,
            "vote" => db::matters::Mine::Vote,
            _ => return Err(invalid(Field::Query).into()),
        });
    }
    let audience = rules::audience(&member.actor);
    let (page, more) = db::matters::list(
        &db,
        &audience,
        &member.actor.member,
        &filter,
        cursor.as_ref(),
        limit,
        ctx.now,
    )
    .await?;
    let next_cursor = next_cursor(
        more,
        page.last().map(|(m, _, _)| (m.updated_at, m.id.as_str())),
    );
    let ids: Vec<&MatterId> = page.iter().map(|(m, _, _)| &m.id).collect();
    let ratings = db::matters::ratings_of(&db, &ids).await?;
    // Each online vote's count, by the one rule every screen shows.
    let vote_ids: Vec<String> = page
        .iter()
        .filter_map(|(m, _, _)| m.vote.as_ref().map(ToString::to_string))
        .collect();
    let votes = db::votes::get_many(&db, &vote_ids).await?;
    let refs: Vec<&db::votes::StoredVote> = votes.iter().collect();
    let counts: Vec<(String, Option<yishi_core::votes::mine::Participation>)> = votes
        .iter()
        .map(|v| v.id.to_string())
        .zip(crate::ballots::participation(&db, &refs).await?)
        .collect();
    let matters = page
        .iter()
        .filter(|(m, _, _)| rules::can_read(&member.actor, &m.rules.scope))
        .map(|(m, my_support, needs_my_vote)| MatterSummary {
            id: m.id.clone(),
            number: m.number,
            title: m.title.clone(),
            category: m.category,
            step: m.rules.step,
            micro_wish: m.rules.micro_wish,
            scope_name: m.scope_name.clone(),
            proposer_name: m.proposer_name.clone(),
            proposed_at: m.created_at,
            updated_at: m.updated_at,
            supports: m.rules.supports,
            threshold: m.rules.threshold,
            my_support: *my_support,
            needs_my_vote: *needs_my_vote,
            vote_count: m
                .vote
                .as_ref()
                .and_then(|v| counts.iter().find(|(id, _)| id == v.as_str()))
                .and_then(|(_, c)| *c),
            ratings: ratings
                .iter()
                .find(|(id, _)| *id == m.id)
                .map(|(_, r)| *r)
                .unwrap_or_default(),
        })
        .collect();
    json(
        200,
        &MatterListResponse {
            matters,
            next_cursor,
        },
    )
}
