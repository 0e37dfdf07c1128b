//! Web Push subscriptions (one per session), and what the postman reads to push a notification: the
//! notifications written since it last looked, and the subscriptions of the members each one reaches.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::D1Database;
use yishi_core::api::notifications::PushSubscriptionRequest;
use yishi_core::ids::MemberId;

use super::{all, batch, first, stmt, text, time};
use crate::error::ApiResult;

/// Keeps `sub` as the session's subscription. A browser has one endpoint per site, so the same endpoint
/// under another session (someone else signed in on this phone before) is that session's no longer.
pub async fn put(
    db: &D1Database,
    session: &str,
    member: &MemberId,
    sub: &PushSubscriptionRequest,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> ApiResult<()> {
    let args = [
        text(session),
        text(member.as_str()),
        text(&sub.endpoint),
        text(&sub.keys.p256dh),
        text(&sub.keys.auth),
        text(&time(now)),
        text(&time(expires_at)),
    ];
    batch(
        db,
        vec![
            stmt(
                db,
                "DELETE FROM push_subscriptions WHERE endpoint = ?1 AND session_id <> ?2",
                &[text(&sub.endpoint), text(session)],
            )?,
            stmt(
                db,
                "INSERT INTO push_subscriptions \
                   (session_id, member_id, endpoint, p256dh, auth, created_at, expires_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
                 ON CONFLICT (session_id) DO UPDATE SET member_id = excluded.member_id, \
                   endpoint = excluded.endpoint, p256dh = excluded.p256dh, auth = excluded.auth, \
                   created_at = excluded.created_at, expires_at = excluded.expires_at",
                &args,
            )?,
        ],
    )
    .await?;
    Ok(())
}

/// Removes the session's subscription, if any.
pub async fn remove(db: &D1Database, session: &str) -> ApiResult<()> {
    stmt(
        db,
        "DELETE FROM push_subscriptions WHERE session_id = ?1",
        &[text(session)],
    )?
    .run()
    .await?;
    Ok(())
}

/// Removes a subscription the push service says is gone (404 or 410).
pub async fn remove_endpoint(db: &D1Database, endpoint: &str) -> ApiResult<()> {
    stmt(
        db,
        "DELETE FROM push_subscriptions WHERE endpoint = ?1",
        &[text(endpoint)],
    )?
    .run()
    .await?;
    Ok(())
}

/// Removes the subscriptions of sessions that have ended by themselves.
pub async fn sweep(db: &D1Database, now: DateTime<Utc>) -> ApiResult<()> {
    stmt(
        db,
        "DELETE FROM push_subscriptions WHERE expires_at <= ?1",
        &[text(&time(now))],
    )?
    .run()
    .await?;
    Ok(())
}

#[derive(Deserialize)]
struct Count {
    n: u32,
}

/// Whether the session has a subscription.
pub async fn exists(db: &D1Database, session: &str) -> ApiResult<bool> {
    let row: Option<Count> = first(
        db,
        "SELECT COUNT(*) AS n FROM push_subscriptions WHERE session_id = ?1",
        &[text(session)],
    )
    .await?;
    Ok(row.is_some_and(|c| c.n > 0))
}

/// A notification as the postman finds it: its place in the order of writing (`rowid`, which only
/// grows: D1 writes one batch at a time) and when it is dated.
#[derive(Debug, Deserialize)]
pub struct Written {
    pub seq: i64,
    pub id: String,
    pub created_at: String,
}

/// The notifications written after `seq`, in the order they were written.
pub async fn written_after(db: &D1Database, seq: i64, limit: u32) -> ApiResult<Vec<Written>> {
    all(
        db,
        "SELECT rowid AS seq, id, created_at FROM notifications WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
        &[JsValue::from_f64(seq as f64), JsValue::from(limit)],
    )
    .await
}

/// The last notification written (0 when none): where a postman that has never run starts, so that
/// turning push on does not send what was written before.
pub async fn last_written(db: &D1Database) -> ApiResult<i64> {
    #[derive(Deserialize)]
    struct Seq {
        seq: Option<i64>,
    }
    let row: Option<Seq> = first(db, "SELECT MAX(rowid) AS seq FROM notifications", &[]).await?;
    Ok(row.and_then(|r| r.seq).unwrap_or(0))
}

/// One phone to push one notification to.
#[derive(Debug, Deserialize)]
pub struct Target {
    pub notification_id: String,
    pub session_id: String,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub lang: Option<String>,
    pub notification_prefs: String,
    pub kind: String,
    pub subject_type: String,
    pub subject_id: String,
    pub title: String,
    pub read: u8,
}

/// The live subscriptions of the members notification `id` reaches, after session `after` (in
/// session order), at most `limit`; only `member`'s when given. The same rule as the inbox's
/// (`db::notifications`), stated the other way round: from one notification to its members.
pub async fn targets(
    db: &D1Database,
    id: &str,
    member: Option<&str>,
    after: &str,
    now: DateTime<Utc>,
    limit: u32,
) -> ApiResult<Vec<Target>> {
    let sql = format!(
        "SELECT n.id AS notification_id, s.session_id, s.endpoint, s.p256dh, s.auth, m.lang, m.notification_prefs, \
           n.kind, n.subject_type, n.subject_id, n.title, \
           (n.created_at <= COALESCE(m.notifications_read_to, '') OR EXISTS (SELECT 1 \
              FROM notification_reads r WHERE r.member_id = m.id AND r.notification_id = n.id)) AS read \
         FROM notifications n \
         JOIN push_subscriptions s ON s.session_id > ?2 AND s.expires_at > ?3 \
           AND (?4 IS NULL OR s.member_id = ?4) \
         JOIN members m ON m.id = s.member_id \
         WHERE n.id = ?1 AND m.status = 'active' AND m.created_at <= n.created_at \
           AND (n.actor_id IS NULL OR n.actor_id <> m.id) AND ({}) \
         ORDER BY s.session_id LIMIT ?5",
        reaches_sql()
    );
    let member = member.map_or(JsValue::NULL, text);
    all(
        db,
        &sql,
        &[
            text(id),
            text(after),
            text(&time(now)),
            member,
            JsValue::from(limit),
        ],
    )
    .await
}

/// SQL for "notification `n` reaches member `m`": the inbox's rule (`db::notifications::for_reader`)
/// from the notification's side.
fn reaches_sql() -> &'static str {
    "(n.audience = 'member' AND n.member_id = m.id) \
     OR (n.audience = 'residents' AND m.verification = 'confirmed' AND EXISTS (SELECT 1 \
           FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id \
           JOIN compounds cp ON cp.id = b.compound_id JOIN communities c ON c.id = cp.community_id \
           WHERE h.id = m.household_id AND c.street_id = n.street_id \
             AND (n.community_id IS NULL OR n.community_id = c.id) \
             AND (n.compound_id IS NULL OR n.compound_id = cp.id) \
             AND (n.building_id IS NULL OR n.building_id = b.id) \
             AND (n.unit_id IS NULL OR n.unit_id = u.id))) \
     OR (n.audience = 'voters' AND EXISTS (SELECT 1 FROM vote_casters c \
           WHERE c.vote_id = n.vote_id AND c.member_id = m.id)) \
     OR (n.audience = 'matter_followers' AND ( \
           EXISTS (SELECT 1 FROM matters x WHERE x.id = n.matter_id AND x.proposer_id = m.id) \
           OR EXISTS (SELECT 1 FROM matter_supports x \
               WHERE x.matter_id = n.matter_id AND x.member_id = m.id))) \
     OR (n.audience = 'request_followers' AND ( \
           EXISTS (SELECT 1 FROM requests x WHERE x.id = n.request_id AND x.requester_id = m.id) \
           OR EXISTS (SELECT 1 FROM request_followers x \
               WHERE x.request_id = n.request_id AND x.member_id = m.id)))"
}
