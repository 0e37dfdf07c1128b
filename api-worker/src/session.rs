//! Sessions: a random token in an HttpOnly, SameSite=Lax cookie; KV keeps the session under the SHA-256 of
//! the token (a leaked KV listing reveals no usable token), with the expiry inside the record as well as
//! on the key (KV's own expiry is at least 60 seconds). A second key per session, `msession:<member>:<hash>`,
//! carries the session's dates and device as metadata, so a member can list and end her sessions and a
//! passcode change can end them all.

use serde::{Deserialize, Serialize};
use yishi_core::DomainError;
use yishi_core::api::SESSION_COOKIE;
use yishi_core::api::auth::SessionView;
use yishi_core::auth::SessionRecord;
use yishi_core::ids::MemberId;

use crate::crypto;
use crate::db::members::{self, LoadedMember};
use crate::error::ApiResult;
use crate::http::Ctx;

const KV_MIN_TTL_SECS: i64 = 60;

const SESSION_PREFIX: &str = "session:";

/// The session's id: the hash of its token (never the token itself).
async fn id_of(token: &str) -> ApiResult<String> {
    crypto::token_hash(token).await
}

fn key_of_id(id: &str) -> String {
    format!("{SESSION_PREFIX}{id}")
}

fn index_prefix(member: &MemberId) -> String {
    format!("msession:{member}:")
}

/// What the member's list of sessions shows about each.
#[derive(Debug, Serialize, Deserialize)]
struct IndexMeta {
    created_at: chrono::DateTime<chrono::Utc>,
    expires_at: chrono::DateTime<chrono::Utc>,
    device: String,
}

/// A short, readable description of a browser from its user agent.
fn device_of(user_agent: &str) -> String {
    let browser = [
        ("MicroMessenger", "微信"),
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map_or("", |(_, name)| name);
    let system = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map_or("", |(_, name)| name);
    let d = format!("{browser} {system}").trim().to_owned();
    if d.is_empty() { "?".into() } else { d }
}

/// Starts a session; returns its record and the `Set-Cookie` value.
pub async fn start(ctx: &Ctx, member: &MemberId) -> ApiResult<(SessionRecord, String)> {
    let token = crypto::random_token::<32>()?;
    let id = id_of(&token).await?;
    let record = SessionRecord::new(member.clone(), ctx.now, ctx.config.session_ttl);
    let ttl = u64::try_from(ctx.config.session_ttl.num_seconds().max(KV_MIN_TTL_SECS))
        .unwrap_or(u64::MAX);
    let kv = ctx.kv()?;
    kv.put(&key_of_id(&id), serde_json::to_string(&record)?)?
        .expiration_ttl(ttl)
        .execute()
        .await?;
    let device = ctx
        .headers
        .get("user-agent")
        .ok()
        .flatten()
        .map_or_else(|| "?".into(), |ua| device_of(&ua));
    kv.put(&format!("{}{id}", index_prefix(member)), "")?
        .metadata(IndexMeta {
            created_at: record.created_at,
            expires_at: record.expires_at,
            device,
        })?
        .expiration_ttl(ttl)
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

/// The live session of the request, if any, with its id.
pub async fn current(ctx: &Ctx) -> ApiResult<Option<(String, SessionRecord)>> {
    let Some(token) = ctx
        .cookie(SESSION_COOKIE)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
    else {
        return Ok(None);
    };
    let id = id_of(&token).await?;
    let kv = ctx.kv()?;
    let Some(record) = kv.get(&key_of_id(&id)).json::<SessionRecord>().await? else {
        return Ok(None);
    };
    if record.is_live(ctx.now) {
        Ok(Some((id, record)))
    } else {
        revoke(ctx, &record.member_id, &id).await?;
        Ok(None)
    }
}

/// The member's live sessions, newest first.
pub async fn list(ctx: &Ctx, member: &MemberId, current: &str) -> ApiResult<Vec<SessionView>> {
    let prefix = index_prefix(member);
    let kv = ctx.kv()?;
    let mut sessions = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut request = kv.list().prefix(prefix.clone());
        if let Some(c) = cursor.take() {
            request = request.cursor(c);
        }
        let page = request.execute().await?;
        for key in page.keys {
            let id = key.name.trim_start_matches(&prefix).to_owned();
            let Some(meta) = key
                .metadata
                .and_then(|m| serde_json::from_value::<IndexMeta>(m).ok())
            else {
                continue;
            };
            if meta.expires_at <= ctx.now {
                continue;
            }
            sessions.push(SessionView {
                current: id == current,
                id,
                created_at: meta.created_at,
                expires_at: meta.expires_at,
                device: meta.device,
            });
        }
        match page.cursor.filter(|_| !page.list_complete) {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    sessions.sort_by_key(|s| std::cmp::Reverse(s.created_at));
    Ok(sessions)
}

/// Ends one session of the member; `false` when she has no such session.
pub async fn revoke(ctx: &Ctx, member: &MemberId, id: &str) -> ApiResult<bool> {
    if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(false);
    }
    let kv = ctx.kv()?;
    let owned = kv
        .get(&key_of_id(id))
        .json::<SessionRecord>()
        .await?
        .is_some_and(|r| &r.member_id == member);
    if owned {
        kv.delete(&key_of_id(id)).await?;
        // The phone of an ended session is pushed to no more.
        crate::db::push::remove(&ctx.db()?, id).await?;
    }
    kv.delete(&format!("{}{id}", index_prefix(member))).await?;
    Ok(owned)
}

/// Ends every session of the member except `keep`.
pub async fn revoke_all(ctx: &Ctx, member: &MemberId, keep: Option<&str>) -> ApiResult<()> {
    for s in list(ctx, member, "").await? {
        if Some(s.id.as_str()) != keep {
            revoke(ctx, member, &s.id).await?;
        }
    }
    Ok(())
}

/// The signed-in member, or `unauthenticated`.
pub async fn require_member(ctx: &Ctx) -> ApiResult<(LoadedMember, SessionRecord)> {
    let (member, _, record) = require_session(ctx).await?;
    Ok((member, record))
}

/// The signed-in member with the id of her session.
pub async fn require_session(ctx: &Ctx) -> ApiResult<(LoadedMember, String, SessionRecord)> {
    let (id, record) = current(ctx).await?.ok_or(DomainError::Unauthenticated)?;
    let member = members::load(&ctx.db()?, &record.member_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    if !member.actor.is_active() {
        return Err(DomainError::AccountSuspended.into());
    }
    Ok((member, id, record))
}

/// Ends the request's session, if any.
pub async fn end(ctx: &Ctx) -> ApiResult<()> {
    if let Some((id, record)) = current(ctx).await? {
        revoke(ctx, &record.member_id, &id).await?;
    }
    Ok(())
}
