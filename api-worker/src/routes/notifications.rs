//! The inbox: a member reads what concerns her, and marks it read. Notifications are written by the
//! routes whose changes cause them, in the same batch (`db::notifications::insert`).

use worker::Response;
use yishi_core::DomainError;
use yishi_core::api::notifications::{NotificationListResponse, UnreadResponse};
use yishi_core::error::Entity;
use yishi_core::ids::NotificationId;

use crate::db::{self, members::LoadedMember, notifications::Reader};
use crate::error::ApiResult;
use crate::http::{Ctx, json, next_cursor, page_params};
use crate::session;

fn reader(member: &LoadedMember) -> Reader<'_> {
    Reader {
        member: &member.view.id,
        home: member.actor.residence().map(|p| &p.unit),
        joined_at: member.joined_at,
    }
}

/// `GET /api/v1/notifications`: a page of her inbox, newest first, and the unread count.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (cursor, limit) = page_params(&ctx.url)?;
    // A vote whose time has come tells its voters as it opens.
    crate::ballots::open_due(ctx).await?;
    let db = ctx.db()?;
    let reader = reader(&member);
    let (notifications, more) =
        db::notifications::page(&db, &reader, ctx.now, cursor.as_ref(), limit).await?;
    let next_cursor = next_cursor(more, notifications.last().map(|n| (n.at, n.id.as_str())));
    let unread = db::notifications::unread(&db, &reader, ctx.now).await?;
    json(
        200,
        &NotificationListResponse {
            notifications,
            next_cursor,
            unread,
        },
    )
}

/// `GET /api/v1/notifications/unread`: the bell's count.
pub async fn unread(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    crate::ballots::open_due(ctx).await?;
    let unread = db::notifications::unread(&ctx.db()?, &reader(&member), ctx.now).await?;
    json(200, &UnreadResponse { unread })
}

/// `POST /api/v1/notifications/{id}/read`: one notification read; one outside her inbox does not
/// exist for her.
pub async fn read(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let not_found = || DomainError::NotFound {
        entity: Entity::Notification,
    };
    let id = NotificationId::parse(id).ok_or_else(not_found)?;
    let db = ctx.db()?;
    let reader = reader(&member);
    if !db::notifications::mark_read(&db, &reader, &id, ctx.now).await? {
        return Err(not_found().into());
    }
    let unread = db::notifications::unread(&db, &reader, ctx.now).await?;
    json(200, &UnreadResponse { unread })
}

/// `POST /api/v1/notifications/read`: everything read.
pub async fn read_all(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let db = ctx.db()?;
    db::notifications::mark_all_read(&db, &member.view.id, ctx.now).await?;
    let unread = db::notifications::unread(&db, &reader(&member), ctx.now).await?;
    json(200, &UnreadResponse { unread })
}

/// The statement that writes `n`, dated `at`, to go in the batch of the change that causes it.
pub fn told(
    ctx: &Ctx,
    db: &worker::D1Database,
    n: &yishi_core::notifications::Notification,
    at: chrono::DateTime<chrono::Utc>,
) -> ApiResult<worker::D1PreparedStatement> {
    db::notifications::insert(db, &ctx.new_id(NotificationId::generate)?, at, n)
}
