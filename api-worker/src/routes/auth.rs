//! Signing in and out, joining with an invite code, the current member.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::auth::{
    ChangePasscodeRequest, JoinRequest, ProfileUpdate, SessionListResponse, SessionResponse,
    SignInRequest,
};
use yishi_core::api::invites::InvitePlaceResponse;
use yishi_core::auth::{self as rules, RESIDENT_PASSCODE_MIN, STAFF_PASSWORD_MIN};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::MemberId;
use yishi_core::members::MemberStatus;
use yishi_core::policy::{Action, Target, authorize};

use crate::db::members::{self, JoinOutcome, NewResident};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, no_content, read_json};
use crate::session;
use crate::throttle::Counter;
use crate::{crypto, db};

fn with_cookie(mut resp: Response, cookie: &str) -> ApiResult<Response> {
    resp.headers_mut().set("set-cookie", cookie)?;
    Ok(resp)
}

async fn session_response(ctx: &Ctx, member_id: &MemberId, status: u16) -> ApiResult<Response> {
    let (record, cookie) = session::start(ctx, member_id).await?;
    let member = members::load(&ctx.db()?, member_id)
        .await?
        .ok_or_else(|| ApiError::internal("member vanished while signing in"))?;
    with_cookie(
        json(
            status,
            &SessionResponse {
                member: member.view,
                expires_at: record.expires_at,
            },
        )?,
        &cookie,
    )
}

/// `POST /api/v1/sessions`. Failures are counted per phone number and per client address; an unknown
/// number costs as much time as a wrong password and gets the same answer.
pub async fn sign_in(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let body: SignInRequest = read_json(req).await?;
    let phone = rules::normalize_phone(&body.phone)?;
    rules::require_password(&body.password)?;
    let (by_ip, by_phone) = Counter::check(
        ctx,
        format!("rl:signin:ip:{}", ctx.ip),
        ctx.config.signin_ip_limit,
    )
    .await?
    .and(
        ctx,
        format!("rl:signin:phone:{phone}"),
        ctx.config.signin_phone_limit,
    )
    .await?;

    let db = ctx.db()?;
    let found = members::credentials_by_phone(&db, &phone).await?;
    let verified = match found
        .as_ref()
        .and_then(|c| c.password_hash.as_deref().map(|h| (c, h)))
    {
        Some((cred, hash)) => crypto::verify_password(&body.password, hash)
            .await?
            .then_some(cred),
        None => {
            crypto::burn_verification(&body.password, ctx.config.pbkdf2_iterations).await?;
            None
        }
    };
    let Some(cred) = verified else {
        by_ip.record();
        by_phone.record();
        return Err(DomainError::InvalidCredentials.into());
    };
    if MemberStatus::parse(&cred.status) != Some(MemberStatus::Active) {
        return Err(DomainError::AccountSuspended.into());
    }
    by_ip.release(ctx).await?;
    by_phone.reset(ctx).await?;
    session_response(ctx, &MemberId::from_trusted(&cred.id), 200).await
}

/// `DELETE /api/v1/sessions/current`: ends the session; harmless without one.
pub async fn sign_out(ctx: &Ctx) -> ApiResult<Response> {
    session::end(ctx).await?;
    with_cookie(no_content()?, &session::clearing_cookie(ctx))
}

/// `GET /api/v1/me`.
pub async fn me(ctx: &Ctx) -> ApiResult<Response> {
    let (member, record) = session::require_member(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    json(
        200,
        &SessionResponse {
            member: member.view,
            expires_at: record.expires_at,
        },
    )
}

/// `POST /api/v1/residents`: a resident joins the household of an invite code and is signed in.
/// Wrong codes are counted per client address and per phone number.
pub async fn join(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let body: JoinRequest = read_json(req).await?;
    let name = rules::normalize_name(&body.name)?;
    let phone = rules::normalize_phone(&body.phone)?;
    rules::validate_new_password(&body.passcode, RESIDENT_PASSCODE_MIN)?;
    let (attempts, by_phone) = Counter::check(
        ctx,
        format!("rl:join:ip:{}", ctx.ip),
        ctx.config.signin_ip_limit,
    )
    .await?
    .and(
        ctx,
        format!("rl:join:phone:{phone}"),
        ctx.config.signin_phone_limit,
    )
    .await?;
    let code = match rules::normalize_invite_code(&body.invite_code) {
        Ok(code) => code,
        Err(e) => {
            attempts.record();
            by_phone.record();
            return Err(e.into());
        }
    };
    let db = ctx.db()?;
    if members::phone_exists(&db, &phone).await? {
        return Err(DomainError::PhoneTaken.into());
    }
    let password_hash = crypto::hash_password(&body.passcode, ctx.config.pbkdf2_iterations).await?;
    let id = ctx.new_id(MemberId::generate)?;
    let outcome = members::join(
        &db,
        &NewResident {
            id: &id,
            name: &name,
            phone: &phone,
            password_hash: &password_hash,
            invite_code: &code,
            now: ctx.now,
        },
    )
    .await?;
    match outcome {
        JoinOutcome::Joined => {
            attempts.release(ctx).await?;
            by_phone.release(ctx).await?;
            session_response(ctx, &id, 201).await
        }
        JoinOutcome::PhoneTaken => Err(DomainError::PhoneTaken.into()),
        JoinOutcome::CodeInvalid => {
            attempts.record();
            by_phone.record();
            Err(DomainError::InviteCodeInvalid.into())
        }
    }
}

/// `GET /api/v1/invites/{code}`: where the household of a live code is, so that she sees on the join form
/// which flat she joins. Only the place is told, and only for a live code; every failed look-up counts
/// against the same per-address limit as joining, so asking is no faster a way to guess codes.
pub async fn invite_place(ctx: &Ctx, code: &str) -> ApiResult<Response> {
    let attempts = Counter::check(
        ctx,
        format!("rl:join:ip:{}", ctx.ip),
        ctx.config.signin_ip_limit,
    )
    .await?;
    let place = match rules::normalize_invite_code(code) {
        Ok(code) => db::invites::live_place(&ctx.db()?, &code).await?,
        Err(_) => None,
    };
    match place {
        Some(place) => {
            attempts.release(ctx).await?;
            json(200, &InvitePlaceResponse { place })
        }
        None => {
            attempts.record();
            Err(DomainError::InviteCodeInvalid.into())
        }
    }
}

/// `PUT /api/v1/me/passcode`: change one's own passcode, proving the current one (attempts counted per
/// member, so a borrowed phone cannot guess it); every other session ends.
pub async fn change_passcode(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, session_id, _) = session::require_session(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    let body: ChangePasscodeRequest = read_json(req).await?;
    rules::require_password(&body.current)?;
    let min = if member.actor.is_staff() {
        STAFF_PASSWORD_MIN
    } else {
        RESIDENT_PASSCODE_MIN
    };
    rules::validate_new_password(&body.new, min)?;
    let attempts = Counter::check(
        ctx,
        format!("rl:passcode:{}", member.actor.member),
        ctx.config.signin_phone_limit,
    )
    .await?;
    let db = ctx.db()?;
    let cred = members::credentials_by_id(&db, &member.actor.member)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    let ok = match cred.password_hash.as_deref() {
        Some(hash) => crypto::verify_password(&body.current, hash).await?,
        None => false,
    };
    if !ok {
        attempts.record();
        return Err(DomainError::InvalidCredentials.into());
    }
    attempts.reset(ctx).await?;
    let hash = crypto::hash_password(&body.new, ctx.config.pbkdf2_iterations).await?;
    db::batch(
        &db,
        vec![members::set_password_hash(
            &db,
            &member.actor.member,
            &hash,
        )?],
    )
    .await?;
    session::revoke_all(ctx, &member.actor.member, Some(&session_id)).await?;
    no_content()
}

/// `PATCH /api/v1/me/profile`.
pub async fn update_profile(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, record) = session::require_member(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    let body: ProfileUpdate = read_json(req).await?;
    let mut profile = member.view.profile.clone();
    if let Some(d) = body.name_display {
        profile.name_display = d;
    }
    if let Some(lang) = body.lang {
        profile.lang = lang;
    }
    if let Some(large) = body.large_type {
        profile.large_type = large;
    }
    if let Some(prefs) = body.notifications {
        if !prefs.is_valid() {
            return Err(DomainError::Invalid {
                field: Field::QuietHours,
            }
            .into());
        }
        profile.notifications = prefs.normalized();
    }
    let db = ctx.db()?;
    members::update_profile(&db, &member.actor.member, &profile).await?;
    let member = members::load(&db, &member.actor.member)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    json(
        200,
        &SessionResponse {
            member: member.view,
            expires_at: record.expires_at,
        },
    )
}

/// `GET /api/v1/sessions`: the member's signed-in devices.
pub async fn list_sessions(ctx: &Ctx) -> ApiResult<Response> {
    let (member, session_id, _) = session::require_session(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    let sessions = session::list(ctx, &member.actor.member, &session_id).await?;
    json(200, &SessionListResponse { sessions })
}

/// `DELETE /api/v1/sessions/{id}`: ends one of the member's sessions (ending the current one signs out).
pub async fn revoke_session(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, session_id, _) = session::require_session(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    if !session::revoke(ctx, &member.actor.member, id).await? {
        return Err(DomainError::NotFound {
            entity: Entity::Session,
        }
        .into());
    }
    if id == session_id {
        return with_cookie(no_content()?, &session::clearing_cookie(ctx));
    }
    no_content()
}
