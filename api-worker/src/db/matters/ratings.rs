//! Residents' ratings of an evaluated matter.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::matters::RatingView;
use yishi_core::ids::{MatterId, MemberId};
use yishi_core::matters::RatingSummary;

use super::{public_name_columns, shown};
use crate::db::{all, parse_time, stmt, text, time};
use crate::error::ApiResult;

#[derive(Debug, Deserialize)]
struct RatingRow {
    member_id: String,
    stars: u8,
    comment: String,
    author_name: String,
    author_name_display: String,
    rated_at: String,
}

/// The ratings: the summary, those with a comment (newest first), and the reader's own.
pub async fn ratings(
    db: &D1Database,
    matter: &MatterId,
    reader: &MemberId,
) -> ApiResult<(RatingSummary, Vec<RatingView>, Option<RatingView>)> {
    let rows: Vec<RatingRow> = all(
        db,
        &format!(
            "SELECT r.member_id, r.stars, r.comment, {}, r.rated_at FROM matter_ratings r \
             JOIN members a ON a.id = r.member_id WHERE r.matter_id = ?1 ORDER BY r.rated_at DESC",
            public_name_columns("a", "author")
        ),
        &[text(matter.as_str())],
    )
    .await?;
    let summary = RatingSummary::of(rows.iter().map(|r| r.stars));
    let mut comments = Vec::new();
    let mut mine = None;
    for r in rows {
        let is_mine = r.member_id == reader.as_str();
        let view = RatingView {
            stars: r.stars,
            comment: r.comment,
            author_name: shown(r.author_name, &r.author_name_display),
            at: parse_time(&r.rated_at)?,
        };
        if is_mine {
            mine = Some(view.clone());
        }
        if !view.comment.is_empty() {
            comments.push(view);
        }
    }
    Ok((summary, comments, mine))
}

pub fn insert_rating(
    db: &D1Database,
    matter: &MatterId,
    member: &MemberId,
    stars: u8,
    comment: &str,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_ratings (matter_id, member_id, stars, comment, rated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(matter.as_str()),
            text(member.as_str()),
            JsValue::from(stars),
            text(comment),
            text(&time(now)),
        ],
    )
}
