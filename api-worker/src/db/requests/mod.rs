//! Residents' requests: the requests, their followers, photos and record (this file); the catalogue
//! with units, categories, subcategories and the calendar (`catalogue.rs`); what the scheduled job
//! reads and writes (`sweep.rs`); the rows of the figures (`figures.rs`); Open311 keys and the public
//! list (`open311.rs`).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{EventId, HandlingUnitId, MemberId, RequestId, SubcategoryId};
use yishi_core::numbers::RecordNumber;
use yishi_core::requests::{Channel, Escalation, Status};
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{PathColumns, all, first, opt_text, parse_time, path_args, stmt, text, time};
use crate::error::{ApiError, ApiResult};

mod catalogue;
mod figures;
mod open311;
mod sweep;

pub use catalogue::*;
pub use figures::*;
pub use open311::*;
pub use sweep::*;

#[derive(Deserialize)]
pub struct RequestRow {
    pub id: String,
    pub number: i64,
    pub subcategory_id: String,
    pub handler_id: String,
    pub handler_name: String,
    /// The community of the unit it is with (and that community's street); `None` for the district's.
    pub handler_community_id: Option<String>,
    pub handler_street_id: Option<String>,
    #[serde(flatten)]
    pub path: PathColumns,
    #[serde(flatten)]
    pub names: PathNames,
    pub place_text: Option<String>,
    pub description: String,
    pub requester_id: Option<String>,
    pub requester_name: Option<String>,
    pub caller_name: Option<String>,
    pub caller_phone: Option<String>,
    pub registered_by: Option<String>,
    pub show_name: i64,
    pub channel: String,
    pub status: String,
    pub received_at: String,
    pub deadline: String,
    pub resolved_at: Option<String>,
    pub escalation: i64,
    pub returned_to: Option<String>,
    pub returned_to_name: Option<String>,
    pub merged_into: Option<String>,
    pub split_from: Option<String>,
    pub outcome: Option<String>,
    pub stars: Option<i64>,
    pub rating_comment: Option<String>,
    pub rated_at: Option<String>,
    pub followers: i64,
    pub subcategory_name: String,
    pub category_name: String,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub updated_at: String,
}

impl RequestRow {
    pub fn id(&self) -> RequestId {
        RequestId::from_trusted(&self.id)
    }
    pub fn number(&self) -> ApiResult<RecordNumber> {
        stored_number(self.number)
    }
    pub fn status(&self) -> ApiResult<Status> {
        Status::parse(&self.status)
            .ok_or_else(|| ApiError::internal(format!("stored status {:?}", self.status)))
    }
    pub fn channel(&self) -> Channel {
        Channel::parse(&self.channel).unwrap_or(Channel::App)
    }
    pub fn scope(&self) -> ApiResult<ScopePath> {
        self.path.to_path()
    }
    pub fn received_at(&self) -> ApiResult<DateTime<Utc>> {
        parse_time(&self.received_at)
    }
    pub fn deadline(&self) -> ApiResult<DateTime<Utc>> {
        parse_time(&self.deadline)
    }
    pub fn resolved_at(&self) -> ApiResult<Option<DateTime<Utc>>> {
        self.resolved_at.as_deref().map(parse_time).transpose()
    }
    pub fn escalation(&self) -> Escalation {
        Escalation::from_level(self.escalation)
    }
    pub fn place_name(&self) -> String {
        self.names.display()
    }
    /// The owner of the unit it is with: its community, or `None` for the district's.
    pub fn handler_owner(&self) -> Option<ScopePath> {
        owner_path(
            self.handler_street_id.as_deref(),
            self.handler_community_id.as_deref(),
        )
    }
}

fn request_select() -> String {
    format!(
        "SELECT r.id, r.number, r.subcategory_id, r.handler_id, h.name AS handler_name, \
         h.community_id AS handler_community_id, hc.street_id AS handler_street_id, r.street_id, r.community_id, \
         r.compound_id, r.building_id, r.unit_id, {NAME_COLUMNS}, r.place_text, r.description, r.requester_id, \
         m.name AS requester_name, r.caller_name, r.caller_phone, r.registered_by, r.show_name, r.channel, r.status, \
         r.received_at, r.deadline, r.resolved_at, r.escalation, r.returned_to, rt.name AS returned_to_name, \
         r.merged_into, r.split_from, r.outcome, r.stars, r.rating_comment, r.rated_at, \
         (SELECT COUNT(*) FROM request_followers f WHERE f.request_id = r.id) AS followers, \
         s.name AS subcategory_name, c.name AS category_name, r.lat, r.long, r.updated_at \
         FROM requests r JOIN handling_units h ON h.id = r.handler_id \
         LEFT JOIN communities hc ON hc.id = h.community_id \
         JOIN request_subcategories s ON s.id = r.subcategory_id \
         JOIN request_categories c ON c.id = s.category_id \
         LEFT JOIN handling_units rt ON rt.id = r.returned_to \
         LEFT JOIN members m ON m.id = r.requester_id {}",
        name_joins("r")
    )
}

pub async fn get(db: &D1Database, id: &RequestId) -> ApiResult<Option<RequestRow>> {
    first(
        db,
        &format!("{} WHERE r.id = ?1", request_select()),
        &[text(id.as_str())],
    )
    .await
}

/// A record's number as stored.
pub fn stored_number(n: i64) -> ApiResult<RecordNumber> {
    u32::try_from(n)
        .ok()
        .and_then(RecordNumber::new)
        .ok_or_else(|| ApiError::internal(format!("stored number {n}")))
}

/// The request of a community with this number.
pub async fn by_number(
    db: &D1Database,
    community: &str,
    number: RecordNumber,
) -> ApiResult<Option<RequestRow>> {
    first(
        db,
        &format!(
            "{} WHERE r.community_id = ?1 AND r.number = ?2",
            request_select()
        ),
        &[text(community), JsValue::from(number.get())],
    )
    .await
}

/// Which requests a list shows.
pub enum Filter<'a> {
    /// Raised or joined by the member.
    Mine(&'a MemberId),
    /// With one of these units, where the unit serves the request's place (a community's unit only its
    /// community's; see `yishi_core::requests::serves`).
    Handling(&'a [HandlingUnitId]),
    /// Within one of these scopes.
    Within(&'a [ScopePath]),
}

pub enum StatusFilter {
    Any,
    Open,
    Overdue(DateTime<Utc>),
    Escalated,
    Is(Status),
}

pub use super::Search;

/// The words of requests: the name of the kind of problem, the description and the place as written
/// (migration 0013).
const WORDS: super::Index = super::Index {
    table: "requests_search",
    columns: &[("title", 10.0), ("body", 1.0)],
};

const OPEN: &str = "r.status IN ('received', 'accepted', 'in_progress', 'returned')";

/// The conditions of a list, their arguments pushed onto `args`; `None` when it is empty for sure.
fn conditions(
    filter: &Filter<'_>,
    status: &StatusFilter,
    args: &mut Vec<JsValue>,
) -> Option<String> {
    let mark = |v: JsValue, args: &mut Vec<JsValue>| {
        args.push(v);
        format!("?{}", args.len())
    };
    let mut conds: Vec<String> = Vec::new();
    match filter {
        Filter::Mine(member) => {
            let m = mark(text(member.as_str()), args);
            conds.push(format!(
                "(r.requester_id = {m} OR EXISTS (SELECT 1 FROM request_followers f \
                 WHERE f.request_id = r.id AND f.member_id = {m}))"
            ));
        }
        Filter::Handling(units) => {
            if units.is_empty() {
                return None;
            }
            let marks: Vec<String> = units.iter().map(|u| mark(text(u.as_str()), args)).collect();
            conds.push(format!(
                "r.handler_id IN ({}) AND EXISTS (SELECT 1 FROM handling_units hu WHERE hu.id = r.handler_id \
                 AND (hu.community_id IS NULL OR hu.community_id = r.community_id))",
                marks.join(", ")
            ));
        }
        Filter::Within(scopes) => {
            if scopes.is_empty() {
                return None;
            }
            let parts: Vec<String> = scopes
                .iter()
                .map(|s| super::scope_within_sql("r", s, args))
                .collect();
            conds.push(format!("({})", parts.join(" OR ")));
        }
    }
    match status {
        StatusFilter::Any => {}
        StatusFilter::Open => conds.push(OPEN.to_owned()),
        StatusFilter::Overdue(now) => {
            let n = mark(text(&time(*now)), args);
            conds.push(format!("{OPEN} AND r.deadline < {n}"));
        }
        StatusFilter::Escalated => conds.push(format!("{OPEN} AND r.escalation > 0")),
        StatusFilter::Is(s) => {
            let n = mark(text(s.as_str()), args);
            conds.push(format!("r.status = {n}"));
        }
    }
    Some(conds.join(" AND "))
}

impl StatusFilter {
    /// Lists of what is still to do come most urgent first (earliest deadline: the overdue lead).
    #[must_use]
    pub fn by_deadline(&self) -> bool {
        matches!(
            self,
            StatusFilter::Open | StatusFilter::Overdue(_) | StatusFilter::Escalated
        )
    }
}

/// A page of requests: by deadline, earliest first, for open, overdue and escalated ones (see
/// [`StatusFilter::by_deadline`]); otherwise most recently changed first; a search's best matches first,
/// in one page. One more than `limit` tells that more follow.
pub async fn list(
    db: &D1Database,
    filter: &Filter<'_>,
    status: &StatusFilter,
    search: &Search<'_>,
    cursor: Option<&yishi_core::api::Cursor>,
    limit: u32,
) -> ApiResult<Vec<RequestRow>> {
    let mut args: Vec<JsValue> = Vec::new();
    let Some(conds) = conditions(filter, status, &mut args) else {
        return Ok(Vec::new());
    };
    let found = search.sql("r", &WORDS, &mut args)?;
    let mut sql = format!(
        "{}{} WHERE {conds}{}",
        request_select(),
        found.join,
        found.and()
    );
    if status.by_deadline() {
        found.page_sql_ascending(&mut sql, &mut args, ("r.deadline", "r.id"), cursor, limit);
    } else {
        found.page_sql(&mut sql, &mut args, ("r.updated_at", "r.id"), cursor, limit);
    }
    all(db, &sql, &args).await
}

/// How many open requests a list holds, and how many of them are overdue at `now`.
pub async fn count_open(
    db: &D1Database,
    filter: &Filter<'_>,
    now: DateTime<Utc>,
) -> ApiResult<(u32, u32)> {
    #[derive(Deserialize)]
    struct Row {
        open: Option<i64>,
        overdue: Option<i64>,
    }
    let mut args: Vec<JsValue> = Vec::new();
    let Some(conds) = conditions(filter, &StatusFilter::Open, &mut args) else {
        return Ok((0, 0));
    };
    args.push(text(&time(now)));
    let n = args.len();
    let row: Option<Row> = first(
        db,
        &format!(
            "SELECT COUNT(*) AS open, SUM(CASE WHEN r.deadline < ?{n} THEN 1 ELSE 0 END) AS overdue \
             FROM requests r WHERE {conds}"
        ),
        &args,
    )
    .await?;
    let count = |v: Option<i64>| u32::try_from(v.unwrap_or(0)).unwrap_or(0);
    Ok(row.map_or((0, 0), |r| (count(r.open), count(r.overdue))))
}

/// Open requests of `subcategory` within `near`, newest first (at most ten).
pub async fn similar(
    db: &D1Database,
    subcategory: &SubcategoryId,
    near: &ScopePath,
) -> ApiResult<Vec<RequestRow>> {
    let mut args = vec![text(subcategory.as_str())];
    let within = super::scope_within_sql("r", near, &mut args);
    all(
        db,
        &format!(
            "{} WHERE r.subcategory_id = ?1 AND {within} AND r.status IN ('received', 'accepted', 'in_progress', 'returned') \
             ORDER BY r.received_at DESC LIMIT 10",
            request_select()
        ),
        &args,
    )
    .await
}

/// A new request's columns.
pub struct NewRow<'a> {
    pub id: &'a RequestId,
    pub subcategory: &'a SubcategoryId,
    pub handler: &'a str,
    pub path: &'a ScopePath,
    pub place_text: Option<&'a str>,
    pub description: &'a str,
    pub requester: Option<&'a MemberId>,
    pub caller: Option<(&'a str, Option<&'a str>)>,
    pub show_name: bool,
    pub channel: Channel,
    pub registered_by: Option<&'a MemberId>,
    pub received_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub split_from: Option<&'a RequestId>,
    pub location: Option<(f64, f64)>,
}

pub fn insert(db: &D1Database, r: &NewRow<'_>) -> ApiResult<D1PreparedStatement> {
    let [street, community, compound, building, unit] = path_args(r.path);
    let coordinate = |v: Option<f64>| v.map_or(JsValue::NULL, JsValue::from);
    stmt(
        db,
        "INSERT INTO requests (id, subcategory_id, handler_id, street_id, community_id, compound_id, building_id, \
         unit_id, place_text, description, requester_id, caller_name, caller_phone, show_name, channel, \
         registered_by, status, received_at, deadline, updated_at, split_from, lat, long, number) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'received', ?17, ?18, ?17, \
         ?19, ?20, ?21, (SELECT IFNULL(MAX(number), 0) + 1 FROM requests WHERE community_id = ?5))",
        &[
            text(r.id.as_str()),
            text(r.subcategory.as_str()),
            text(r.handler),
            street,
            community,
            compound,
            building,
            unit,
            opt_text(r.place_text),
            text(r.description),
            opt_text(r.requester.map(MemberId::as_str)),
            opt_text(r.caller.map(|c| c.0)),
            opt_text(r.caller.and_then(|c| c.1)),
            JsValue::from(i32::from(r.show_name)),
            text(r.channel.as_str()),
            opt_text(r.registered_by.map(MemberId::as_str)),
            text(&time(r.received_at)),
            text(&time(r.deadline)),
            opt_text(r.split_from.map(RequestId::as_str)),
            coordinate(r.location.map(|l| l.0)),
            coordinate(r.location.map(|l| l.1)),
        ],
    )
}

/// A new request and the first entry of its record (`kind`: received, split_from), which names the unit
/// it went to.
pub fn receive(
    db: &D1Database,
    r: &NewRow<'_>,
    id: &EventId,
    actor: Option<&MemberId>,
    (kind, note): (&str, &str),
    at: DateTime<Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        insert(db, r)?,
        self::event(
            db,
            &Event {
                id,
                request: r.id,
                actor,
                kind,
                status: Status::Received,
                handler: Some(r.handler),
                note,
                at,
            },
        )?,
    ])
}

/// Columns a change of status may set besides it.
pub enum Column {
    Handler,
    ResolvedAt,
    ClosedAt,
    ReturnedTo,
    MergedInto,
    Outcome,
    Stars,
    RatingComment,
    RatedAt,
}

impl Column {
    fn name(&self) -> &'static str {
        match self {
            Column::Handler => "handler_id",
            Column::ResolvedAt => "resolved_at",
            Column::ClosedAt => "closed_at",
            Column::ReturnedTo => "returned_to",
            Column::MergedInto => "merged_into",
            Column::Outcome => "outcome",
            Column::Stars => "stars",
            Column::RatingComment => "rating_comment",
            Column::RatedAt => "rated_at",
        }
    }
}

/// Moves the request from `from` to `to`, setting `columns`. If another change moved it first, the
/// status would become NULL, which the table refuses: the whole batch then fails (see
/// [`super::batch_guarded`]).
pub fn set_status(
    db: &D1Database,
    id: &RequestId,
    (from, to): (Status, Status),
    columns: &[(Column, JsValue)],
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    let sets: Vec<(&str, JsValue)> = columns.iter().map(|(c, v)| (c.name(), v.clone())).collect();
    super::set_guarded(
        db,
        ("requests", "status"),
        id.as_str(),
        (from.as_str(), to.as_str()),
        &sets,
        now,
    )
}

/// An entry of the record.
pub struct Event<'a> {
    pub id: &'a EventId,
    pub request: &'a RequestId,
    pub actor: Option<&'a MemberId>,
    pub kind: &'a str,
    pub status: Status,
    pub handler: Option<&'a str>,
    pub note: &'a str,
    pub at: DateTime<Utc>,
}

pub fn event(db: &D1Database, e: &Event<'_>) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO request_events (id, request_id, at, actor_id, kind, status, handler_id, note) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &[
            text(e.id.as_str()),
            text(e.request.as_str()),
            text(&time(e.at)),
            opt_text(e.actor.map(MemberId::as_str)),
            text(e.kind),
            text(e.status.as_str()),
            opt_text(e.handler),
            text(e.note),
        ],
    )
}

#[derive(Deserialize)]
pub struct EventRow {
    pub id: String,
    pub at: String,
    pub actor_name: Option<String>,
    pub kind: String,
    pub status: String,
    pub handler_name: Option<String>,
    pub note: String,
}

pub async fn events(db: &D1Database, id: &RequestId) -> ApiResult<Vec<EventRow>> {
    all(
        db,
        "SELECT e.id, e.at, m.name AS actor_name, e.kind, e.status, h.name AS handler_name, e.note \
         FROM request_events e LEFT JOIN members m ON m.id = e.actor_id \
         LEFT JOIN handling_units h ON h.id = e.handler_id WHERE e.request_id = ?1 ORDER BY e.at, e.id",
        &[text(id.as_str())],
    )
    .await
}

#[derive(Deserialize)]
pub struct PhotoRow {
    pub id: String,
    pub request_event_id: Option<String>,
}

pub async fn photos(db: &D1Database, id: &RequestId) -> ApiResult<Vec<PhotoRow>> {
    all(
        db,
        "SELECT id, request_event_id FROM photos WHERE request_id = ?1 ORDER BY created_at, id",
        &[text(id.as_str())],
    )
    .await
}

pub async fn follows(db: &D1Database, id: &RequestId, member: &MemberId) -> ApiResult<bool> {
    #[derive(Deserialize)]
    struct Row {
        #[allow(dead_code)]
        member_id: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT member_id FROM request_followers WHERE request_id = ?1 AND member_id = ?2",
        &[text(id.as_str()), text(member.as_str())],
    )
    .await?
    .is_some())
}

pub fn follow(
    db: &D1Database,
    id: &RequestId,
    member: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO request_followers (request_id, member_id, joined_at) VALUES (?1, ?2, ?3)",
        &[text(id.as_str()), text(member.as_str()), text(&time(now))],
    )
}

/// Carries the requester and followers of a merged request over to the one it joined.
pub fn carry_followers(
    db: &D1Database,
    from: &RequestId,
    into: &RequestId,
    now: DateTime<Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        stmt(
            db,
            "INSERT OR IGNORE INTO request_followers (request_id, member_id, joined_at) \
             SELECT ?2, requester_id, ?3 FROM requests WHERE id = ?1 AND requester_id IS NOT NULL \
             AND requester_id IS NOT (SELECT requester_id FROM requests WHERE id = ?2)",
            &[text(from.as_str()), text(into.as_str()), text(&time(now))],
        )?,
        stmt(
            db,
            "INSERT OR IGNORE INTO request_followers (request_id, member_id, joined_at) \
             SELECT ?2, member_id, ?3 FROM request_followers WHERE request_id = ?1 \
             AND member_id IS NOT (SELECT requester_id FROM requests WHERE id = ?2)",
            &[text(from.as_str()), text(into.as_str()), text(&time(now))],
        )?,
    ])
}
