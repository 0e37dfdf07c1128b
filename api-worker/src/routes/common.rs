//! What several areas' handlers share: finding a place within the caller's reach, and the audit entry of
//! a staff action.

use yishi_core::DomainError;
use yishi_core::api::territory::PlaceView;
use yishi_core::audit::AuditAction;
use yishi_core::error::Entity;
use yishi_core::ids::{AuditId, MemberId, is_valid_id};
use yishi_core::members::Actor;
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::territory::{PlaceKind, ScopePath};

use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::Ctx;

pub fn place_not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Place,
    }
}

/// A place the actor may see (others do not exist for her: 404) and may do `action` on (403).
pub async fn place_in_reach(
    ctx: &Ctx,
    actor: &Actor,
    kind: PlaceKind,
    id: &str,
    action: Action,
) -> ApiResult<(PlaceView, ScopePath)> {
    if !is_valid_id(id) {
        return Err(place_not_found().into());
    }
    let (view, path) = db::territory::place(&ctx.db()?, kind, id)
        .await?
        .ok_or(place_not_found())?;
    authorize(actor, Action::ViewTerritory, Target::Scope(&path)).map_err(|_| place_not_found())?;
    authorize(actor, action, Target::Scope(&path))?;
    Ok((view, path))
}

/// The audit entry of an action by `actor` on a record, in `scope`, now.
pub fn audit_entry<'a>(
    ctx: &Ctx,
    actor: &'a MemberId,
    action: AuditAction,
    (target_kind, target_id): (&'a str, &'a str),
    scope: &'a ScopePath,
    detail: serde_json::Value,
) -> ApiResult<audit::Entry<'a>> {
    Ok(audit::Entry {
        id: ctx.new_id(AuditId::generate)?,
        at: ctx.now,
        actor,
        action,
        target_kind,
        target_id,
        scope: Some(scope),
        on_behalf: None,
        detail,
    })
}
