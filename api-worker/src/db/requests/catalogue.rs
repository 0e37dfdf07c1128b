//! The catalogue: responsible units and their members, categories, subcategories with their time
//! limits; the working-day calendar and the days a resolved request waits for its resident.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::requests::{CategoryView, SubcategoryView, UnitMemberView, UnitRef, UnitView};
use yishi_core::ids::{
    CommunityId, HandlingUnitId, MemberId, RequestCategoryId, StreetId, SubcategoryId,
};
use yishi_core::requests::{CONFIRM_DAYS_DEFAULT, TimeLimit, UnitKind, WorkCalendar};
use yishi_core::territory::ScopePath;

use crate::db::{all, first, opt_text, stmt, text, time};
use crate::error::{ApiError, ApiResult};

#[derive(Deserialize)]
struct UnitRow {
    id: String,
    name: String,
    kind: String,
    community_id: Option<String>,
    street_id: Option<String>,
}

impl UnitRow {
    /// The community whose unit it is, as a place; `None` for the district's.
    fn owner(&self) -> Option<ScopePath> {
        owner_path(self.street_id.as_deref(), self.community_id.as_deref())
    }
}

/// A unit's owner from its stored columns: its community's path, or `None` for the district's.
pub fn owner_path(street: Option<&str>, community: Option<&str>) -> Option<ScopePath> {
    street
        .zip(community)
        .map(|(s, c)| ScopePath::community(StreetId::from_trusted(s), CommunityId::from_trusted(c)))
}

/// The columns of a unit with its owner's street.
const UNIT_SELECT: &str = "SELECT h.id, h.name, h.kind, h.community_id, oc.street_id FROM handling_units h \
     LEFT JOIN communities oc ON oc.id = h.community_id";

/// A unit as routes need it: what it is called, its kind and its owner.
pub struct UnitRecord {
    pub unit: UnitRef,
    pub kind: UnitKind,
    /// Its community; `None` for the district's.
    pub owner: Option<ScopePath>,
}

impl From<UnitRow> for UnitRecord {
    fn from(r: UnitRow) -> UnitRecord {
        UnitRecord {
            owner: r.owner(),
            kind: UnitKind::parse(&r.kind).unwrap_or(UnitKind::CommunityOffice),
            unit: UnitRef {
                id: HandlingUnitId::from_trusted(&r.id),
                name: r.name,
            },
        }
    }
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

/// The whole catalogue: categories with their subcategories, units with their members and owners (their
/// community's path; `None` for the district's). Whether the reader keeps a unit is left to the route.
pub async fn catalogue(
    db: &D1Database,
) -> ApiResult<(Vec<CategoryView>, Vec<(UnitView, Option<ScopePath>)>)> {
    let categories: Vec<CategoryRow> = all(
        db,
        "SELECT id, name FROM request_categories ORDER BY position, name",
        &[],
    )
    .await?;
    let subs = subcategories(db).await?;
    let units: Vec<UnitRow> = all(db, &format!("{UNIT_SELECT} ORDER BY h.name"), &[]).await?;
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
        .map(|u| {
            let owner = u.owner();
            let view = UnitView {
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
                community: u.community_id.as_deref().map(CommunityId::from_trusted),
                can_edit: false,
                name: u.name,
            };
            (view, owner)
        })
        .collect();
    Ok((categories, units))
}

pub async fn unit(db: &D1Database, id: &str) -> ApiResult<Option<UnitRecord>> {
    Ok(
        first::<UnitRow>(db, &format!("{UNIT_SELECT} WHERE h.id = ?1"), &[text(id)])
            .await?
            .map(UnitRecord::from),
    )
}

/// The unit a request about `place` goes to when its subcategory names `named`: that unit when it
/// serves the place ([`yishi_core::requests::serves`]); when it is another community's, the place's own
/// community's unit of the same kind (the first by name: its own office rather than the neighbour's);
/// `None` when the place's community has none.
pub async fn route_unit(
    db: &D1Database,
    named: &str,
    place: &ScopePath,
) -> ApiResult<Option<UnitRecord>> {
    let Some(unit) = unit(db, named).await? else {
        return Ok(None);
    };
    if yishi_core::requests::serves(unit.owner.as_ref(), place) {
        return Ok(Some(unit));
    }
    let Some(community) = place.community_id() else {
        return Ok(None);
    };
    Ok(first::<UnitRow>(
        db,
        &format!(
            "{UNIT_SELECT} WHERE h.community_id = ?1 AND h.kind = ?2 ORDER BY h.name, h.id LIMIT 1"
        ),
        &[text(community.as_str()), text(unit.kind.as_str())],
    )
    .await?
    .map(UnitRecord::from))
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

/// A new unit of `community` (`None`: of the whole district).
pub fn insert_unit(
    db: &D1Database,
    id: &HandlingUnitId,
    (name, kind): (&str, UnitKind),
    community: Option<&CommunityId>,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO handling_units (id, name, kind, community_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(id.as_str()),
            text(name),
            text(kind.as_str()),
            opt_text(community.map(CommunityId::as_str)),
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
