//! Household invite codes: issued one at a time or for a whole building (the printed sheet), revoked.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::invites::{InviteResponse, InviteSheetResponse, IssueInvitesRequest};
use yishi_core::api::territory::PlaceView;
use yishi_core::audit::AuditAction;
use yishi_core::auth::{INVITE_CODE_LEN, invite_code_from_random, normalize_invite_code};
use yishi_core::error::Entity;
use yishi_core::ids::{BuildingId, HouseholdId};
use yishi_core::members::Actor;
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::territory::{PlaceKind, ScopePath};

use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, no_content, read_json};
use crate::{crypto, session};

use super::common::{audit_entry, place_in_reach};

/// A household or building the actor may manage invite codes for, not archived.
async fn place_for_invites(
    ctx: &Ctx,
    actor: &Actor,
    kind: PlaceKind,
    id: &str,
) -> ApiResult<(PlaceView, ScopePath)> {
    let (view, path) = place_in_reach(ctx, actor, kind, id, Action::ManageInvites).await?;
    if view.archived {
        return Err(DomainError::PlaceArchived.into());
    }
    Ok((view, path))
}

fn new_code() -> ApiResult<String> {
    Ok(invite_code_from_random(crypto::random_bytes::<
        INVITE_CODE_LEN,
    >()?))
}

/// `POST /api/v1/households/{id}/invites`: one new code for the household.
pub async fn issue_for_household(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: IssueInvitesRequest = read_json(req).await?;
    let (view, path) = place_for_invites(ctx, &member.actor, PlaceKind::Household, id).await?;
    let db = ctx.db()?;
    let code = new_code()?;
    let household = HouseholdId::from_trusted(&view.id);
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::InviteIssue,
        ("household", &view.id),
        &path,
        serde_json::json!({ "household": view.name, "in_person": body.in_person, "count": 1 }),
    )?;
    db::batch(
        &db,
        vec![
            db::invites::insert(
                &db,
                &code,
                &household,
                body.in_person,
                &member.actor.member,
                ctx.now,
            )?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    let invite = db::invites::get(&db, &code)
        .await?
        .ok_or_else(|| ApiError::internal("invite vanished after insert"))?;
    json(201, &InviteResponse { invite })
}

/// `POST /api/v1/buildings/{id}/invites`: a code for every household of the building that has no live
/// one, then the sheet of all live codes.
pub async fn issue_for_building(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: IssueInvitesRequest = read_json(req).await?;
    let (view, path) = place_for_invites(ctx, &member.actor, PlaceKind::Building, id).await?;
    let db = ctx.db()?;
    let households = db::invites::households_without_code(&db, &view.id).await?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::InviteIssue,
        ("building", &view.id),
        &path,
        serde_json::json!({ "building": view.name, "in_person": body.in_person, "count": households.len() }),
    )?;
    let mut statements = households
        .iter()
        .map(|h| {
            db::invites::insert(
                &db,
                &new_code()?,
                h,
                body.in_person,
                &member.actor.member,
                ctx.now,
            )
        })
        .collect::<ApiResult<Vec<_>>>()?;
    if !statements.is_empty() {
        statements.push(audit::insert(&db, &entry)?);
        db::batch(&db, statements).await?;
    }
    sheet_response(
        ctx,
        &view.id,
        &path,
        201,
        u32::try_from(households.len()).unwrap_or(u32::MAX),
    )
    .await
}

/// `GET /api/v1/buildings/{id}/invites`: the printable sheet.
pub async fn sheet(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (view, path) = place_for_invites(ctx, &member.actor, PlaceKind::Building, id).await?;
    sheet_response(ctx, &view.id, &path, 200, 0).await
}

async fn sheet_response(
    ctx: &Ctx,
    building: &str,
    path: &ScopePath,
    status: u16,
    issued: u32,
) -> ApiResult<Response> {
    let db = ctx.db()?;
    let invites = db::invites::live_of_building(&db, building).await?;
    let community = match path.community_id() {
        Some(c) => db::territory::communities(&db, &[c.to_string()])
            .await?
            .into_iter()
            .next()
            .map(|c| c.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let place = db::territory::scope_name(&db, path).await?;
    json(
        status,
        &InviteSheetResponse {
            building: BuildingId::from_trusted(building),
            building_name: format!("{community} {place}").trim().to_owned(),
            invites,
            issued,
        },
    )
}

/// `POST /api/v1/invites/{code}/revoke`.
pub async fn revoke(ctx: &Ctx, code: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let invalid = DomainError::NotFound {
        entity: Entity::Invite,
    };
    let code = normalize_invite_code(code).map_err(|_| invalid.clone())?;
    let db = ctx.db()?;
    let (household, live) = db::invites::household_of(&db, &code)
        .await?
        .ok_or(invalid.clone())?;
    let (_, path) = db::territory::place(&db, PlaceKind::Household, household.as_str())
        .await?
        .ok_or(invalid.clone())?;
    authorize(&member.actor, Action::ViewTerritory, Target::Scope(&path))
        .map_err(|_| invalid.clone())?;
    authorize(&member.actor, Action::ManageInvites, Target::Scope(&path))?;
    if !live {
        return Err(DomainError::InviteCodeInvalid.into());
    }
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::InviteRevoke,
        ("household", household.as_str()),
        &path,
        serde_json::json!({ "code": code }),
    )?;
    db::batch(
        &db,
        vec![
            db::invites::revoke(&db, &code, ctx.now)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    no_content()
}
