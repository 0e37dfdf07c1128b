//! The notice board.

use worker::{Request, Response};
use yishi_core::api::notices::{
    CreateNoticeRequest, MarkReadRequest, NoticeListResponse, NoticeReadResponse,
    NoticeReadsResponse, NoticeResponse, NoticeView,
};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{AuditId, NoticeId};
use yishi_core::members::normalize_reason;
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::territory::ScopePath;
use yishi_core::{DomainError, notices as rules, policy};

use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, next_cursor, page_params, read_json};
use crate::session;

/// `GET /api/v1/notices?cursor=&limit=`: the notices the member may read, newest first.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (cursor, limit) = page_params(&ctx.url)?;
    let audience = policy::notice_audience(&member.actor);
    let (page, more) = db::notices::list(&ctx.db()?, &audience, cursor.as_ref(), limit).await?;
    let next_cursor = next_cursor(
        more,
        page.last().map(|(_, n)| (n.published_at, n.id.as_str())),
    );
    let notices = page
        .into_iter()
        .filter(|(scope, _)| policy::can_read_notice(&member.actor, scope))
        .map(|(_, view)| view)
        .collect();
    json(
        200,
        &NoticeListResponse {
            notices,
            next_cursor,
        },
    )
}

/// `GET /api/v1/notices/{id}`: a notice the member may not read does not exist for her. Carries her own
/// read record, if any.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (id, _, mut notice) = readable(ctx, &member.actor, id).await?;
    notice.my_read = db::notices::read_of(&ctx.db()?, &id, &member.actor.member).await?;
    json(200, &NoticeResponse { notice })
}

/// `POST /api/v1/notices`: publishes a notice now; the notice and its audit entry are written together.
pub async fn create(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CreateNoticeRequest = read_json(req).await?;
    let db = ctx.db()?;
    let scope = db::territory::resolve(&db, &body.scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?;
    let notice = rules::publish_notice(
        &member.actor,
        scope,
        &body.title,
        &body.body,
        ctx.new_id(NoticeId::generate)?,
        ctx.now,
    )?;
    let entry = audit::Entry {
        id: ctx.new_id(AuditId::generate)?,
        at: ctx.now,
        actor: &member.actor.member,
        action: "notice.publish",
        target_kind: "notice",
        target_id: notice.id.as_str(),
        scope: Some(&notice.scope),
        on_behalf: None,
        detail: serde_json::json!({ "title": notice.title }),
    };
    db::batch(
        &db,
        vec![
            db::notices::insert(&db, &notice)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    let (_, view) = db::notices::get(&db, &notice.id)
        .await?
        .ok_or_else(|| ApiError::internal("notice vanished after insert"))?;
    json(201, &NoticeResponse { notice: view })
}

fn notice_not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Notice,
    }
}

/// The notice if the member may read it.
async fn readable(
    ctx: &Ctx,
    actor: &yishi_core::members::Actor,
    id: &str,
) -> ApiResult<(NoticeId, ScopePath, NoticeView)> {
    let id = NoticeId::parse(id).ok_or(notice_not_found())?;
    let (scope, notice) = db::notices::get(&ctx.db()?, &id)
        .await?
        .ok_or(notice_not_found())?;
    authorize(actor, Action::ReadNotice, Target::Scope(&scope)).map_err(|_| notice_not_found())?;
    Ok((id, scope, notice))
}

/// `POST /api/v1/notices/{id}/reads`: marks the notice read for the member herself, or, with
/// `on_behalf`, for a resident who cannot (代办): a grid worker or staff member covering her home
/// records it with the reason, which is audited and shown with the read.
pub async fn mark_read(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MarkReadRequest = read_json(req).await?;
    let (notice_id, scope, notice) = readable(ctx, &member.actor, id).await?;
    let db = ctx.db()?;
    let (reader, on_behalf) = match &body.on_behalf {
        None => {
            authorize(&member.actor, Action::MarkNoticeRead, Target::Scope(&scope))?;
            (member.actor.member.clone(), None)
        }
        Some(ob) => {
            let reason = normalize_reason(&ob.reason)?;
            let subject =
                db::members::load(&db, &ob.member_id)
                    .await?
                    .ok_or(DomainError::Invalid {
                        field: Field::Member,
                    })?;
            let home = subject.actor.residence().map(|p| p.unit.clone());
            policy::can_act_on_behalf(&member.actor, &subject.actor.member, home.as_ref())?;
            // She must be someone the notice addresses.
            authorize(
                &subject.actor,
                Action::MarkNoticeRead,
                Target::Scope(&scope),
            )
            .map_err(|_| DomainError::Invalid {
                field: Field::Member,
            })?;
            (subject.actor.member.clone(), Some((reason, home)))
        }
    };
    let already = db::notices::read_of(&db, &notice_id, &reader).await?;
    if let Some(read) = already {
        return json(200, &NoticeReadResponse { read });
    }
    let mut statements = vec![db::notices::mark_read(
        &db,
        &notice_id,
        &reader,
        on_behalf
            .as_ref()
            .map(|(reason, _)| (&member.actor.member, reason.as_str())),
        ctx.now,
    )?];
    if let Some((reason, home)) = &on_behalf {
        let entry = audit::Entry {
            id: ctx.new_id(AuditId::generate)?,
            at: ctx.now,
            actor: &member.actor.member,
            action: "notice.read_on_behalf",
            target_kind: "notice",
            target_id: notice_id.as_str(),
            scope: home.as_ref(),
            on_behalf: Some((&reader, reason.as_str())),
            detail: serde_json::json!({ "title": notice.title }),
        };
        statements.push(audit::insert(&db, &entry)?);
    }
    db::batch(&db, statements).await?;
    let read = db::notices::read_of(&db, &notice_id, &reader)
        .await?
        .ok_or_else(|| ApiError::internal("read vanished after insert"))?;
    json(201, &NoticeReadResponse { read })
}

/// `GET /api/v1/notices/{id}/reads`: reads and unread residents, among those the reader oversees.
pub async fn reads(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (notice_id, scope, _) = readable(ctx, &member.actor, id).await?;
    let within: Vec<ScopePath> = policy::scopes_for(&member.actor, Action::ViewNoticeReads)
        .into_iter()
        .filter(|s| s.contains(&scope) || scope.contains(s))
        .collect();
    if within.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let (reads, unread, addressed) =
        db::notices::reads_within(&ctx.db()?, &notice_id, &scope, &within).await?;
    json(
        200,
        &NoticeReadsResponse {
            reads,
            unread,
            addressed,
        },
    )
}
