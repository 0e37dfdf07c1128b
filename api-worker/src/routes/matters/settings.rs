//! A community's settings for matters: the supports that put a matter on the council's list and how
//! long residents rate one.

use worker::{Request, Response};
use yishi_core::api::matters::MatterSettingsResponse;
use yishi_core::audit::AuditAction;
use yishi_core::ids::CommunityId;
use yishi_core::matters::MatterSettings;
use yishi_core::members::Actor;
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::territory::{ScopeKind, ScopeRef};

use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json};
use crate::routes::common::audit_entry;
use crate::session;

use super::propose::resolve_scope;

/// The community named by `id` as a scope, readable by the actor (residents and offices of it).
pub(super) async fn community_scope(
    ctx: &Ctx,
    actor: &Actor,
    id: &str,
) -> ApiResult<(CommunityId, yishi_core::territory::ScopePath, String)> {
    let missing = || crate::routes::common::place_not_found();
    let db = ctx.db()?;
    let scope = resolve_scope(
        &db,
        &ScopeRef {
            kind: ScopeKind::Community,
            id: id.to_owned(),
        },
    )
    .await
    .map_err(|_| missing())?;
    let visible = policy::can_read_notice(actor, &scope)
        || actor.residence().is_some_and(|p| scope.contains(&p.unit));
    if !visible {
        return Err(missing().into());
    }
    let community = CommunityId::from_trusted(id);
    let name = db::matters::community_name(&db, &community)
        .await?
        .ok_or_else(missing)?;
    Ok((community, scope, name))
}

/// `GET /api/v1/communities/{id}/matter-settings`.
pub async fn settings(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (community, _, _) = community_scope(ctx, &member.actor, id).await?;
    let settings = db::matters::settings(&ctx.db()?, &community).await?;
    json(200, &MatterSettingsResponse { settings })
}

/// `PUT /api/v1/communities/{id}/matter-settings`: staff of the community.
pub async fn put_settings(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MatterSettingsResponse = read_json(req).await?;
    let (community, scope, _) = community_scope(ctx, &member.actor, id).await?;
    authorize(&member.actor, Action::ManageMatters, Target::Scope(&scope))?;
    let settings: MatterSettings = body.settings.validate()?;
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MatterSettings,
        ("community", community.as_str()),
        &scope,
        serde_json::to_value(settings)?,
    )?;
    db::batch(
        &db,
        vec![
            db::matters::put_settings(&db, &community, &settings, &member.actor.member, ctx.now)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    json(200, &MatterSettingsResponse { settings })
}
