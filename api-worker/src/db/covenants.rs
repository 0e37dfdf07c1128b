//! Covenants: the covenant, its versions, comments on clauses, and households' signatures.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::covenants::{BuildingCoverage, ClauseComment, MySignature, VersionView};
use yishi_core::covenants::{VersionState, coverage_permille};
use yishi_core::ids::{CovenantId, HouseholdId, MemberId, NoticeId, VoteId};
use yishi_core::numbers::RecordNumber;
use yishi_core::policy::NoticeAudience;
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{PathColumns, all, first, opt_text, parse_time, path_args, stmt, text, time};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
struct CovenantRow {
    id: String,
    number: i64,
    title: String,
    #[serde(flatten)]
    path: PathColumns,
    #[serde(flatten)]
    names: PathNames,
}

pub struct StoredCovenant {
    pub id: CovenantId,
    /// Its short number within the community (公约 #2).
    pub number: RecordNumber,
    pub title: String,
    pub scope: ScopePath,
    pub scope_name: String,
}

impl CovenantRow {
    fn parse(self) -> ApiResult<StoredCovenant> {
        Ok(StoredCovenant {
            id: CovenantId::from_trusted(&self.id),
            number: super::requests::stored_number(self.number)?,
            scope: self.path.to_path()?,
            scope_name: self.names.display(),
            title: self.title,
        })
    }
}

fn select() -> String {
    select_with("")
}

/// [`select`] with `extra` columns (each starting with a comma).
fn select_with(extra: &str) -> String {
    format!(
        "SELECT c.id, c.number, c.title, c.street_id, c.community_id, c.compound_id, c.building_id, c.unit_id, \
                {NAME_COLUMNS}{extra} FROM covenants c {}",
        name_joins("c")
    )
}

pub async fn get(db: &D1Database, id: &CovenantId) -> ApiResult<Option<StoredCovenant>> {
    first::<CovenantRow>(
        db,
        &format!("{} WHERE c.id = ?1", select()),
        &[text(id.as_str())],
    )
    .await?
    .map(CovenantRow::parse)
    .transpose()
}

/// The words of covenants: the title, and the clauses of every version (migration 0013).
const WORDS: super::Index = super::Index {
    table: "covenants_search",
    columns: &[("title", 10.0), ("body", 1.0)],
};

/// The covenants `audience` admits, most recently changed first; with a search, the one of that number or
/// those whose title or clauses contain the words, best match first.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    search: &super::Search<'_>,
) -> ApiResult<Vec<(StoredCovenant, VersionState, Option<u32>)>> {
    let mut args: Vec<JsValue> = Vec::new();
    let Some(admitted) = super::audience_sql("c", audience, &mut args) else {
        return Ok(Vec::new());
    };
    let found = search.sql("c", &WORDS, &mut args)?;
    let mut sql = format!(
        "{}{} WHERE {admitted}{}",
        select_with(
            ", (SELECT state FROM covenant_versions v WHERE v.covenant_id = c.id ORDER BY number DESC LIMIT 1) AS latest, \
               (SELECT number FROM covenant_versions v WHERE v.covenant_id = c.id AND state = 'adopted') AS in_force"
        ),
        found.join,
        found.and()
    );
    sql.push_str(&format!(
        " ORDER BY {} LIMIT 100",
        found.order_by("c.updated_at DESC, c.id DESC")
    ));
    #[derive(Deserialize)]
    struct Row {
        #[serde(flatten)]
        covenant: CovenantRow,
        latest: String,
        in_force: Option<u32>,
    }
    let rows: Vec<Row> = all(db, &sql, &args).await?;
    rows.into_iter()
        .map(|r| {
            Ok((
                r.covenant.parse()?,
                VersionState::parse(&r.latest)
                    .ok_or_else(|| ApiError::internal("stored version state"))?,
                r.in_force,
            ))
        })
        .collect()
}

pub fn insert(
    db: &D1Database,
    id: &CovenantId,
    scope: &ScopePath,
    title: &str,
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    let [street, community, compound, building, unit] = path_args(scope);
    stmt(
        db,
        &format!(
            "INSERT INTO covenants (id, street_id, community_id, compound_id, building_id, unit_id, title, created_by, \
                 created_at, updated_at, number) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, {})",
            super::next_number_sql("covenants", "?2", "?3")
        ),
        &[
            text(id.as_str()),
            street,
            community,
            compound,
            building,
            unit,
            text(title),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

pub fn insert_version(
    db: &D1Database,
    id: &CovenantId,
    number: u32,
    clauses: &[String],
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO covenant_versions (covenant_id, number, state, clauses, created_by, created_at) \
         VALUES (?1, ?2, 'drafting', ?3, ?4, ?5)",
        &[
            text(id.as_str()),
            JsValue::from(number),
            text(&serde_json::to_string(clauses)?),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

pub fn touch(
    db: &D1Database,
    id: &CovenantId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE covenants SET updated_at = ?2 WHERE id = ?1",
        &[text(id.as_str()), text(&time(now))],
    )
}

/// What a version change sets besides the state.
pub struct VersionChange<'a> {
    pub clauses: Option<&'a [String]>,
    pub vote: Option<&'a VoteId>,
    pub notice: Option<&'a NoticeId>,
    pub adopted_at: Option<DateTime<Utc>>,
}

/// Moves version `number` from `from` to `to`; fails the whole batch if it was moved meanwhile (the
/// state would be NULL, which the table refuses).
pub fn set_state(
    db: &D1Database,
    id: &CovenantId,
    number: u32,
    (from, to): (VersionState, VersionState),
    change: &VersionChange<'_>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE covenant_versions SET state = CASE WHEN state = ?3 THEN ?4 ELSE NULL END, \
             clauses = COALESCE(?5, clauses), vote_id = COALESCE(?6, vote_id), notice_id = COALESCE(?7, notice_id), \
             adopted_at = COALESCE(?8, adopted_at) \
         WHERE covenant_id = ?1 AND number = ?2",
        &[
            text(id.as_str()),
            JsValue::from(number),
            text(from.as_str()),
            text(to.as_str()),
            change
                .clauses
                .map(serde_json::to_string)
                .transpose()?
                .map_or(JsValue::NULL, |c| JsValue::from_str(&c)),
            opt_text(change.vote.map(VoteId::as_str)),
            opt_text(change.notice.map(NoticeId::as_str)),
            opt_text(change.adopted_at.map(time).as_deref()),
        ],
    )
}

/// The version in force becomes superseded (run before adopting a new one).
pub fn supersede(db: &D1Database, id: &CovenantId) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE covenant_versions SET state = 'superseded' WHERE covenant_id = ?1 AND state = 'adopted'",
        &[text(id.as_str())],
    )
}

#[derive(Debug, Deserialize)]
struct VersionRow {
    number: u32,
    state: String,
    clauses: String,
    vote_id: Option<String>,
    notice_id: Option<String>,
    created_at: String,
    adopted_at: Option<String>,
    signatures: u32,
}

/// The versions, newest first, each with its comments and its number of signatures.
pub async fn versions(db: &D1Database, id: &CovenantId) -> ApiResult<Vec<VersionView>> {
    let rows: Vec<VersionRow> = all(
        db,
        "SELECT v.number, v.state, v.clauses, v.vote_id, v.notice_id, v.created_at, v.adopted_at, \
                (SELECT COUNT(*) FROM covenant_signatures s WHERE s.covenant_id = v.covenant_id AND s.number = v.number) AS signatures \
         FROM covenant_versions v WHERE v.covenant_id = ?1 ORDER BY v.number DESC",
        &[text(id.as_str())],
    )
    .await?;
    #[derive(Deserialize)]
    struct CommentRow {
        number: u32,
        clause: u32,
        body: String,
        author_name: String,
        created_at: String,
    }
    let comments: Vec<CommentRow> = all(
        db,
        "SELECT c.number, c.clause, c.body, m.name AS author_name, c.created_at FROM covenant_comments c \
         JOIN members m ON m.id = c.member_id WHERE c.covenant_id = ?1 ORDER BY c.created_at, c.id",
        &[text(id.as_str())],
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(VersionView {
                number: r.number,
                state: VersionState::parse(&r.state)
                    .ok_or_else(|| ApiError::internal("stored version state"))?,
                clauses: serde_json::from_str(&r.clauses)?,
                comments: comments
                    .iter()
                    .filter(|c| c.number == r.number)
                    .map(|c| {
                        Ok(ClauseComment {
                            clause: c.clause,
                            body: c.body.clone(),
                            author_name: c.author_name.clone(),
                            at: parse_time(&c.created_at)?,
                        })
                    })
                    .collect::<ApiResult<Vec<_>>>()?,
                vote: r.vote_id.map(VoteId::from_trusted),
                notice: r.notice_id.map(NoticeId::from_trusted),
                created_at: parse_time(&r.created_at)?,
                adopted_at: r.adopted_at.as_deref().map(parse_time).transpose()?,
                signatures: r.signatures,
            })
        })
        .collect()
}

/// A comment on clause `clause` of version `number`, by `member`.
pub struct NewComment<'a> {
    pub id: &'a str,
    pub covenant: &'a CovenantId,
    pub number: u32,
    pub clause: u32,
    pub member: &'a MemberId,
    pub body: &'a str,
    pub now: DateTime<Utc>,
}

pub fn insert_comment(db: &D1Database, c: &NewComment<'_>) -> ApiResult<D1PreparedStatement> {
    let NewComment {
        id: comment,
        covenant: id,
        number,
        clause,
        member,
        body,
        now,
    } = *c;
    stmt(
        db,
        "INSERT INTO covenant_comments (id, covenant_id, number, clause, member_id, body, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            text(comment),
            text(id.as_str()),
            JsValue::from(number),
            JsValue::from(clause),
            text(member.as_str()),
            text(body),
            text(&time(now)),
        ],
    )
}

/// A household's signature of a version; a second one for the same household changes nothing.
pub fn sign(
    db: &D1Database,
    id: &CovenantId,
    number: u32,
    household: &HouseholdId,
    member: Option<&MemberId>,
    paper: Option<(&MemberId, &str)>,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO covenant_signatures (covenant_id, number, household_id, member_id, recorded_by, reason, signed_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            text(id.as_str()),
            JsValue::from(number),
            text(household.as_str()),
            opt_text(member.map(MemberId::as_str)),
            opt_text(paper.map(|(by, _)| by.as_str())),
            opt_text(paper.map(|(_, reason)| reason)),
            text(&time(now)),
        ],
    )
}

pub async fn signature_of(
    db: &D1Database,
    id: &CovenantId,
    number: u32,
    household: &HouseholdId,
) -> ApiResult<Option<MySignature>> {
    #[derive(Deserialize)]
    struct Row {
        signed_at: String,
        recorded_by: Option<String>,
        by_name: Option<String>,
    }
    first::<Row>(
        db,
        "SELECT s.signed_at, s.recorded_by, COALESCE(r.name, m.name) AS by_name FROM covenant_signatures s \
         LEFT JOIN members m ON m.id = s.member_id LEFT JOIN members r ON r.id = s.recorded_by \
         WHERE s.covenant_id = ?1 AND s.number = ?2 AND s.household_id = ?3",
        &[text(id.as_str()), JsValue::from(number), text(household.as_str())],
    )
    .await?
    .map(|r| {
        Ok(MySignature {
            at: parse_time(&r.signed_at)?,
            on_paper: r.recorded_by.is_some(),
            by_name: r.by_name.unwrap_or_default(),
        })
    })
    .transpose()
}

/// Per building of `scope`: its households and those that signed version `number`.
pub async fn coverage(
    db: &D1Database,
    id: &CovenantId,
    number: u32,
    scope: &ScopePath,
) -> ApiResult<Vec<BuildingCoverage>> {
    let mut args: Vec<JsValue> = vec![text(id.as_str()), JsValue::from(number)];
    let within = super::scope_within_sql("x", scope, &mut args);
    #[derive(Deserialize)]
    struct Row {
        name: String,
        households: u32,
        signed: u32,
    }
    let rows: Vec<Row> = all(
        db,
        &format!(
            "SELECT x.building_name AS name, COUNT(*) AS households, \
                    SUM(EXISTS (SELECT 1 FROM covenant_signatures s WHERE s.covenant_id = ?1 AND s.number = ?2 AND s.household_id = x.id)) AS signed \
             FROM (SELECT h.id, cp.name || ' ' || b.name AS building_name, c.street_id, \
                          c.id AS community_id, cp.id AS compound_id, b.id AS building_id, u.id AS unit_id \
                   FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id \
                   JOIN compounds cp ON cp.id = b.compound_id JOIN communities c ON c.id = cp.community_id \
                   WHERE h.archived_at IS NULL AND u.archived_at IS NULL AND b.archived_at IS NULL) x \
             WHERE {} GROUP BY x.building_id, x.building_name ORDER BY x.building_name",
            within
        ),
        &args,
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| BuildingCoverage {
            permille: coverage_permille(r.signed, r.households),
            name: r.name,
            households: r.households,
            signed: r.signed,
        })
        .collect())
}
