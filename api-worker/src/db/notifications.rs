//! The inbox: a notification is written once, with the change that causes it, for its audience; a
//! member's inbox is the notifications whose audience includes her, resolved here when she reads it.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::Cursor;
use yishi_core::api::notifications::{INBOX_DAYS, NotificationView};
use yishi_core::ids::{MemberId, NotificationId};
use yishi_core::notifications::{Audience, Kind, Notification, Subject};
use yishi_core::territory::ScopePath;

use super::{all, first, opt_text, parse_time, path_args, scope_contains_sql, stmt, text, time};
use crate::error::{ApiError, ApiResult};

/// The statement that writes `n` (to go in the batch of the change that causes it); a notification
/// whose key was written before is left as it was.
pub fn insert(
    db: &D1Database,
    id: &NotificationId,
    at: DateTime<Utc>,
    n: &Notification,
) -> ApiResult<D1PreparedStatement> {
    let none = || JsValue::NULL;
    let (audience, member, path, vote, matter, request) = match &n.audience {
        Audience::Member(m) => ("member", text(m.as_str()), None, none(), none(), none()),
        Audience::Residents(p) => ("residents", none(), Some(p), none(), none(), none()),
        Audience::Voters(v) => ("voters", none(), None, text(v.as_str()), none(), none()),
        Audience::MatterFollowers(m) => (
            "matter_followers",
            none(),
            None,
            none(),
            text(m.as_str()),
            none(),
        ),
        Audience::RequestFollowers(r) => (
            "request_followers",
            none(),
            None,
            none(),
            none(),
            text(r.as_str()),
        ),
    };
    let path = path.map_or_else(|| std::array::from_fn(|_| JsValue::NULL), path_args);
    let mut args = vec![
        text(id.as_str()),
        text(&n.key),
        text(n.kind.as_str()),
        text(n.subject.type_str()),
        text(n.subject.id_str()),
        text(&n.title),
        text(&time(at)),
        opt_text(n.by.as_ref().map(MemberId::as_str)),
        text(audience),
        member,
    ];
    args.extend(path);
    args.extend([vote, matter, request]);
    let digest = n
        .digest
        .map(|d| serde_json::to_string(&d))
        .transpose()
        .map_err(|e| ApiError::internal(format!("digest as JSON: {e}")))?;
    args.push(opt_text(digest.as_deref()));
    stmt(
        db,
        "INSERT INTO notifications (id, key, kind, subject_type, subject_id, title, created_at, actor_id, \
         audience, member_id, street_id, community_id, compound_id, building_id, unit_id, vote_id, \
         matter_id, request_id, digest) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) \
         ON CONFLICT (key) DO NOTHING",
        &args,
    )
}

/// SQL for "notification `n`, addressed to a vote's voters, reaches the member bound at `?{me}`": she
/// may cast one of its votes (a row of `vote_casters`, proxies included) and, for the kinds that are
/// only for those who have not voted (`Kind::only_who_has_not_voted`: the reminder that the vote
/// closes), that vote is not in yet (no `vote_participation` for its voter key, whoever cast it). The
/// one place this rule is written: push delivery resolves the same recipients with it.
pub(super) fn voters_sql(member: &str) -> String {
    let not_voted: Vec<String> = Kind::ALL
        .into_iter()
        .filter(|k| k.only_who_has_not_voted())
        .map(|k| format!("'{}'", k.as_str()))
        .collect();
    let still_to_vote = if not_voted.is_empty() {
        String::new()
    } else {
        format!(
            " AND (n.kind NOT IN ({}) OR NOT EXISTS (SELECT 1 FROM vote_participation p \
                 WHERE p.vote_id = c.vote_id AND p.voter_key = c.voter_key))",
            not_voted.join(", ")
        )
    };
    format!(
        "(n.audience = 'voters' AND EXISTS (SELECT 1 FROM vote_casters c \
             WHERE c.vote_id = n.vote_id AND c.member_id = {member}{still_to_vote}))"
    )
}

/// Whose inbox is read: the member, where she lives (a confirmed home), since when she is a member, and
/// up to when she marked everything read.
pub struct Reader<'a> {
    pub member: &'a MemberId,
    pub home: Option<&'a ScopePath>,
    pub joined_at: DateTime<Utc>,
}

/// SQL for "notification `n` is in the reader's inbox", with its bound values appended to `args`, and
/// the position of the bound member id.
fn for_reader(reader: &Reader<'_>, now: DateTime<Utc>, args: &mut Vec<JsValue>) -> (String, usize) {
    let since = reader.joined_at.max(now - Duration::days(INBOX_DAYS));
    args.push(text(&time(since)));
    let since = args.len();
    args.push(text(reader.member.as_str()));
    let me = args.len();
    // A notification of something scheduled (a notice published later) is dated then.
    args.push(text(&time(now)));
    let until = args.len();
    let residents = match reader.home {
        Some(home) => format!(
            "(n.audience = 'residents' AND {})",
            scope_contains_sql("n", home, args)
        ),
        None => "0".to_owned(),
    };
    let voters = voters_sql(&format!("?{me}"));
    let sql = format!(
        "n.created_at >= ?{since} AND n.created_at <= ?{until} \
         AND (n.actor_id IS NULL OR n.actor_id <> ?{me}) AND ( \
           (n.audience = 'member' AND n.member_id = ?{me}) \
           OR {residents} \
           OR {voters} \
           OR (n.audience = 'matter_followers' AND ( \
                 EXISTS (SELECT 1 FROM matters m WHERE m.id = n.matter_id AND m.proposer_id = ?{me}) \
                 OR EXISTS (SELECT 1 FROM matter_supports s \
                     WHERE s.matter_id = n.matter_id AND s.member_id = ?{me}))) \
           OR (n.audience = 'request_followers' AND ( \
                 EXISTS (SELECT 1 FROM requests r WHERE r.id = n.request_id AND r.requester_id = ?{me}) \
                 OR EXISTS (SELECT 1 FROM request_followers f \
                     WHERE f.request_id = n.request_id AND f.member_id = ?{me}))) \
         )"
    );
    (sql, me)
}

/// SQL for "the reader has read `n`" (`me` is the bound member's position).
fn read_sql(me: usize) -> String {
    format!(
        "(n.created_at <= COALESCE((SELECT notifications_read_to FROM members WHERE id = ?{me}), '') \
          OR EXISTS (SELECT 1 FROM notification_reads r \
              WHERE r.member_id = ?{me} AND r.notification_id = n.id))"
    )
}

#[derive(Deserialize)]
struct Row {
    id: String,
    kind: String,
    subject_type: String,
    subject_id: String,
    title: String,
    created_at: String,
    read: u8,
    digest: Option<String>,
}

impl Row {
    fn into_view(self) -> ApiResult<NotificationView> {
        let stored = || ApiError::internal(format!("stored notification {}", self.id));
        Ok(NotificationView {
            id: NotificationId::parse(&self.id).ok_or_else(stored)?,
            kind: Kind::parse(&self.kind).ok_or_else(stored)?,
            subject: Subject::parse(&self.subject_type, &self.subject_id).ok_or_else(stored)?,
            at: parse_time(&self.created_at)?,
            title: self.title,
            read: self.read != 0,
            digest: self
                .digest
                .as_deref()
                .map(serde_json::from_str)
                .transpose()
                .map_err(|_| stored())?,
        })
    }
}

/// A page of her inbox, newest first, and whether another page follows.
pub async fn page(
    db: &D1Database,
    reader: &Reader<'_>,
    now: DateTime<Utc>,
    cursor: Option<&Cursor>,
    limit: u32,
) -> ApiResult<(Vec<NotificationView>, bool)> {
    let mut args = Vec::new();
    let (mine, me) = for_reader(reader, now, &mut args);
    let mut sql = format!(
        "SELECT n.id, n.kind, n.subject_type, n.subject_id, n.title, n.created_at, n.digest, {} AS read \
         FROM notifications n WHERE {mine}",
        read_sql(me)
    );
    super::page_sql(&mut sql, &mut args, ("n.created_at", "n.id"), cursor, limit);
    let rows: Vec<Row> = all(db, &sql, &args).await?;
    let more = rows.len() > limit as usize;
    let views = rows
        .into_iter()
        .take(limit as usize)
        .map(Row::into_view)
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((views, more))
}

#[derive(Deserialize)]
struct Count {
    n: u32,
}

/// How many notifications of her inbox she has not read.
pub async fn unread(db: &D1Database, reader: &Reader<'_>, now: DateTime<Utc>) -> ApiResult<u32> {
    let mut args = Vec::new();
    let (mine, me) = for_reader(reader, now, &mut args);
    let sql = format!(
        "SELECT COUNT(*) AS n FROM notifications n WHERE {mine} AND NOT {}",
        read_sql(me)
    );
    Ok(first::<Count>(db, &sql, &args).await?.map_or(0, |c| c.n))
}

/// Marks one notification of her inbox read; `false` when it is not in her inbox.
pub async fn mark_read(
    db: &D1Database,
    reader: &Reader<'_>,
    id: &NotificationId,
    now: DateTime<Utc>,
) -> ApiResult<bool> {
    let mut args = Vec::new();
    let (mine, me) = for_reader(reader, now, &mut args);
    args.push(text(id.as_str()));
    let nid = args.len();
    args.push(text(&time(now)));
    let at = args.len();
    let sql = format!(
        "INSERT INTO notification_reads (member_id, notification_id, read_at) \
         SELECT ?{me}, n.id, ?{at} FROM notifications n WHERE n.id = ?{nid} AND {mine} \
         ON CONFLICT DO NOTHING"
    );
    stmt(db, &sql, &args)?.run().await?;
    // Read back: a notification outside her inbox was not written (and one read before stays read).
    let exists: Option<Count> = first(
        db,
        "SELECT COUNT(*) AS n FROM notification_reads WHERE member_id = ?1 AND notification_id = ?2",
        &[text(reader.member.as_str()), text(id.as_str())],
    )
    .await?;
    Ok(exists.is_some_and(|c| c.n > 0))
}

/// Marks everything up to `now` read.
pub async fn mark_all_read(
    db: &D1Database,
    member: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    stmt(
        db,
        "UPDATE members SET notifications_read_to = ?2 WHERE id = ?1",
        &[text(member.as_str()), text(&time(now))],
    )?
    .run()
    .await?;
    Ok(())
}
