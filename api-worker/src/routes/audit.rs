//! Reading the audit log.

use worker::Response;
use yishi_core::DomainError;
use yishi_core::api::audit::AuditListResponse;
use yishi_core::policy::{self, Action};

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, json, next_cursor, page_params};
use crate::session;

/// `GET /api/v1/audit?cursor=&limit=`: entries within the scopes the reader oversees, newest first.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let within = policy::scopes_for(&member.actor, Action::ReadAudit);
    if within.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let (cursor, limit) = page_params(&ctx.url)?;
    let (entries, more) = db::audit::list(&ctx.db()?, &within, cursor.as_ref(), limit).await?;
    let next_cursor = next_cursor(more, entries.last().map(|e| (e.at, e.id.as_str())));
    json(
        200,
        &AuditListResponse {
            entries,
            next_cursor,
        },
    )
}
