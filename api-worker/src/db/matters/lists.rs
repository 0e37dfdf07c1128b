//! Lists of matters and the figures of the red and black board.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::D1Database;
use yishi_core::ids::{CommunityId, MatterId, MemberId};
use yishi_core::matters::{BoardFigures, Category, RatingSummary, Step};
use yishi_core::policy::NoticeAudience;
use yishi_core::territory::ScopePath;

use super::{MatterRow, StoredMatter, select_with};
use crate::db::{all, text, time};
use crate::error::ApiResult;

/// Which matters a list shows.
#[derive(Default)]
pub struct Filter<'a> {
    pub within: Option<ScopePath>,
    pub step: Option<Step>,
    pub category: Option<Category>,
    pub mine: Option<Mine>,
    /// The matter of a number, or those whose title or description has the words.
    pub search: crate::db::Search<'a>,
}

/// The words of matters: title and description (migration 0013).
const WORDS: crate::db::Index = crate::db::Index {
    table: "matters_search",
    columns: &[("title", 10.0), ("body", 1.0)],
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mine {
    Raised,
    Supported,
    /// Decided by an open online vote in which she still has a vote.
    Vote,
}

/// A page of the matters `audience` admits, most recently changed first (a search's best matches first,
/// in one page), with whether the reader supports each and whether its vote waits for her.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    reader: &MemberId,
    filter: &Filter<'_>,
    cursor: Option<&yishi_core::api::Cursor>,
    limit: u32,
    now: DateTime<Utc>,
) -> ApiResult<(Vec<(StoredMatter, bool, bool)>, bool)> {
    let mut args: Vec<JsValue> = vec![text(reader.as_str()), text(&time(now))];
    let Some(admitted) = crate::db::audience_sql("m", audience, &mut args) else {
        return Ok((Vec::new(), false));
    };
    // The same set as the votes list's `needs_my_vote` (`GET /votes`): one definition in `db::votes`.
    let waiting = format!(
        "m.vote_id IN ({})",
        crate::db::votes::waiting_sql("?1", "?2")
    );
    let found = filter.search.sql("m", &WORDS, &mut args)?;
    let mut sql = format!(
        "{}{} WHERE {admitted}{}",
        select_with(&format!(
            ", EXISTS (SELECT 1 FROM matter_supports ms WHERE ms.matter_id = m.id AND ms.member_id = ?1) AS my_support, \
             {waiting} AS needs_my_vote"
        )),
        found.join,
        found.and()
    );
    if let Some(within) = &filter.within {
        sql.push_str(&format!(
            " AND {}",
            crate::db::scope_within_sql("m", within, &mut args)
        ));
    }
    if let Some(step) = filter.step {
        args.push(text(step.as_str()));
        sql.push_str(&format!(" AND m.step = ?{}", args.len()));
    }
    if let Some(category) = filter.category {
        args.push(text(category.as_str()));
        sql.push_str(&format!(" AND m.category = ?{}", args.len()));
    }
    match filter.mine {
        None => {}
        Some(Mine::Raised) => sql.push_str(" AND m.proposer_id = ?1"),
        Some(Mine::Supported) => sql.push_str(
            " AND EXISTS (SELECT 1 FROM matter_supports ms WHERE ms.matter_id = m.id AND ms.member_id = ?1)",
        ),
        Some(Mine::Vote) => sql.push_str(&format!(" AND {waiting}")),
    }
    found.page_sql(&mut sql, &mut args, ("m.updated_at", "m.id"), cursor, limit);
    #[derive(Deserialize)]
    struct Row {
        #[serde(flatten)]
        matter: MatterRow,
        my_support: u8,
        needs_my_vote: Option<u8>,
    }
    let rows: Vec<Row> = all(db, &sql, &args).await?;
    let (rows, more) = crate::db::take_page(rows, limit);
    let page = rows
        .into_iter()
        .map(|r| {
            Ok((
                r.matter.parse()?,
                r.my_support != 0,
                r.needs_my_vote.unwrap_or(0) != 0,
            ))
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((page, more))
}

/// Ratings of the listed matters, by matter.
pub async fn ratings_of(
    db: &D1Database,
    matters: &[&MatterId],
) -> ApiResult<Vec<(MatterId, RatingSummary)>> {
    if matters.is_empty() {
        return Ok(Vec::new());
    }
    let mut args = Vec::new();
    let marks: Vec<String> = matters
        .iter()
        .map(|id| {
            args.push(text(id.as_str()));
            format!("?{}", args.len())
        })
        .collect();
    #[derive(Deserialize)]
    struct Row {
        matter_id: String,
        stars: u8,
    }
    let rows: Vec<Row> = all(
        db,
        &format!(
            "SELECT matter_id, stars FROM matter_ratings WHERE matter_id IN ({})",
            marks.join(", ")
        ),
        &args,
    )
    .await?;
    Ok(matters
        .iter()
        .map(|id| {
            (
                (*id).clone(),
                RatingSummary::of(
                    rows.iter()
                        .filter(|r| r.matter_id == id.as_str())
                        .map(|r| r.stars),
                ),
            )
        })
        .collect())
}

/// Each building of the community with its compound (id, name): its confirmed residents, those of them
/// who proposed, supported, discussed or rated a matter since `since`, and the stars its residents gave.
pub async fn board(
    db: &D1Database,
    community: &CommunityId,
    since: DateTime<Utc>,
) -> ApiResult<Vec<(String, String, BoardFigures)>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
        compound_id: String,
        compound_name: String,
        residents: u32,
        participants: u32,
        stars: Option<String>,
    }
    let rows: Vec<Row> = all(
        db,
        "WITH res AS ( \
             SELECT m.id AS member_id, b.id AS building_id FROM members m \
             JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id \
             JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id \
             WHERE cp.community_id = ?1 AND m.verification = 'confirmed' AND m.status = 'active'), \
         act AS ( \
             SELECT proposer_id AS member_id FROM matters WHERE created_at >= ?2 \
             UNION SELECT member_id FROM matter_supports WHERE supported_at >= ?2 \
             UNION SELECT member_id FROM matter_comments WHERE created_at >= ?2 \
             UNION SELECT member_id FROM matter_ratings WHERE rated_at >= ?2) \
         SELECT b.id, cp.name || ' ' || b.name AS name, cp.id AS compound_id, cp.name AS compound_name, \
                (SELECT COUNT(*) FROM res WHERE res.building_id = b.id) AS residents, \
                (SELECT COUNT(*) FROM res WHERE res.building_id = b.id AND res.member_id IN (SELECT member_id FROM act)) AS participants, \
                (SELECT group_concat(r.stars) FROM matter_ratings r JOIN res ON res.member_id = r.member_id \
                 WHERE res.building_id = b.id AND r.rated_at >= ?2) AS stars \
         FROM buildings b JOIN compounds cp ON cp.id = b.compound_id \
         WHERE cp.community_id = ?1 AND b.archived_at IS NULL AND cp.archived_at IS NULL \
         ORDER BY cp.name, b.name",
        &[text(community.as_str()), text(&time(since))],
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.compound_id,
                r.compound_name,
                BoardFigures {
                    place: r.id,
                    name: r.name,
                    residents: r.residents,
                    participants: r.participants,
                    ratings: RatingSummary::of(
                        r.stars
                            .unwrap_or_default()
                            .split(',')
                            .filter_map(|s| s.trim().parse::<u8>().ok()),
                    ),
                },
            )
        })
        .collect())
}
