//! The notice board.

use worker::{Request, Response};
use yishi_core::api::notices::{CreateNoticeRequest, NoticeListResponse, NoticeResponse};
use yishi_core::api::{Cursor, PAGE_DEFAULT, PAGE_MAX};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{AuditId, NoticeId};
use yishi_core::{DomainError, notices as rules, policy};

use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, query_param, read_json};
use crate::session;

/// `GET /api/v1/notices?cursor=&limit=`: the notices the member may read, newest first.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let limit = match query_param(&ctx.url, "limit") {
        None => PAGE_DEFAULT,
        Some(l) => l
            .parse::<u32>()
            .ok()
            .filter(|l| (1..=PAGE_MAX).contains(l))
            .ok_or(DomainError::Invalid {
                field: Field::Limit,
            })?,
    };
    let cursor = query_param(&ctx.url, "cursor")
        .map(|c| {
            Cursor::decode(&c).ok_or(DomainError::Invalid {
                field: Field::Cursor,
            })
        })
        .transpose()?;
    let audience = policy::notice_audience(&member.actor);
    let (page, more) = db::notices::list(&ctx.db()?, &audience, cursor.as_ref(), limit).await?;
    let next_cursor = if more {
        page.last().map(|(_, n)| {
            Cursor {
                at: n.published_at,
                id: n.id.to_string(),
            }
            .encode()
        })
    } else {
        None
    };
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

/// `GET /api/v1/notices/{id}`: a notice the member may not read does not exist for her.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let not_found = DomainError::NotFound {
        entity: Entity::Notice,
    };
    let id = NoticeId::parse(id).ok_or(not_found.clone())?;
    let (scope, notice) = db::notices::get(&ctx.db()?, &id)
        .await?
        .ok_or(not_found.clone())?;
    if !policy::can_read_notice(&member.actor, &scope) {
        return Err(not_found.into());
    }
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
