//! Members as staff see them: the directory, verification, roles, passcode resets, households'
//! members and representatives. Every change is audited in the same transaction.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::members::{
    AddHouseholdMemberRequest, BirthYearRequest, MemberListResponse, MemberResponse,
    PasscodeResetResponse, RepresentativeRequest, RoleRequest, VerifyRequest,
};
use yishi_core::audit::AuditAction;
use yishi_core::auth as rules;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{HouseholdId, MemberId};
use yishi_core::members::{
    RoleGrant, Verification, VerificationDecision, check_birth_year, normalize_reason,
};
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::territory::{PlaceKind, ScopePath};

use crate::db::{self, audit, members::LoadedMember};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, next_cursor, page_params, query_param, read_json};
use crate::{crypto, session};

use super::common::{audit_entry, place_in_reach};

fn member_not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Member,
    }
}

/// A member the actor may see (living or holding a role within her reach); others do not exist for her.
async fn visible_member(
    ctx: &Ctx,
    actor: &yishi_core::members::Actor,
    id: &str,
) -> ApiResult<(LoadedMember, ScopePath)> {
    let target = db::members::require(&ctx.db()?, id).await?;
    let anchor = target.anchor();
    let visible = anchor
        .as_ref()
        .is_some_and(|a| authorize(actor, Action::ViewMembers, Target::Scope(a)).is_ok())
        || target
            .actor
            .grants
            .iter()
            .any(|g| authorize(actor, Action::ViewMembers, Target::Scope(&g.scope)).is_ok());
    match anchor {
        Some(anchor) if visible => Ok((target, anchor)),
        _ => Err(member_not_found().into()),
    }
}

async fn respond(ctx: &Ctx, id: &MemberId, status: u16) -> ApiResult<Response> {
    let member = db::members::load(&ctx.db()?, id)
        .await?
        .ok_or_else(|| ApiError::internal("member vanished"))?;
    json(
        status,
        &MemberResponse {
            member: member.summary(),
        },
    )
}

/// `GET /api/v1/members?verification=&q=&cursor=&limit=`.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let within = policy::scopes_for(&member.actor, Action::ViewMembers);
    if within.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let (cursor, limit) = page_params(&ctx.url)?;
    let verification = query_param(&ctx.url, "verification")
        .map(|v| {
            Verification::parse(&v).ok_or(DomainError::Invalid {
                field: Field::Member,
            })
        })
        .transpose()?;
    let query = crate::http::search_param(&ctx.url)?;
    let (members, more) = db::members::list(
        &ctx.db()?,
        &db::members::MemberFilter {
            within: &within,
            verification,
            search: db::Search::words(query.as_deref().unwrap_or_default()),
            cursor: cursor.as_ref(),
            limit,
        },
    )
    .await?;
    let next_cursor = next_cursor(
        more,
        members.last().map(|m| (m.joined_at, m.view.id.as_str())),
    );
    json(
        200,
        &MemberListResponse {
            members: members.iter().map(LoadedMember::summary).collect(),
            next_cursor,
        },
    )
}

/// `GET /api/v1/members/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (target, _) = visible_member(ctx, &member.actor, id).await?;
    json(
        200,
        &MemberResponse {
            member: target.summary(),
        },
    )
}

/// `POST /api/v1/members/{id}/verification`: confirm or reject a pending resident.
pub async fn verify(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: VerifyRequest = read_json(req).await?;
    let (target, anchor) = visible_member(ctx, &member.actor, id).await?;
    authorize(
        &member.actor,
        Action::VerifyResident,
        Target::Scope(&anchor),
    )?;
    let current = target
        .actor
        .home
        .as_ref()
        .map(|h| h.verification)
        .ok_or(DomainError::NotResident)?;
    let outcome = body.decision.apply(current)?;
    let reason = match body.decision {
        VerificationDecision::Reject => {
            Some(normalize_reason(body.reason.as_deref().unwrap_or(""))?)
        }
        VerificationDecision::Confirm => None,
    };
    let db = ctx.db()?;
    let target_id = target.actor.member.clone();
    let (action, decisive) = match outcome {
        Some(_) => (
            AuditAction::MemberConfirm,
            db::members::confirm(&db, &target_id, &member.actor.member, ctx.now)?,
        ),
        None => (
            AuditAction::MemberReject,
            db::members::reject(&db, &target_id)?,
        ),
    };
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        action,
        ("member", target_id.as_str()),
        &anchor,
        serde_json::json!({ "name": target.view.name, "reason": reason }),
    )?;
    // The entry right after the decision, and only if the decision changed her (someone else may
    // have decided meanwhile).
    let statements = vec![
        decisive,
        audit::insert_if_changed(&db, &entry)?,
        db::members::representative_if_none(&db, &target_id)?,
    ];
    let changes = db::batch(&db, statements).await?;
    if changes.first() == Some(&0) {
        return Err(DomainError::NotPending.into());
    }
    respond(ctx, &target_id, 200).await
}

/// `PUT /api/v1/members/{id}/birth-year`: staff who may verify a resident record her year of birth (from
/// her identity card), so that votes for residents of a given age include her.
pub async fn set_birth_year(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: BirthYearRequest = read_json(req).await?;
    let (target, anchor) = visible_member(ctx, &member.actor, id).await?;
    authorize(
        &member.actor,
        Action::VerifyResident,
        Target::Scope(&anchor),
    )?;
    if target.actor.home.is_none() {
        return Err(DomainError::NotResident.into());
    }
    let this_year = u16::try_from(chrono::Datelike::year(&ctx.now)).unwrap_or(u16::MAX);
    let year = body
        .birth_year
        .map(|y| check_birth_year(y, this_year))
        .transpose()?;
    let db = ctx.db()?;
    let target_id = target.actor.member.clone();
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MemberBirthYear,
        ("member", target_id.as_str()),
        &anchor,
        serde_json::json!({ "name": target.view.name, "from": target.birth_year, "to": year }),
    )?;
    db::batch(
        &db,
        vec![
            db::members::set_birth_year(&db, &target_id, year)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    respond(ctx, &target_id, 200).await
}

async fn grant_of(ctx: &Ctx, body: &RoleRequest) -> ApiResult<RoleGrant> {
    if !yishi_core::ids::is_valid_id(&body.scope.id) {
        return Err(DomainError::Invalid {
            field: Field::Scope,
        }
        .into());
    }
    let scope = db::territory::resolve(&ctx.db()?, &body.scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?;
    Ok(RoleGrant::new(body.role, scope)?)
}

/// `POST /api/v1/members/{id}/roles`: grants a role for a scope. The granter needs the power to grant
/// that role over the scope; the member must be someone she can see.
pub async fn grant_role(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    change_role(ctx, req, id, true).await
}

/// `POST /api/v1/members/{id}/roles/revoke`.
pub async fn revoke_role(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    change_role(ctx, req, id, false).await
}

async fn change_role(
    ctx: &Ctx,
    req: &mut Request,
    id: &str,
    granting: bool,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: RoleRequest = read_json(req).await?;
    let (target, _) = visible_member(ctx, &member.actor, id).await?;
    let grant = grant_of(ctx, &body).await?;
    authorize(
        &member.actor,
        Action::GrantRole(grant.role),
        Target::Scope(&grant.scope),
    )?;
    let db = ctx.db()?;
    let target_id = target.actor.member.clone();
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        if granting {
            AuditAction::RoleGrant
        } else {
            AuditAction::RoleRevoke
        },
        ("member", target_id.as_str()),
        &grant.scope,
        serde_json::json!({ "name": target.view.name, "role": grant.role }),
    )?;
    let change = if granting {
        db::members::grant(&db, &target_id, &grant, &member.actor.member, ctx.now)?
    } else {
        db::members::revoke(&db, &target_id, &grant)?
    };
    let changes = db::batch(&db, vec![change, audit::insert(&db, &entry)?]).await?;
    if !granting && changes.first() == Some(&0) {
        return Err(DomainError::NotFound {
            entity: Entity::Role,
        }
        .into());
    }
    respond(ctx, &target_id, 200).await
}

/// Digits of a temporary passcode.
const TEMPORARY_PASSCODE_LEN: usize = 8;

/// `POST /api/v1/members/{id}/passcode-reset`: sets a random temporary passcode, shown once to the
/// staff member, and ends all the member's sessions.
pub async fn reset_passcode(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (target, anchor) = visible_member(ctx, &member.actor, id).await?;
    authorize(&member.actor, Action::ResetPasscode, Target::Scope(&anchor))?;
    if target.view.phone.is_empty() {
        // Without a phone she cannot sign in at all; staff act on her behalf instead.
        return Err(DomainError::Invalid {
            field: Field::Phone,
        }
        .into());
    }
    let random = crypto::random_bytes::<TEMPORARY_PASSCODE_LEN>()?;
    let passcode: String = random.iter().map(|b| char::from(b'0' + b % 10)).collect();
    let hash = crypto::hash_password(&passcode, ctx.config.pbkdf2_iterations).await?;
    let db = ctx.db()?;
    let target_id = target.actor.member.clone();
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MemberPasscodeReset,
        ("member", target_id.as_str()),
        &anchor,
        serde_json::json!({ "name": target.view.name }),
    )?;
    db::batch(
        &db,
        vec![
            db::members::set_password_hash(&db, &target_id, &hash)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    session::revoke_all(ctx, &target_id, None).await?;
    json(
        200,
        &PasscodeResetResponse {
            temporary_passcode: passcode,
        },
    )
}

/// `POST /api/v1/households/{id}/members`: a member without a phone (an elderly resident), confirmed at
/// once; staff and grid workers act on her behalf.
pub async fn add_to_household(
    ctx: &Ctx,
    req: &mut Request,
    household: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: AddHouseholdMemberRequest = read_json(req).await?;
    let (view, path) = place_in_reach(
        ctx,
        &member.actor,
        PlaceKind::Household,
        household,
        Action::ManageHouseholds,
    )
    .await?;
    let name = rules::normalize_name(&body.name)?;
    if view.archived {
        return Err(DomainError::PlaceArchived.into());
    }
    let db = ctx.db()?;
    let id = ctx.new_id(MemberId::generate)?;
    let household_id = HouseholdId::from_trusted(&view.id);
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MemberAddWithoutPhone,
        ("member", id.as_str()),
        &path,
        serde_json::json!({ "name": name, "household": view.name }),
    )?;
    let mut statements = db::members::insert_without_phone(
        &db,
        &id,
        &name,
        &household_id,
        &member.actor.member,
        ctx.now,
    )?;
    statements.push(audit::insert(&db, &entry)?);
    db::batch(&db, statements).await?;
    respond(ctx, &id, 201).await
}

/// `PUT /api/v1/households/{id}/representative`.
pub async fn set_representative(
    ctx: &Ctx,
    req: &mut Request,
    household: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: RepresentativeRequest = read_json(req).await?;
    let (view, path) = place_in_reach(
        ctx,
        &member.actor,
        PlaceKind::Household,
        household,
        Action::ManageHouseholds,
    )
    .await?;
    let db = ctx.db()?;
    let household_id = HouseholdId::from_trusted(&view.id);
    let lives_there = db::members::load(&db, &body.member_id)
        .await?
        .and_then(|m| m.actor.home)
        .is_some_and(|h| h.placement.household == household_id);
    if !lives_there {
        return Err(DomainError::Invalid {
            field: Field::Member,
        }
        .into());
    }
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::HouseholdRepresentative,
        ("member", body.member_id.as_str()),
        &path,
        serde_json::json!({ "household": view.name }),
    )?;
    db::batch(
        &db,
        vec![
            db::members::set_representative(&db, &household_id, &body.member_id)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    respond(ctx, &body.member_id, 200).await
}
