//! Residents' requests: the catalogue (units, categories, subcategories, the calendar), the requests,
//! their followers and their record.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::requests::{CategoryView, SubcategoryView, UnitMemberView, UnitRef, UnitView};
use yishi_core::ids::{
    EventId, HandlingUnitId, MemberId, PhotoId, RequestCategoryId, RequestId, SubcategoryId,
};
use yishi_core::requests::{
    CONFIRM_DAYS_DEFAULT, Channel, Escalation, Status, TimeLimit, UnitKind, WorkCalendar,
};
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{PathColumns, all, first, opt_text, parse_time, path_args, stmt, text, time};
use crate::error::{ApiError, ApiResult};

// ---- The catalogue ----

#[derive(Deserialize)]
struct UnitRow {
    id: String,
    name: String,
    kind: String,
}

#[derive(Deserialize)]
struct UnitMemberRow {
    unit_id: String,
    member_id: String,
    name: String,
}

#[derive(Deserialize)]
struct CategoryRow {
    id: String,
    name: String,
}

#[derive(Deserialize)]
pub struct SubcategoryRow {
    pub id: String,
    pub category_id: String,
    pub category_name: String,
    pub name: String,
    pub unit_id: String,
    pub unit_name: String,
    pub legal_basis: String,
    pub standard: String,
    pub keywords: String,
    pub limit_unit: String,
    pub limit_value: i64,
    pub active: i64,
}

impl SubcategoryRow {
    pub fn limit(&self) -> TimeLimit {
        let n = u32::try_from(self.limit_value).unwrap_or(1);
        if self.limit_unit == "hours" {
            TimeLimit::Hours(n)
        } else {
            TimeLimit::WorkingDays(n)
        }
    }

    pub fn view(&self) -> SubcategoryView {
        SubcategoryView {
            id: SubcategoryId::from_trusted(&self.id),
            category: RequestCategoryId::from_trusted(&self.category_id),
            name: self.name.clone(),
            unit: UnitRef {
                id: HandlingUnitId::from_trusted(&self.unit_id),
                name: self.unit_name.clone(),
            },
            legal_basis: self.legal_basis.clone(),
            standard: self.standard.clone(),
            keywords: self
                .keywords
                .split('、')
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect(),
            limit: self.limit(),
            active: self.active != 0,
        }
    }
}

const SUBCATEGORY_SELECT: &str = "SELECT s.id, s.category_id, c.name AS category_name, s.name, s.unit_id, \
     h.name AS unit_name, s.legal_basis, s.standard, s.keywords, s.limit_unit, s.limit_value, s.active \
     FROM request_subcategories s JOIN request_categories c ON c.id = s.category_id \
     JOIN handling_units h ON h.id = s.unit_id";

pub async fn subcategory(db: &D1Database, id: &SubcategoryId) -> ApiResult<Option<SubcategoryRow>> {
    first(
        db,
        &format!("{SUBCATEGORY_SELECT} WHERE s.id = ?1"),
        &[text(id.as_str())],
    )
    .await
}

pub async fn subcategories(db: &D1Database) -> ApiResult<Vec<SubcategoryRow>> {
    all(
        db,
        &format!("{SUBCATEGORY_SELECT} ORDER BY c.position, c.name, s.name"),
        &[],
    )
    .await
}

/// The whole catalogue: categories with their subcategories, units with their members.
pub async fn catalogue(db: &D1Database) -> ApiResult<(Vec<CategoryView>, Vec<UnitView>)> {
    let categories: Vec<CategoryRow> = all(
        db,
        "SELECT id, name FROM request_categories ORDER BY position, name",
        &[],
    )
    .await?;
    let subs = subcategories(db).await?;
    let units: Vec<UnitRow> = all(
        db,
        "SELECT id, name, kind FROM handling_units ORDER BY name",
        &[],
    )
    .await?;
    let members: Vec<UnitMemberRow> = all(
        db,
        "SELECT hm.unit_id, hm.member_id, m.name FROM handling_unit_members hm \
         JOIN members m ON m.id = hm.member_id ORDER BY hm.added_at",
        &[],
    )
    .await?;
    let categories = categories
        .into_iter()
        .map(|c| CategoryView {
            subcategories: subs
                .iter()
                .filter(|s| s.category_id == c.id)
                .map(SubcategoryRow::view)
                .collect(),
            id: RequestCategoryId::from_trusted(&c.id),
            name: c.name,
        })
        .collect();
    let units = units
        .into_iter()
        .map(|u| UnitView {
            members: members
                .iter()
                .filter(|m| m.unit_id == u.id)
                .map(|m| UnitMemberView {
                    id: MemberId::from_trusted(&m.member_id),
                    name: m.name.clone(),
                })
                .collect(),
            id: HandlingUnitId::from_trusted(&u.id),
            kind: UnitKind::parse(&u.kind).unwrap_or(UnitKind::CommunityOffice),
            name: u.name,
        })
        .collect();
    Ok((categories, units))
}

pub async fn unit(db: &D1Database, id: &str) -> ApiResult<Option<UnitRef>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT id, name FROM handling_units WHERE id = ?1",
        &[text(id)],
    )
    .await?
    .map(|r| UnitRef {
        id: HandlingUnitId::from_trusted(&r.id),
        name: r.name,
    }))
}

/// The units `member` handles requests for.
pub async fn units_of(db: &D1Database, member: &MemberId) -> ApiResult<Vec<HandlingUnitId>> {
    #[derive(Deserialize)]
    struct Row {
        unit_id: String,
    }
    Ok(all::<Row>(
        db,
        "SELECT unit_id FROM handling_unit_members WHERE member_id = ?1",
        &[text(member.as_str())],
    )
    .await?
    .into_iter()
    .map(|r| HandlingUnitId::from_trusted(&r.unit_id))
    .collect())
}

pub async fn category_exists(db: &D1Database, id: &str) -> ApiResult<bool> {
    #[derive(Deserialize)]
    struct Row {
        #[allow(dead_code)]
        id: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT id FROM request_categories WHERE id = ?1",
        &[text(id)],
    )
    .await?
    .is_some())
}

pub fn insert_category(
    db: &D1Database,
    id: &RequestCategoryId,
    name: &str,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO request_categories (id, name, position) \
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM request_categories))",
        &[text(id.as_str()), text(name)],
    )
}

pub fn rename_category(db: &D1Database, id: &str, name: &str) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE request_categories SET name = ?2 WHERE id = ?1",
        &[text(id), text(name)],
    )
}

pub fn insert_unit(
    db: &D1Database,
    id: &HandlingUnitId,
    name: &str,
    kind: UnitKind,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO handling_units (id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4)",
        &[
            text(id.as_str()),
            text(name),
            text(kind.as_str()),
            text(&time(now)),
        ],
    )
}

pub fn update_unit(
    db: &D1Database,
    id: &str,
    name: &str,
    kind: UnitKind,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE handling_units SET name = ?2, kind = ?3 WHERE id = ?1",
        &[text(id), text(name), text(kind.as_str())],
    )
}

pub fn add_unit_member(
    db: &D1Database,
    unit: &str,
    member: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO handling_unit_members (unit_id, member_id, added_at) VALUES (?1, ?2, ?3)",
        &[text(unit), text(member.as_str()), text(&time(now))],
    )
}

pub fn remove_unit_member(
    db: &D1Database,
    unit: &str,
    member: &str,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "DELETE FROM handling_unit_members WHERE unit_id = ?1 AND member_id = ?2",
        &[text(unit), text(member)],
    )
}

/// The columns of a subcategory as written.
pub struct SubcategoryFields<'a> {
    pub category: &'a str,
    pub name: &'a str,
    pub unit: &'a str,
    pub legal_basis: &'a str,
    pub standard: &'a str,
    pub keywords: &'a [String],
    pub limit: TimeLimit,
    pub active: bool,
}

fn limit_parts(limit: TimeLimit) -> (&'static str, u32) {
    match limit {
        TimeLimit::WorkingDays(n) => ("working_days", n),
        TimeLimit::Hours(n) => ("hours", n),
    }
}

fn subcategory_args(id: &str, f: &SubcategoryFields<'_>) -> Vec<JsValue> {
    let (unit, value) = limit_parts(f.limit);
    vec![
        text(id),
        text(f.category),
        text(f.name),
        text(f.unit),
        text(f.legal_basis),
        text(f.standard),
        text(&f.keywords.join("、")),
        text(unit),
        JsValue::from(value),
        JsValue::from(i32::from(f.active)),
    ]
}

pub fn insert_subcategory(
    db: &D1Database,
    id: &SubcategoryId,
    f: &SubcategoryFields<'_>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO request_subcategories (id, category_id, name, unit_id, legal_basis, standard, keywords, \
         limit_unit, limit_value, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &subcategory_args(id.as_str(), f),
    )
}

pub fn update_subcategory(
    db: &D1Database,
    id: &str,
    f: &SubcategoryFields<'_>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE request_subcategories SET category_id = ?2, name = ?3, unit_id = ?4, legal_basis = ?5, \
         standard = ?6, keywords = ?7, limit_unit = ?8, limit_value = ?9, active = ?10 WHERE id = ?1",
        &subcategory_args(id, f),
    )
}

/// Ids of categories and units by name, for an import.
pub async fn names(db: &D1Database) -> ApiResult<(Vec<(String, String)>, Vec<(String, String)>)> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
    }
    let pairs = |rows: Vec<Row>| rows.into_iter().map(|r| (r.name, r.id)).collect();
    let categories: Vec<Row> = all(db, "SELECT id, name FROM request_categories", &[]).await?;
    let units: Vec<Row> = all(db, "SELECT id, name FROM handling_units", &[]).await?;
    Ok((pairs(categories), pairs(units)))
}

// ---- The calendar and settings ----

pub async fn calendar(db: &D1Database) -> ApiResult<WorkCalendar> {
    #[derive(Deserialize)]
    struct Row {
        day: String,
        kind: String,
    }
    let rows: Vec<Row> = all(db, "SELECT day, kind FROM work_calendar ORDER BY day", &[]).await?;
    let mut cal = WorkCalendar::default();
    for r in rows {
        let day: NaiveDate = r
            .day
            .parse()
            .map_err(|e| ApiError::internal(format!("stored day {:?}: {e}", r.day)))?;
        if r.kind == "holiday" {
            cal.holidays.insert(day);
        } else {
            cal.workdays.insert(day);
        }
    }
    Ok(cal)
}

pub async fn confirm_days(db: &D1Database) -> ApiResult<u32> {
    #[derive(Deserialize)]
    struct Row {
        confirm_days: u32,
    }
    Ok(first::<Row>(
        db,
        "SELECT confirm_days FROM request_settings WHERE id = 1",
        &[],
    )
    .await?
    .map_or(CONFIRM_DAYS_DEFAULT, |r| r.confirm_days))
}

/// Statements replacing the calendar and the settings.
pub fn replace_calendar(
    db: &D1Database,
    cal: &WorkCalendar,
    confirm_days: u32,
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    let mut out = vec![stmt(db, "DELETE FROM work_calendar", &[])?];
    for (days, kind) in [(&cal.holidays, "holiday"), (&cal.workdays, "workday")] {
        for day in days {
            out.push(stmt(
                db,
                "INSERT INTO work_calendar (day, kind) VALUES (?1, ?2)",
                &[text(&day.to_string()), text(kind)],
            )?);
        }
    }
    out.push(stmt(
        db,
        "INSERT INTO request_settings (id, confirm_days, updated_by, updated_at) VALUES (1, ?1, ?2, ?3) \
         ON CONFLICT (id) DO UPDATE SET confirm_days = ?1, updated_by = ?2, updated_at = ?3",
        &[
            JsValue::from(confirm_days),
            text(by.as_str()),
            text(&time(now)),
        ],
    )?);
    Ok(out)
}

// ---- Requests ----

#[derive(Deserialize)]
pub struct RequestRow {
    pub id: String,
    pub subcategory_id: String,
    pub handler_id: String,
    pub handler_name: String,
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
}

fn request_select() -> String {
    format!(
        "SELECT r.id, r.subcategory_id, r.handler_id, h.name AS handler_name, r.street_id, r.community_id, \
         r.compound_id, r.building_id, r.unit_id, {NAME_COLUMNS}, r.place_text, r.description, r.requester_id, \
         m.name AS requester_name, r.caller_name, r.caller_phone, r.registered_by, r.show_name, r.channel, r.status, \
         r.received_at, r.deadline, r.resolved_at, r.escalation, r.returned_to, rt.name AS returned_to_name, \
         r.merged_into, r.split_from, r.outcome, r.stars, r.rating_comment, r.rated_at, \
         (SELECT COUNT(*) FROM request_followers f WHERE f.request_id = r.id) AS followers, \
         s.name AS subcategory_name, c.name AS category_name, r.lat, r.long, r.updated_at \
         FROM requests r JOIN handling_units h ON h.id = r.handler_id \
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

/// Which requests a list shows.
pub enum Filter<'a> {
    /// Raised or joined by the member.
    Mine(&'a MemberId),
    /// With one of these units.
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

/// A page of requests, most recently changed first; one more than `limit` tells that more follow.
pub async fn list(
    db: &D1Database,
    filter: &Filter<'_>,
    status: &StatusFilter,
    cursor: Option<&yishi_core::api::Cursor>,
    limit: u32,
) -> ApiResult<Vec<RequestRow>> {
    let mut args: Vec<JsValue> = Vec::new();
    let mark = |v: JsValue, args: &mut Vec<JsValue>| {
        args.push(v);
        format!("?{}", args.len())
    };
    let mut conds: Vec<String> = Vec::new();
    match filter {
        Filter::Mine(member) => {
            let m = mark(text(member.as_str()), &mut args);
            conds.push(format!(
                "(r.requester_id = {m} OR EXISTS (SELECT 1 FROM request_followers f \
                 WHERE f.request_id = r.id AND f.member_id = {m}))"
            ));
        }
        Filter::Handling(units) => {
            if units.is_empty() {
                return Ok(Vec::new());
            }
            let marks: Vec<String> = units
                .iter()
                .map(|u| mark(text(u.as_str()), &mut args))
                .collect();
            conds.push(format!("r.handler_id IN ({})", marks.join(", ")));
        }
        Filter::Within(scopes) => {
            if scopes.is_empty() {
                return Ok(Vec::new());
            }
            let parts: Vec<String> = scopes
                .iter()
                .map(|s| super::scope_within_sql("r", s, &mut args))
                .collect();
            conds.push(format!("({})", parts.join(" OR ")));
        }
    }
    const OPEN: &str = "r.status IN ('received', 'accepted', 'in_progress', 'returned')";
    match status {
        StatusFilter::Any => {}
        StatusFilter::Open => conds.push(OPEN.to_owned()),
        StatusFilter::Overdue(now) => {
            let n = mark(text(&time(*now)), &mut args);
            conds.push(format!("{OPEN} AND r.deadline < {n}"));
        }
        StatusFilter::Escalated => conds.push(format!("{OPEN} AND r.escalation > 0")),
        StatusFilter::Is(s) => {
            let n = mark(text(s.as_str()), &mut args);
            conds.push(format!("r.status = {n}"));
        }
    }
    let mut sql = format!("{} WHERE {}", request_select(), conds.join(" AND "));
    super::page_sql(&mut sql, &mut args, ("r.updated_at", "r.id"), cursor, limit);
    all(db, &sql, &args).await
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
         registered_by, status, received_at, deadline, updated_at, split_from, lat, long) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'received', ?17, ?18, ?17, \
         ?19, ?20, ?21)",
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

pub fn attach_photo(
    db: &D1Database,
    photo: &PhotoId,
    request: &RequestId,
    event: Option<&EventId>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE photos SET request_id = ?2, request_event_id = ?3 WHERE id = ?1",
        &[
            text(photo.as_str()),
            text(request.as_str()),
            opt_text(event.map(EventId::as_str)),
        ],
    )
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

// ---- The scheduled job ----

#[derive(Deserialize)]
pub struct DueRow {
    pub id: String,
    pub status: String,
    pub deadline: String,
    pub escalation: i64,
}

/// Open requests past their deadline, and resolved ones resolved before `resolved_before`.
pub async fn due(
    db: &D1Database,
    now: DateTime<Utc>,
    resolved_before: DateTime<Utc>,
) -> ApiResult<Vec<DueRow>> {
    all(
        db,
        "SELECT id, status, deadline, escalation FROM requests \
         WHERE (status IN ('received', 'accepted', 'in_progress', 'returned') AND deadline < ?1 AND escalation < 3) \
            OR (status = 'resolved' AND resolved_at < ?2) LIMIT 500",
        &[text(&time(now)), text(&time(resolved_before))],
    )
    .await
}

/// Raises the escalation of an open request from `from`; if it moved meanwhile the column would become
/// NULL, which the table refuses (see [`super::batch_guarded`]).
pub fn escalate(
    db: &D1Database,
    id: &str,
    from: i64,
    to: Escalation,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE requests SET escalation = CASE WHEN escalation = ?2 THEN ?3 ELSE NULL END WHERE id = ?1",
        &[
            text(id),
            JsValue::from(from as f64),
            JsValue::from(to.level()),
        ],
    )
}

// ---- Figures ----

#[derive(Deserialize)]
pub struct FigureRow {
    pub handler_id: String,
    pub handler_name: String,
    pub category_id: String,
    pub category_name: String,
    pub received_at: String,
    pub deadline: String,
    pub resolved_at: Option<String>,
    pub status: String,
    pub stars: Option<i64>,
}

/// Requests received in `[from, to)` within one of `scopes`.
pub async fn figure_rows(
    db: &D1Database,
    scopes: &[ScopePath],
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> ApiResult<Vec<FigureRow>> {
    if scopes.is_empty() {
        return Ok(Vec::new());
    }
    let mut args = vec![text(&time(from)), text(&time(to))];
    let parts: Vec<String> = scopes
        .iter()
        .map(|s| super::scope_within_sql("r", s, &mut args))
        .collect();
    all(
        db,
        &format!(
            "SELECT r.handler_id, h.name AS handler_name, s.category_id, c.name AS category_name, r.received_at, \
             r.deadline, r.resolved_at, r.status, r.stars FROM requests r \
             JOIN handling_units h ON h.id = r.handler_id JOIN request_subcategories s ON s.id = r.subcategory_id \
             JOIN request_categories c ON c.id = s.category_id \
             WHERE r.received_at >= ?1 AND r.received_at < ?2 AND ({})",
            parts.join(" OR ")
        ),
        &args,
    )
    .await
}

// ---- Open311 keys ----

pub async fn open311_key(db: &D1Database, hash: &str) -> ApiResult<Option<(String, String)>> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
        community_id: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT name, community_id FROM open311_keys WHERE key_hash = ?1 AND revoked_at IS NULL",
        &[text(hash)],
    )
    .await?
    .map(|r| (r.name, r.community_id)))
}

pub fn insert_open311_key(
    db: &D1Database,
    hash: &str,
    name: &str,
    community: &str,
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO open311_keys (key_hash, name, community_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(hash),
            text(name),
            text(community),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

/// Requests for the public Open311 list: by ids, or by subcategory, received within `[start, end)` and
/// open or closed, newest first, at most `limit`.
pub struct PublicQuery<'a> {
    pub ids: &'a [RequestId],
    pub subcategory: Option<&'a str>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// `Some(true)` open only, `Some(false)` closed only.
    pub open: Option<bool>,
    pub limit: u32,
}

pub async fn public_list(db: &D1Database, q: &PublicQuery<'_>) -> ApiResult<Vec<RequestRow>> {
    let mut args: Vec<JsValue> = Vec::new();
    let mut conds: Vec<String> = Vec::new();
    if q.ids.is_empty() {
        args.push(text(&time(q.start)));
        args.push(text(&time(q.end)));
        conds.push("r.received_at >= ?1 AND r.received_at < ?2".to_owned());
        if let Some(code) = q.subcategory {
            args.push(text(code));
            conds.push(format!("r.subcategory_id = ?{}", args.len()));
        }
    } else {
        let marks: Vec<String> = q
            .ids
            .iter()
            .map(|id| {
                args.push(text(id.as_str()));
                format!("?{}", args.len())
            })
            .collect();
        conds.push(format!("r.id IN ({})", marks.join(", ")));
    }
    match q.open {
        Some(true) => {
            conds
                .push("r.status IN ('received', 'accepted', 'in_progress', 'returned')".to_owned());
        }
        Some(false) => conds.push("r.status IN ('resolved', 'closed', 'merged')".to_owned()),
        None => {}
    }
    args.push(JsValue::from(q.limit));
    all(
        db,
        &format!(
            "{} WHERE {} ORDER BY r.received_at DESC, r.id DESC LIMIT ?{}",
            request_select(),
            conds.join(" AND "),
            args.len()
        ),
        &args,
    )
    .await
}

#[derive(Deserialize)]
pub struct KeyRow {
    pub key_hash: String,
    pub name: String,
    pub community_id: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// The keys issued for `communities`, newest first.
pub async fn open311_keys(db: &D1Database, communities: &[String]) -> ApiResult<Vec<KeyRow>> {
    if communities.is_empty() {
        return Ok(Vec::new());
    }
    let args: Vec<JsValue> = communities.iter().map(|c| text(c)).collect();
    let marks: Vec<String> = (1..=args.len()).map(|i| format!("?{i}")).collect();
    all(
        db,
        &format!(
            "SELECT key_hash, name, community_id, created_at, revoked_at FROM open311_keys \
             WHERE community_id IN ({}) ORDER BY created_at DESC",
            marks.join(", ")
        ),
        &args,
    )
    .await
}

pub fn revoke_open311_key(
    db: &D1Database,
    hash: &str,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE open311_keys SET revoked_at = ?2 WHERE key_hash = ?1 AND revoked_at IS NULL",
        &[text(hash), text(&time(now))],
    )
}
