//! Budget rounds (migration 0019): the round with its schedule, and the needs posted in it with their
//! supports.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::projects::NeedView;
use yishi_core::ids::{CommunityId, MemberId, NeedId, RoundId};
use yishi_core::policy::NoticeAudience;
use yishi_core::projects::{Allocation, Fen, PhaseEnd, Schedule};
use yishi_core::territory::ScopePath;

use super::{PathColumns, all, first, opt_text, parse_time, path_args, stmt, text, time};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
struct RoundRow {
    id: String,
    #[serde(flatten)]
    path: PathColumns,
    community_name: Option<String>,
    title: String,
    budget_fen: i64,
    cap_fen: i64,
    allocation: String,
    categories: String,
    starts_at: String,
    phases: String,
    revision: i64,
}

pub struct StoredRound {
    pub id: RoundId,
    pub community: CommunityId,
    pub scope: ScopePath,
    pub community_name: String,
    pub title: String,
    pub budget: Fen,
    pub cap: Fen,
    pub allocation: Allocation,
    pub categories: Vec<String>,
    pub schedule: Schedule,
    pub revision: i64,
}

fn money(n: i64) -> ApiResult<Fen> {
    u64::try_from(n)
        .map(Fen)
        .map_err(|_| ApiError::internal("stored amount below zero"))
}

impl RoundRow {
    fn parse(self) -> ApiResult<StoredRound> {
        let scope = self.path.to_path()?;
        let community = scope
            .community_id()
            .cloned()
            .ok_or_else(|| ApiError::internal("a round without its community"))?;
        let phases: Vec<PhaseEnd> = serde_json::from_str(&self.phases)
            .map_err(|e| ApiError::internal(format!("stored phases: {e}")))?;
        let schedule = Schedule::new(parse_time(&self.starts_at)?, phases)
            .map_err(|e| ApiError::internal(format!("stored schedule: {e}")))?;
        Ok(StoredRound {
            id: RoundId::from_trusted(&self.id),
            community,
            scope,
            community_name: self.community_name.unwrap_or_default(),
            title: self.title,
            budget: money(self.budget_fen)?,
            cap: money(self.cap_fen)?,
            allocation: Allocation::parse(&self.allocation)
                .ok_or_else(|| ApiError::internal("stored allocation"))?,
            categories: serde_json::from_str(&self.categories)
                .map_err(|e| ApiError::internal(format!("stored categories: {e}")))?,
            schedule,
            revision: self.revision,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.street_id, r.community_id, r.compound_id, r.building_id, r.unit_id, \
        c_.name AS community_name, r.title, r.budget_fen, r.cap_fen, r.allocation, r.categories, \
        r.starts_at, r.phases, r.revision \
     FROM budget_rounds r LEFT JOIN communities c_ ON c_.id = r.community_id";

pub async fn get(db: &D1Database, id: &RoundId) -> ApiResult<Option<StoredRound>> {
    first::<RoundRow>(
        db,
        &format!("{SELECT} WHERE r.id = ?1"),
        &[text(id.as_str())],
    )
    .await?
    .map(RoundRow::parse)
    .transpose()
}

/// The rounds `audience` admits, latest start first (at most 100).
pub async fn list(db: &D1Database, audience: &NoticeAudience) -> ApiResult<Vec<StoredRound>> {
    let mut args: Vec<JsValue> = Vec::new();
    let Some(admitted) = super::audience_sql("r", audience, &mut args) else {
        return Ok(Vec::new());
    };
    all::<RoundRow>(
        db,
        &format!("{SELECT} WHERE {admitted} ORDER BY r.starts_at DESC, r.id DESC LIMIT 100"),
        &args,
    )
    .await?
    .into_iter()
    .map(RoundRow::parse)
    .collect()
}

fn amount(fen: Fen) -> JsValue {
    // Amounts stay within core's FEN_MAX (10^10), exact in a JavaScript number.
    JsValue::from_f64(fen.0 as f64)
}

pub struct NewRound<'a> {
    pub id: &'a RoundId,
    pub scope: &'a ScopePath,
    pub title: &'a str,
    pub budget: Fen,
    pub cap: Fen,
    pub allocation: Allocation,
    pub categories: &'a [String],
    pub schedule: &'a Schedule,
    pub by: &'a MemberId,
    pub now: DateTime<Utc>,
}

pub fn insert(db: &D1Database, r: &NewRound<'_>) -> ApiResult<D1PreparedStatement> {
    let [street, community, ..] = path_args(r.scope);
    stmt(
        db,
        "INSERT INTO budget_rounds (id, street_id, community_id, title, budget_fen, cap_fen, allocation, \
             categories, starts_at, phases, created_by, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        &[
            text(r.id.as_str()),
            street,
            community,
            text(r.title),
            amount(r.budget),
            amount(r.cap),
            text(r.allocation.as_str()),
            text(&serde_json::to_string(r.categories)?),
            text(&time(r.schedule.starts_at())),
            text(&serde_json::to_string(r.schedule.phases())?),
            text(r.by.as_str()),
            text(&time(r.now)),
        ],
    )
}

/// The round's new schedule, only if it is still at `revision` (otherwise nothing changes, and the
/// caller answers that the round changed meanwhile).
pub fn set_schedule(
    db: &D1Database,
    id: &RoundId,
    revision: i64,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE budget_rounds SET phases = ?3, revision = revision + 1, updated_at = ?4 \
         WHERE id = ?1 AND revision = ?2",
        &[
            text(id.as_str()),
            JsValue::from_f64(revision as f64),
            text(&serde_json::to_string(schedule.phases())?),
            text(&time(now)),
        ],
    )
}

pub struct NewNeed<'a> {
    pub id: &'a NeedId,
    pub round: &'a RoundId,
    pub by: &'a MemberId,
    pub need: &'a yishi_core::projects::NeedText,
    pub now: DateTime<Utc>,
}

/// The need, and its author's support of it.
pub fn insert_need(db: &D1Database, n: &NewNeed<'_>) -> ApiResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        stmt(
            db,
            "INSERT INTO round_needs (id, round_id, author_id, title, description, category, place, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &[
                text(n.id.as_str()),
                text(n.round.as_str()),
                text(n.by.as_str()),
                text(&n.need.title),
                text(&n.need.description),
                text(&n.need.category),
                opt_text(n.need.place.as_deref()),
                text(&time(n.now)),
            ],
        )?,
        support(db, n.id, n.by, n.now)?,
    ])
}

/// Her support of a need; a second one changes nothing.
pub fn support(
    db: &D1Database,
    need: &NeedId,
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO need_supports (need_id, member_id, at) VALUES (?1, ?2, ?3)",
        &[text(need.as_str()), text(by.as_str()), text(&time(now))],
    )
}

/// Whether a need belongs to a round.
pub async fn need_in(db: &D1Database, round: &RoundId, need: &NeedId) -> ApiResult<bool> {
    #[derive(Deserialize)]
    struct Row {
        n: u32,
    }
    Ok(first::<Row>(
        db,
        "SELECT COUNT(*) AS n FROM round_needs WHERE id = ?1 AND round_id = ?2",
        &[text(need.as_str()), text(round.as_str())],
    )
    .await?
    .is_some_and(|r| r.n > 0))
}

/// A round's needs, most supported first (then oldest first), with whether `viewer` wrote or supports
/// each; without a viewer, neither.
pub async fn needs(
    db: &D1Database,
    round: &RoundId,
    viewer: Option<&MemberId>,
) -> ApiResult<Vec<NeedView>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        title: String,
        description: String,
        category: String,
        place: Option<String>,
        created_at: String,
        supports: u32,
        mine: u32,
        supported: u32,
    }
    let rows: Vec<Row> = all(
        db,
        "SELECT n.id, n.title, n.description, n.category, n.place, n.created_at, \
             (SELECT COUNT(*) FROM need_supports s WHERE s.need_id = n.id) AS supports, \
             CASE WHEN n.author_id = ?2 THEN 1 ELSE 0 END AS mine, \
             EXISTS (SELECT 1 FROM need_supports s WHERE s.need_id = n.id AND s.member_id = ?2) AS supported \
         FROM round_needs n WHERE n.round_id = ?1 \
         ORDER BY supports DESC, n.created_at, n.id LIMIT 500",
        &[
            text(round.as_str()),
            opt_text(viewer.map(MemberId::as_str)),
        ],
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(NeedView {
                id: NeedId::from_trusted(&r.id),
                title: r.title,
                description: r.description,
                category: r.category,
                place: r.place,
                supports: r.supports,
                posted_at: parse_time(&r.created_at)?,
                mine: r.mine == 1,
                supported: r.supported == 1,
            })
        })
        .collect()
}
