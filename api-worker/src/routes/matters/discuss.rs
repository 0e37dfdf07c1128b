//! 民议: residents discuss a matter; facilitators hide a comment with a public reason and summarise
//! the discussion.

use wasm_bindgen::JsValue;
use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::matters::{CommentRequest, EventKind, ReasonRequest, SummaryRequest};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::CommentId;
use yishi_core::matters::{self as rules, Move, clean_text};

use crate::db;
use crate::db::matters::Column;
use crate::error::ApiResult;
use crate::http::{Ctx, read_json};
use crate::session;

use super::{audit_of, commit, load, next_step, respond, step};

/// `POST /api/v1/matters/{id}/comments`.
pub async fn comment(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CommentRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::Comment, ctx.now)?;
    let text = clean_text(&body.body, Field::Comment, rules::COMMENT_MAX)?;
    let parent = body
        .parent
        .as_deref()
        .map(|p| {
            CommentId::parse(p).ok_or(DomainError::Invalid {
                field: Field::Comment,
            })
        })
        .transpose()?;
    let db = ctx.db()?;
    let not_here = || DomainError::Invalid {
        field: Field::Comment,
    };
    // A reply answers a comment of this matter; checked first, so a refused reply writes nothing.
    if let Some(parent) = &parent
        && !db::matters::comments(&db, &m.id)
            .await?
            .iter()
            .any(|c| c.id == *parent)
    {
        return Err(not_here().into());
    }
    commit(
        &db,
        vec![
            db::matters::insert_comment(
                &db,
                &db::matters::NewComment {
                    id: &ctx.new_id(CommentId::generate)?,
                    matter: &m.id,
                    parent: parent.as_ref(),
                    member: &member.actor.member,
                    stance: body.stance,
                    body: &text,
                    now: ctx.now,
                },
            )?,
            db::matters::touch(&db, &m.id, ctx.now)?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/comments/{comment}/hide`: a facilitator hides a comment with a public
/// reason; the comment keeps its place and author, and the record keeps its text.
pub async fn hide_comment(
    ctx: &Ctx,
    req: &mut Request,
    id: &str,
    comment: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ReasonRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::Moderate, ctx.now)?;
    let reason = rules::reason_required(Some(&body.reason))?;
    let missing = DomainError::NotFound {
        entity: Entity::Comment,
    };
    let comment = CommentId::parse(comment).ok_or(missing.clone())?;
    let db = ctx.db()?;
    // Unknown here: 404; hidden already: nothing to write (and nothing to audit).
    let known = db::matters::comments(&db, &m.id)
        .await?
        .into_iter()
        .find(|c| c.id == comment)
        .ok_or(missing)?;
    if known.hidden.is_none() {
        commit(
            &db,
            vec![
                db::matters::hide_comment(
                    &db,
                    &m.id,
                    &comment,
                    &member.actor.member,
                    &reason,
                    ctx.now,
                )?,
                audit_of(
                    ctx,
                    &db,
                    &member.actor,
                    AuditAction::MatterHideComment,
                    &m,
                    serde_json::json!({ "comment": comment, "reason": reason }),
                )?,
            ],
        )
        .await?;
    }
    respond(ctx, &member.actor, &m.id, 200).await
}

/// `PUT /api/v1/matters/{id}/summary`: the facilitator's summary of the discussion.
pub async fn summarize(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: SummaryRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Summarize)?;
    let text = clean_text(&body.text, Field::Summary, rules::SUMMARY_MAX)?;
    let columns = [
        (Column::Summary, JsValue::from_str(&text)),
        (
            Column::SummaryBy,
            JsValue::from_str(member.actor.member.as_str()),
        ),
        (Column::SummaryAt, JsValue::from_str(&db::time(ctx.now))),
    ];
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &columns,
        (EventKind::Summarized, ""),
        None,
    )
    .await
}
