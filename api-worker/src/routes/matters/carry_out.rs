//! 民办: an owner carries an adopted matter out (or a volunteer adopts a micro-wish), with milestones
//! and progress updates, until residents' representatives accept the work.

use wasm_bindgen::JsValue;
use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::matters::{
    AcceptanceRequest, EventKind, MilestoneRequest, OwnerRequest, ProgressRequest,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::EventId;
use yishi_core::matters::{self as rules, Move, OwnerKind, clean_line, clean_text};
use yishi_core::members::public_name;

use crate::db;
use crate::db::matters::Column;
use crate::db::members::LoadedMember;
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, read_json};
use crate::session;

use super::{commit, event, load, next_step, respond, step};
use crate::routes::photos::own_photos;

/// `PUT /api/v1/matters/{id}/owner`.
pub async fn set_owner(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: OwnerRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::AssignOwner)?;
    let name = clean_line(&body.name, Field::Owner, rules::OWNER_NAME_MAX)?;
    let db = ctx.db()?;
    let owner_member = match body.phone.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(phone) => {
            let phone = yishi_core::auth::normalize_phone(phone)?;
            let found = db::members::credentials_by_phone(&db, &phone)
                .await?
                .filter(|c| c.status == "active")
                .ok_or(DomainError::Invalid {
                    field: Field::Phone,
                })?;
            Some(found.id)
        }
    };
    let columns = [
        (Column::OwnerKind, JsValue::from_str(body.kind.as_str())),
        (Column::OwnerName, JsValue::from_str(&name)),
        (
            Column::OwnerMemberId,
            owner_member
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        ),
    ];
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &columns,
        (EventKind::OwnerNamed, &name),
        Some((
            AuditAction::MatterOwner,
            serde_json::json!({ "kind": body.kind, "name": name, "member": owner_member }),
        )),
    )
    .await
}

/// `POST /api/v1/matters/{id}/adopt`: a neighbour adopts a micro-wish and carries it out herself.
pub async fn adopt(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Adopt)?;
    let name = volunteer_name(&member);
    let columns = [
        (
            Column::OwnerKind,
            JsValue::from_str(OwnerKind::Volunteer.as_str()),
        ),
        (Column::OwnerName, JsValue::from_str(&name)),
        (
            Column::OwnerMemberId,
            JsValue::from_str(member.actor.member.as_str()),
        ),
    ];
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &columns,
        (EventKind::Adopted, ""),
        None,
    )
    .await
}

fn volunteer_name(member: &LoadedMember) -> String {
    public_name(&member.view.name, member.view.profile.name_display)
}

/// `POST /api/v1/matters/{id}/milestones`.
pub async fn add_milestone(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MilestoneRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::EditMilestones, ctx.now)?;
    let title = clean_line(&body.title, Field::Title, rules::TITLE_MAX)?;
    let due = rules::check_due(body.due_on, ctx.now.date_naive())?;
    let db = ctx.db()?;
    let position = db::matters::milestones(&db, &m.id)
        .await?
        .iter()
        .map(|s| s.position)
        .max()
        .unwrap_or(0)
        + 1;
    let note = format!("{title}（{}）", due.format("%Y-%m-%d"));
    match commit(
        &db,
        vec![
            db::matters::insert_milestone(&db, &m.id, position, &title, due)?,
            db::matters::touch(&db, &m.id, ctx.now)?,
            event(
                ctx,
                &db,
                &m.id,
                &member.actor,
                EventKind::MilestoneAdded,
                &note,
            )?,
        ],
    )
    .await
    {
        Err(e) if db::is_unique_violation(&e, "matter_milestones") => {
            Err(DomainError::MatterChanged.into())
        }
        Err(e) => Err(e),
        Ok(_) => respond(ctx, &member.actor, &m.id, 201).await,
    }
}

/// `POST /api/v1/matters/{id}/milestones/{position}/done`: the owner (or staff) marks a milestone met.
pub async fn milestone_done(ctx: &Ctx, id: &str, position: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::PostProgress, ctx.now)?;
    let db = ctx.db()?;
    let missing = DomainError::NotFound {
        entity: Entity::Milestone,
    };
    let milestone = position.parse::<u32>().ok().ok_or(missing.clone())?;
    let stone = db::matters::milestones(&db, &m.id)
        .await?
        .into_iter()
        .find(|s| s.position == milestone)
        .ok_or(missing)?;
    if stone.done_at.is_none() {
        commit(
            &db,
            vec![
                db::matters::milestone_done(&db, &m.id, milestone, ctx.now)?,
                db::matters::touch(&db, &m.id, ctx.now)?,
                event(
                    ctx,
                    &db,
                    &m.id,
                    &member.actor,
                    EventKind::MilestoneDone,
                    &stone.title,
                )?,
            ],
        )
        .await?;
    }
    respond(ctx, &member.actor, &m.id, 200).await
}

/// `POST /api/v1/matters/{id}/progress`: a progress update with photos, by the owner or staff.
pub async fn post_progress(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ProgressRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::PostProgress, ctx.now)?;
    let text = clean_text(&body.body, Field::Body, rules::PROGRESS_MAX)?;
    let db = ctx.db()?;
    let photos = own_photos(&db, &body.photos, &member.actor, true).await?;
    let event_id = ctx.new_id(EventId::generate)?;
    let mut statements = vec![
        db::matters::event(
            &db,
            &event_id,
            &m.id,
            &member.actor.member,
            EventKind::Progress,
            &text,
            ctx.now,
        )?,
        db::matters::touch(&db, &m.id, ctx.now)?,
    ];
    for photo in &photos {
        statements.push(db::photos::attach_photo(
            &db,
            photo,
            &m.id,
            Some(&event_id),
        )?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/ready`: the owner says the work is done and asks for acceptance.
pub async fn request_acceptance(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::RequestAcceptance)?;
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &[],
        (EventKind::AcceptanceRequested, ""),
        None,
    )
    .await
}

/// `POST /api/v1/matters/{id}/acceptance`: residents' representatives accept the work (opening the
/// rating window) or send it back with a reason.
pub async fn acceptance(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: AcceptanceRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    if body.accept {
        let next = next_step(ctx, &member.actor, &m, Move::Accept)?;
        let community = m
            .rules
            .scope
            .community_id()
            .cloned()
            .ok_or_else(|| ApiError::internal("a matter outside any community"))?;
        let days = db::matters::settings(&ctx.db()?, &community)
            .await?
            .evaluation_days;
        let ends = ctx.now + chrono::Duration::days(i64::from(days));
        step(
            ctx,
            &member.actor,
            &m,
            next,
            &[(Column::EvaluationEndsAt, JsValue::from_str(&db::time(ends)))],
            (EventKind::Accepted, ""),
            None,
        )
        .await
    } else {
        let next = next_step(ctx, &member.actor, &m, Move::RejectAcceptance)?;
        let reason = rules::reason_required(body.reason.as_deref())?;
        step(
            ctx,
            &member.actor,
            &m,
            next,
            &[],
            (EventKind::AcceptanceRejected, &reason),
            None,
        )
        .await
    }
}
