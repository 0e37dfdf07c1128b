//! 民提: a resident proposes a matter, neighbours support it onto the council's list; staff decline
//! it or merge a duplicate into another.

use wasm_bindgen::JsValue;
use worker::{D1Database, Request, Response};
use yishi_core::DomainError;
use yishi_core::api::matters::{EventKind, MergeRequest, ProposeRequest, ReasonRequest};
use yishi_core::audit::AuditAction;
use yishi_core::error::Field;
use yishi_core::ids::MatterId;
use yishi_core::matters::{self as rules, Move, Step, clean_line, clean_text};
use yishi_core::numbers::{RecordKind, RecordNumber};
use yishi_core::territory::ScopeRef;

use crate::db;
use crate::db::matters::Column;
use crate::error::ApiResult;
use crate::http::{Ctx, read_json};
use crate::session;

use super::{audit_of, commit, event, load, next_step, respond, step};
use crate::routes::photos::own_photos;

/// `POST /api/v1/matters`.
pub async fn propose(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ProposeRequest = read_json(req).await?;
    let db = ctx.db()?;
    let scope = resolve_scope(&db, &body.scope).await?;
    rules::may_propose(&member.actor, &scope)?;
    let title = clean_line(&body.title, Field::Title, rules::TITLE_MAX)?;
    let description = clean_text(
        &body.description,
        Field::Description,
        rules::DESCRIPTION_MAX,
    )?;
    let photos = own_photos(&db, &body.photos, &member.actor, true).await?;
    let community = scope.community_id().cloned().ok_or(DomainError::Invalid {
        field: Field::Scope,
    })?;
    let threshold = db::matters::settings(&db, &community)
        .await?
        .threshold(scope.kind());
    let id = ctx.new_id(MatterId::generate)?;
    let mut statements = vec![
        db::matters::insert(
            &db,
            &db::matters::NewMatter {
                id: &id,
                scope: &scope,
                title: &title,
                description: &description,
                category: body.category,
                micro_wish: body.micro_wish,
                threshold,
                proposer: &member.actor.member,
                now: ctx.now,
            },
        )?,
        db::matters::add_support(&db, &id, &member.actor.member, None, ctx.now)?,
        event(ctx, &db, &id, &member.actor, EventKind::Proposed, "")?,
    ];
    // Her own support may be all it takes.
    if !body.micro_wish && threshold <= 1 {
        statements.push(db::matters::set_step(
            &db,
            &id,
            (Step::Proposed, Step::Deliberating),
            &[],
            ctx.now,
        )?);
        statements.push(event(
            ctx,
            &db,
            &id,
            &member.actor,
            EventKind::ReachedList,
            "",
        )?);
    }
    for photo in &photos {
        statements.push(db::photos::attach_photo(&db, photo, &id, None)?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &id, 201).await
}

pub(super) async fn resolve_scope(
    db: &D1Database,
    scope: &ScopeRef,
) -> ApiResult<yishi_core::territory::ScopePath> {
    if !yishi_core::ids::is_valid_id(&scope.id) {
        return Err(DomainError::Invalid {
            field: Field::Scope,
        }
        .into());
    }
    Ok(db::territory::resolve(db, scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?)
}

/// `POST /api/v1/matters/{id}/supports`: one support per person; supporting again changes nothing.
pub async fn support(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Support)?;
    let db = ctx.db()?;
    if db::matters::has_support(&db, &m.id, &member.actor.member).await? {
        return respond(ctx, &member.actor, &m.id, 200).await;
    }
    let mut statements = vec![db::matters::add_support(
        &db,
        &m.id,
        &member.actor.member,
        None,
        ctx.now,
    )?];
    if next == m.rules.step {
        statements.push(db::matters::touch(&db, &m.id, ctx.now)?);
    } else {
        statements.push(db::matters::set_step(
            &db,
            &m.id,
            (m.rules.step, next),
            &[],
            ctx.now,
        )?);
        statements.push(event(
            ctx,
            &db,
            &m.id,
            &member.actor,
            EventKind::ReachedList,
            "",
        )?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/decline`: staff decline with a public reason; supporters stay recorded.
pub async fn decline(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ReasonRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Decline)?;
    let reason = rules::reason_required(Some(&body.reason))?;
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &[(Column::DeclineReason, JsValue::from_str(&reason))],
        (EventKind::Declined, &reason),
        Some((
            AuditAction::MatterDecline,
            serde_json::json!({ "reason": reason }),
        )),
    )
    .await
}

/// `POST /api/v1/matters/{id}/merge`: the matter is a duplicate of `into`, whose scope must contain
/// its own; its supporters are carried over (once each) and both keep the record.
pub async fn merge(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MergeRequest = read_json(req).await?;
    let dup = load(ctx, &member.actor, id).await?;
    let bad_target = || DomainError::Invalid {
        field: Field::Matter,
    };
    // Staff type the number shown on the matter (`12`, `#12`, `M-12`); an id still works.
    let into = match RecordNumber::parse(RecordKind::Matter, &body.into) {
        Some(n) => db::matters::id_by_number(&ctx.db()?, &dup, n)
            .await?
            .ok_or_else(bad_target)?
            .to_string(),
        None => body.into.trim().to_owned(),
    };
    let mut target = load(ctx, &member.actor, &into)
        .await
        .map_err(|_| bad_target())?;
    if target.id == dup.id || !target.rules.scope.contains(&dup.rules.scope) {
        return Err(bad_target().into());
    }
    let merged = next_step(ctx, &member.actor, &dup, Move::Merge)?;
    let db = ctx.db()?;
    target.rules.supports += db::matters::new_supporters(&db, &dup.id, &target.id).await?;
    let absorbed = target
        .rules
        .clone()
        .apply(&member.actor, Move::Absorb, ctx.now)
        .map_err(|e| match e {
            DomainError::MatterStep => bad_target(),
            other => other,
        })?
        .step;
    let mut statements = vec![
        db::matters::set_step(
            &db,
            &dup.id,
            (dup.rules.step, merged),
            &[(Column::MergedInto, JsValue::from_str(target.id.as_str()))],
            ctx.now,
        )?,
        db::matters::carry_supports(&db, &dup.id, &target.id, ctx.now)?,
        db::matters::set_step(&db, &target.id, (target.rules.step, absorbed), &[], ctx.now)?,
        event(
            ctx,
            &db,
            &dup.id,
            &member.actor,
            EventKind::MergedInto,
            &target.title,
        )?,
        event(
            ctx,
            &db,
            &target.id,
            &member.actor,
            EventKind::MergedFrom,
            &dup.title,
        )?,
        audit_of(
            ctx,
            &db,
            &member.actor,
            AuditAction::MatterMerge,
            &dup,
            serde_json::json!({ "into": target.id }),
        )?,
    ];
    if absorbed != target.rules.step {
        statements.push(event(
            ctx,
            &db,
            &target.id,
            &member.actor,
            EventKind::ReachedList,
            "",
        )?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &dup.id, 200).await
}
