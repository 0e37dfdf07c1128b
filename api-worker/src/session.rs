//! Sessions: a random token in an HttpOnly, SameSite=Lax cookie; KV keeps the session under the SHA-256 of
//! the token (a leaked KV listing reveals no usable token), with the expiry inside the record as well as
//! on the key (KV's own expiry is at least 60 seconds).

use yishi_core::DomainError;
use yishi_core::api::SESSION_COOKIE;
use yishi_core::auth::{SessionRecord, hex};
use yishi_core::ids::MemberId;

use crate::crypto;
use crate::db::members::{self, LoadedMember};
use crate::error::ApiResult;
use crate::http::Ctx;

const KV_MIN_TTL_SECS: i64 = 60;

async fn key_of(token: &str) -> ApiResult<String> {
    Ok(format!(
        "session:{}",
        hex(&crypto::sha256(token.as_bytes()).await?)
    ))
}

/// Starts a session; returns its record and the `Set-Cookie` value.
pub async fn start(ctx: &Ctx, member: &MemberId) -> ApiResult<(SessionRecord, String)> {
    let token = hex(&crypto::random_bytes::<32>()?);
    let record = SessionRecord::new(member.clone(), ctx.now, ctx.config.session_ttl);
    let ttl = ctx.config.session_ttl.num_seconds().max(KV_MIN_TTL_SECS);
    ctx.kv()?
        .put(&key_of(&token).await?, serde_json::to_string(&record)?)?
        .expiration_ttl(u64::try_from(ttl).unwrap_or(u64::MAX))
        .execute()
        .await?;
    Ok((
        record,
        cookie(ctx, &token, ctx.config.session_ttl.num_seconds()),
    ))
}

fn cookie(ctx: &Ctx, value: &str, max_age: i64) -> String {
    let secure = if ctx.secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clearing_cookie(ctx: &Ctx) -> String {
    cookie(ctx, "", 0)
}

/// The live session of the request, if any.
pub async fn current(ctx: &Ctx) -> ApiResult<Option<(String, SessionRecord)>> {
    let Some(token) = ctx
        .cookie(SESSION_COOKIE)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
    else {
        return Ok(None);
    };
    let key = key_of(&token).await?;
    let kv = ctx.kv()?;
    let Some(record) = kv.get(&key).json::<SessionRecord>().await? else {
        return Ok(None);
    };
    if record.is_live(ctx.now) {
        Ok(Some((key, record)))
    } else {
        kv.delete(&key).await?;
        Ok(None)
    }
}

/// The signed-in member, or `unauthenticated`.
pub async fn require_member(ctx: &Ctx) -> ApiResult<(LoadedMember, SessionRecord)> {
    let (_, record) = current(ctx).await?.ok_or(DomainError::Unauthenticated)?;
    let member = members::load(&ctx.db()?, &record.member_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    if !member.actor.is_active() {
        return Err(DomainError::AccountSuspended.into());
    }
    Ok((member, record))
}

/// Ends the request's session, if any.
pub async fn end(ctx: &Ctx) -> ApiResult<()> {
    if let Some((key, _)) = current(ctx).await? {
        ctx.kv()?.delete(&key).await?;
    }
    Ok(())
}
