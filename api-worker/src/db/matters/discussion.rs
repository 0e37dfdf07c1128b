//! A matter's discussion: comments, replies, and comments hidden with a public reason.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::matters::{CommentView, HiddenView};
use yishi_core::ids::{CommentId, MatterId, MemberId};
use yishi_core::matters::Stance;

use super::{public_name_columns, shown};
use crate::db::{all, opt_text, parse_time, stmt, text, time};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
struct CommentRow {
    id: String,
    parent_id: Option<String>,
    stance: String,
    body: String,
    author_name: String,
    author_name_display: String,
    created_at: String,
    hidden_reason: Option<String>,
    hidden_by_name: Option<String>,
    hidden_at: Option<String>,
}

pub async fn comments(db: &D1Database, matter: &MatterId) -> ApiResult<Vec<CommentView>> {
    let rows: Vec<CommentRow> = all(
        db,
        &format!(
            "SELECT c.id, c.parent_id, c.stance, c.body, {}, c.created_at, c.hidden_reason, \
                    h.name AS hidden_by_name, c.hidden_at \
             FROM matter_comments c JOIN members a ON a.id = c.member_id LEFT JOIN members h ON h.id = c.hidden_by \
             WHERE c.matter_id = ?1 ORDER BY c.created_at, c.id",
            public_name_columns("a", "author")
        ),
        &[text(matter.as_str())],
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            let hidden = match (r.hidden_reason, r.hidden_at) {
                (Some(reason), Some(at)) => Some(HiddenView {
                    reason,
                    by_name: r.hidden_by_name.unwrap_or_default(),
                    at: parse_time(&at)?,
                }),
                _ => None,
            };
            Ok(CommentView {
                id: CommentId::from_trusted(r.id),
                parent: r.parent_id.map(CommentId::from_trusted),
                stance: Stance::parse(&r.stance)
                    .ok_or_else(|| ApiError::internal("stored stance"))?,
                // A hidden comment's text is not sent; the record keeps it.
                body: if hidden.is_some() {
                    String::new()
                } else {
                    r.body
                },
                author_name: shown(r.author_name, &r.author_name_display),
                at: parse_time(&r.created_at)?,
                hidden,
            })
        })
        .collect()
}

pub struct NewComment<'a> {
    pub id: &'a CommentId,
    pub matter: &'a MatterId,
    pub parent: Option<&'a CommentId>,
    pub member: &'a MemberId,
    pub stance: Stance,
    pub body: &'a str,
    pub now: DateTime<Utc>,
}

/// A comment; a reply's parent must be a comment of the same matter (else nothing is inserted).
pub fn insert_comment(db: &D1Database, c: &NewComment<'_>) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_comments (id, matter_id, parent_id, member_id, stance, body, created_at) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 \
         WHERE ?3 IS NULL OR EXISTS (SELECT 1 FROM matter_comments WHERE id = ?3 AND matter_id = ?2)",
        &[
            text(c.id.as_str()),
            text(c.matter.as_str()),
            opt_text(c.parent.map(CommentId::as_str)),
            text(c.member.as_str()),
            text(c.stance.as_str()),
            text(c.body),
            text(&time(c.now)),
        ],
    )
}

/// Hides a comment of the matter with a public reason, once.
pub fn hide_comment(
    db: &D1Database,
    matter: &MatterId,
    comment: &CommentId,
    by: &MemberId,
    reason: &str,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE matter_comments SET hidden_reason = ?4, hidden_by = ?3, hidden_at = ?5 \
         WHERE id = ?2 AND matter_id = ?1 AND hidden_at IS NULL",
        &[
            text(matter.as_str()),
            text(comment.as_str()),
            text(by.as_str()),
            text(reason),
            text(&time(now)),
        ],
    )
}
