//! The territory: resolving a client's scope reference into a full path, names, and the tree of places.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::territory::PlaceView;
use yishi_core::ids::{BuildingId, CommunityId, CompoundId, StreetId};
use yishi_core::territory::import::NewPlace;
use yishi_core::territory::{PlaceKind, ScopeKind, ScopePath, ScopeRef};

use super::{PathColumns, all, batch_rows, first, opt_text, stmt, text, time};
use crate::error::{ApiError, ApiResult};

/// The path of the place a client names, or `None` when there is no such place.
pub async fn resolve(db: &D1Database, scope: &ScopeRef) -> ApiResult<Option<ScopePath>> {
    let sql = match scope.kind {
        ScopeKind::Street => {
            "SELECT s.id AS street_id, NULL AS community_id, NULL AS compound_id, NULL AS building_id, NULL AS unit_id FROM streets s WHERE s.id = ?1"
        }
        ScopeKind::Community => {
            "SELECT c.street_id, c.id AS community_id, NULL AS compound_id, NULL AS building_id, NULL AS unit_id FROM communities c WHERE c.id = ?1"
        }
        ScopeKind::Compound => {
            "SELECT c.street_id, c.id AS community_id, cp.id AS compound_id, NULL AS building_id, NULL AS unit_id FROM compounds cp JOIN communities c ON c.id = cp.community_id WHERE cp.id = ?1"
        }
        ScopeKind::Building => {
            "SELECT c.street_id, c.id AS community_id, cp.id AS compound_id, b.id AS building_id, NULL AS unit_id FROM buildings b JOIN compounds cp ON cp.id = b.compound_id JOIN communities c ON c.id = cp.community_id WHERE b.id = ?1"
        }
        ScopeKind::Unit => {
            "SELECT c.street_id, c.id AS community_id, cp.id AS compound_id, b.id AS building_id, u.id AS unit_id FROM units u JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id JOIN communities c ON c.id = cp.community_id WHERE u.id = ?1"
        }
    };
    let row: Option<PathColumns> = first(db, sql, &[text(&scope.id)]).await?;
    row.map(|r| r.to_path()).transpose()
}

/// Display names of the levels of a path, joined the way residents say them.
#[derive(Debug, Deserialize)]
pub struct PathNames {
    pub street_name: Option<String>,
    pub community_name: Option<String>,
    pub compound_name: Option<String>,
    pub building_name: Option<String>,
    pub unit_name: Option<String>,
}

/// The SQL joins that produce [`PathNames`] columns for a record with path columns under `alias`.
pub const NAME_JOINS: &str = "LEFT JOIN streets s_ ON s_.id = {a}.street_id \
     LEFT JOIN communities c_ ON c_.id = {a}.community_id \
     LEFT JOIN compounds cp_ ON cp_.id = {a}.compound_id \
     LEFT JOIN buildings b_ ON b_.id = {a}.building_id \
     LEFT JOIN units u_ ON u_.id = {a}.unit_id";
pub const NAME_COLUMNS: &str = "s_.name AS street_name, c_.name AS community_name, cp_.name AS compound_name, b_.name AS building_name, u_.name AS unit_name";

pub fn name_joins(alias: &str) -> String {
    NAME_JOINS.replace("{a}", alias)
}

impl PathNames {
    /// `幸福社区`, `阳光小区`, `阳光小区 3号楼`, `阳光小区 3号楼 1单元`, or the street's name.
    pub fn display(&self) -> String {
        let deep: Vec<&str> = [&self.compound_name, &self.building_name, &self.unit_name]
            .into_iter()
            .filter_map(|n| n.as_deref())
            .collect();
        if !deep.is_empty() {
            deep.join(" ")
        } else {
            self.community_name
                .clone()
                .or_else(|| self.street_name.clone())
                .unwrap_or_default()
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct CommunityRow {
    pub id: String,
    pub street_id: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct CompoundRow {
    pub id: String,
    pub community_id: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct BuildingRow {
    pub id: String,
    pub compound_id: String,
    pub name: String,
}

/// The places of the given streets, as a tree, in name order.
pub struct Tree {
    pub communities: Vec<(CommunityRow, ScopePath)>,
    pub compounds: Vec<(CompoundRow, ScopePath)>,
    pub buildings: Vec<(BuildingRow, ScopePath)>,
}

pub async fn tree_of_street(db: &D1Database, street: &StreetId) -> ApiResult<Tree> {
    let args = [text(street.as_str())];
    let results = batch_rows(
        db,
        &[
            ("SELECT id, street_id, name FROM communities WHERE street_id = ?1 ORDER BY name, id", &args),
            ("SELECT cp.id, cp.community_id, cp.name FROM compounds cp JOIN communities c ON c.id = cp.community_id WHERE c.street_id = ?1 AND cp.archived_at IS NULL ORDER BY cp.name, cp.id", &args),
            ("SELECT b.id, b.compound_id, b.name FROM buildings b JOIN compounds cp ON cp.id = b.compound_id JOIN communities c ON c.id = cp.community_id WHERE c.street_id = ?1 AND b.archived_at IS NULL ORDER BY length(b.name), b.name, b.id", &args),
        ],
    )
    .await?;
    let [communities, compounds, buildings] = results.as_slice() else {
        return Err(ApiError::internal(
            "tree batch returned the wrong number of results",
        ));
    };
    let communities: Vec<CommunityRow> = communities.results()?;
    let compounds: Vec<CompoundRow> = compounds.results()?;
    let buildings: Vec<BuildingRow> = buildings.results()?;

    let communities: Vec<(CommunityRow, ScopePath)> = communities
        .into_iter()
        .map(|c| {
            let p = ScopePath::community(
                StreetId::from_trusted(&c.street_id),
                CommunityId::from_trusted(&c.id),
            );
            (c, p)
        })
        .collect();
    let compounds: Vec<(CompoundRow, ScopePath)> = compounds
        .into_iter()
        .filter_map(|cp| {
            let parent = communities.iter().find(|(c, _)| c.id == cp.community_id)?;
            let p = ScopePath::compound(
                parent.1.street_id().clone(),
                CommunityId::from_trusted(&cp.community_id),
                CompoundId::from_trusted(&cp.id),
            );
            Some((cp, p))
        })
        .collect();
    let buildings: Vec<(BuildingRow, ScopePath)> = buildings
        .into_iter()
        .filter_map(|b| {
            let (_, parent) = compounds.iter().find(|(cp, _)| cp.id == b.compound_id)?;
            let community = parent.community_id()?.clone();
            let p = ScopePath::building(
                parent.street_id().clone(),
                community,
                CompoundId::from_trusted(&b.compound_id),
                BuildingId::from_trusted(&b.id),
            );
            Some((b, p))
        })
        .collect();
    Ok(Tree {
        communities,
        compounds,
        buildings,
    })
}

/// A managed place as stored.
#[derive(Debug, Deserialize)]
struct PlaceRow {
    id: String,
    parent_id: String,
    name: String,
    code: Option<String>,
    archived_at: Option<String>,
}

impl PlaceRow {
    fn into_view(self, kind: PlaceKind) -> PlaceView {
        PlaceView {
            kind,
            id: self.id,
            parent_id: self.parent_id,
            name: self.name,
            code: self.code,
            archived: self.archived_at.is_some(),
        }
    }
}

fn code_column(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Household => "NULL",
        PlaceKind::Compound | PlaceKind::Building | PlaceKind::Unit => "code",
    }
}

/// A place with the scope it lies in (a household's is its unit's).
pub async fn place(
    db: &D1Database,
    kind: PlaceKind,
    id: &str,
) -> ApiResult<Option<(PlaceView, ScopePath)>> {
    let (table, parent) = kind.table();
    let sql = format!(
        "SELECT id, {parent} AS parent_id, name, {} AS code, archived_at FROM {table} WHERE id = ?1",
        code_column(kind)
    );
    let Some(row) = first::<PlaceRow>(db, &sql, &[text(id)]).await? else {
        return Ok(None);
    };
    let scope_id = match kind {
        PlaceKind::Household => row.parent_id.clone(),
        _ => row.id.clone(),
    };
    let path = resolve(
        db,
        &ScopeRef {
            kind: kind.scope(),
            id: scope_id,
        },
    )
    .await?
    .ok_or_else(|| ApiError::internal(format!("place {id} has no path")))?;
    Ok(Some((row.into_view(kind), path)))
}

/// The scope of a would-be parent and whether it is archived (communities never are).
pub async fn parent(
    db: &D1Database,
    kind: PlaceKind,
    parent_id: &str,
) -> ApiResult<Option<(ScopePath, bool)>> {
    let scope = kind.parent_scope();
    let Some(path) = resolve(
        db,
        &ScopeRef {
            kind: scope,
            id: parent_id.to_owned(),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    let archived = match scope {
        ScopeKind::Street | ScopeKind::Community => false,
        ScopeKind::Compound | ScopeKind::Building | ScopeKind::Unit => {
            #[derive(Deserialize)]
            struct Archived {
                archived_at: Option<String>,
            }
            let table = match scope {
                ScopeKind::Compound => "compounds",
                ScopeKind::Building => "buildings",
                _ => "units",
            };
            first::<Archived>(
                db,
                &format!("SELECT archived_at FROM {table} WHERE id = ?1"),
                &[text(parent_id)],
            )
            .await?
            .is_some_and(|a| a.archived_at.is_some())
        }
    };
    Ok(Some((path, archived)))
}

pub fn insert_place(
    db: &D1Database,
    place: &NewPlace,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let (table, parent) = place.kind.table();
    match place.kind {
        PlaceKind::Household => stmt(
            db,
            &format!(
                "INSERT INTO {table} (id, {parent}, name, created_at) VALUES (?1, ?2, ?3, ?4)"
            ),
            &[
                text(&place.id),
                text(&place.parent_id),
                text(&place.name),
                text(&time(now)),
            ],
        ),
        _ => stmt(
            db,
            &format!(
                "INSERT INTO {table} (id, {parent}, name, code, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
            ),
            &[
                text(&place.id),
                text(&place.parent_id),
                text(&place.name),
                opt_text(place.code.as_deref()),
                text(&time(now)),
            ],
        ),
    }
}

/// Many new places of one kind in one statement (the rows travel as one JSON parameter).
pub fn insert_places(
    db: &D1Database,
    kind: PlaceKind,
    places: &[&NewPlace],
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let (table, parent) = kind.table();
    let (columns, values) = match kind {
        PlaceKind::Household => ("", ""),
        _ => (", code", ", json_extract(value, '$.code')"),
    };
    stmt(
        db,
        &format!(
            "INSERT INTO {table} (id, {parent}, name{columns}, created_at) \
             SELECT json_extract(value, '$.id'), json_extract(value, '$.parent_id'), json_extract(value, '$.name'){values}, ?2 \
             FROM json_each(?1)"
        ),
        &[text(&serde_json::to_string(places)?), text(&time(now))],
    )
}

pub fn update_place(
    db: &D1Database,
    kind: PlaceKind,
    id: &str,
    name: &str,
    code: Option<&str>,
    // Households only: `Some(area)` sets (or with `None` clears) the floor area; `None` keeps it.
    floor_area: Option<Option<u32>>,
) -> ApiResult<D1PreparedStatement> {
    let (table, _) = kind.table();
    match kind {
        PlaceKind::Household => stmt(
            db,
            &format!(
                "UPDATE {table} SET name = ?2, floor_area = CASE WHEN ?3 THEN ?4 ELSE floor_area END WHERE id = ?1"
            ),
            &[
                text(id),
                text(name),
                JsValue::from(floor_area.is_some()),
                floor_area
                    .flatten()
                    .map_or(JsValue::NULL, |a| JsValue::from(f64::from(a))),
            ],
        ),
        _ => stmt(
            db,
            &format!("UPDATE {table} SET name = ?2, code = ?3 WHERE id = ?1"),
            &[text(id), text(name), opt_text(code)],
        ),
    }
}

/// The place and everything below it: (table, condition on `?1` = the place's id).
fn subtree(kind: PlaceKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        PlaceKind::Compound => &[
            ("compounds", "id = ?1"),
            ("buildings", "compound_id = ?1"),
            (
                "units",
                "building_id IN (SELECT id FROM buildings WHERE compound_id = ?1)",
            ),
            (
                "households",
                "unit_id IN (SELECT u.id FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.compound_id = ?1)",
            ),
        ],
        PlaceKind::Building => &[
            ("buildings", "id = ?1"),
            ("units", "building_id = ?1"),
            (
                "households",
                "unit_id IN (SELECT id FROM units WHERE building_id = ?1)",
            ),
        ],
        PlaceKind::Unit => &[("units", "id = ?1"), ("households", "unit_id = ?1")],
        PlaceKind::Household => &[("households", "id = ?1")],
    }
}

fn households_below(kind: PlaceKind) -> String {
    let (_, cond) = subtree(kind)
        .iter()
        .find(|(t, _)| *t == "households")
        .copied()
        .unwrap_or(("households", "id = ?1"));
    format!("SELECT id FROM households WHERE {cond}")
}

/// Households below the place that still have members.
pub async fn inhabited_households(db: &D1Database, kind: PlaceKind, id: &str) -> ApiResult<u32> {
    #[derive(Deserialize)]
    struct Count {
        n: u32,
    }
    let sql = format!(
        "SELECT COUNT(DISTINCT household_id) AS n FROM members WHERE household_id IN ({})",
        households_below(kind)
    );
    Ok(first::<Count>(db, &sql, &[text(id)])
        .await?
        .map_or(0, |c| c.n))
}

/// Archives the place and what lies below it, only while no household there has members (checked in
/// the same transaction, so a resident joining meanwhile cannot be cut off).
pub fn archive(
    db: &D1Database,
    kind: PlaceKind,
    id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    let empty = format!(
        "NOT EXISTS (SELECT 1 FROM members WHERE household_id IN ({}))",
        households_below(kind)
    );
    subtree(kind)
        .iter()
        .map(|(table, cond)| {
            stmt(
                db,
                &format!(
                    "UPDATE {table} SET archived_at = ?2 WHERE {cond} AND archived_at IS NULL AND {empty}"
                ),
                &[text(id), text(&time(now))],
            )
        })
        .collect()
}

/// Restores the place and what was archived with it (same time stamp); things archived on their own
/// before stay archived.
pub fn restore(
    db: &D1Database,
    kind: PlaceKind,
    id: &str,
    archived_at: &str,
) -> ApiResult<Vec<D1PreparedStatement>> {
    subtree(kind)
        .iter()
        .map(|(table, cond)| {
            stmt(
                db,
                &format!("UPDATE {table} SET archived_at = NULL WHERE {cond} AND archived_at = ?2"),
                &[text(id), text(archived_at)],
            )
        })
        .collect()
}

pub async fn archived_at(db: &D1Database, kind: PlaceKind, id: &str) -> ApiResult<Option<String>> {
    #[derive(Deserialize)]
    struct Archived {
        archived_at: Option<String>,
    }
    let (table, _) = kind.table();
    Ok(first::<Archived>(
        db,
        &format!("SELECT archived_at FROM {table} WHERE id = ?1"),
        &[text(id)],
    )
    .await?
    .and_then(|a| a.archived_at))
}

/// Every place of a community (for import matching and the tree).
pub async fn places_of_community(
    db: &D1Database,
    community: &str,
) -> ApiResult<Vec<(PlaceKind, PlaceView)>> {
    let args = [text(community)];
    let results = batch_rows(
        db,
        &[
            ("SELECT id, community_id AS parent_id, name, code, archived_at FROM compounds WHERE community_id = ?1", &args),
            ("SELECT b.id, b.compound_id AS parent_id, b.name, b.code, b.archived_at FROM buildings b JOIN compounds cp ON cp.id = b.compound_id WHERE cp.community_id = ?1", &args),
            ("SELECT u.id, u.building_id AS parent_id, u.name, u.code, u.archived_at FROM units u JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id WHERE cp.community_id = ?1", &args),
            ("SELECT h.id, h.unit_id AS parent_id, h.name, NULL AS code, h.archived_at FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id WHERE cp.community_id = ?1", &args),
        ],
    )
    .await?;
    let mut out = Vec::new();
    for (kind, result) in PlaceKind::ALL.into_iter().zip(results.iter()) {
        for row in result.results::<PlaceRow>()? {
            out.push((kind, row.into_view(kind)));
        }
    }
    Ok(out)
}

/// Households, confirmed and pending residents of each unit of a community.
#[derive(Debug, Deserialize)]
pub struct UnitFigures {
    pub unit_id: String,
    pub households: u32,
    pub residents: u32,
    pub pending: u32,
}

pub async fn unit_figures(db: &D1Database, community: &str) -> ApiResult<Vec<UnitFigures>> {
    all(
        db,
        "SELECT h.unit_id, COUNT(DISTINCT h.id) AS households, \
                COALESCE(SUM(m.verification = 'confirmed'), 0) AS residents, \
                COALESCE(SUM(m.verification = 'pending'), 0) AS pending \
         FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id \
              JOIN compounds cp ON cp.id = b.compound_id \
              LEFT JOIN members m ON m.household_id = h.id \
         WHERE cp.community_id = ?1 AND h.archived_at IS NULL \
         GROUP BY h.unit_id",
        &[text(community)],
    )
    .await
}

pub async fn communities(db: &D1Database, ids: &[String]) -> ApiResult<Vec<CommunityPlace>> {
    all(
        db,
        "SELECT id, street_id, name, code FROM communities WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY name, id",
        &[text(&serde_json::to_string(ids)?)],
    )
    .await
}

pub async fn communities_of_street(
    db: &D1Database,
    street: &str,
) -> ApiResult<Vec<CommunityPlace>> {
    all(
        db,
        "SELECT id, street_id, name, code FROM communities WHERE street_id = ?1 ORDER BY name, id",
        &[text(street)],
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct CommunityPlace {
    pub id: String,
    pub street_id: String,
    pub name: String,
    pub code: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct HouseholdRow {
    pub id: String,
    pub name: String,
    pub archived_at: Option<String>,
    pub representative_id: Option<String>,
    pub floor_area: Option<u32>,
    pub live_invites: u32,
}

#[derive(Debug, Deserialize)]
pub struct HouseholdMemberRow {
    pub id: String,
    pub name: String,
    pub household_id: String,
    pub verification: Option<String>,
    pub has_phone: u32,
}

/// The households of a unit in door order, and their members.
pub async fn households_of_unit(
    db: &D1Database,
    unit: &str,
) -> ApiResult<(Vec<HouseholdRow>, Vec<HouseholdMemberRow>)> {
    let args = [text(unit)];
    let results = batch_rows(
        db,
        &[
            ("SELECT h.id, h.name, h.archived_at, h.representative_id, h.floor_area, \
                     (SELECT COUNT(*) FROM invite_codes ic WHERE ic.household_id = h.id AND ic.used_by IS NULL AND ic.revoked_at IS NULL) AS live_invites \
              FROM households h WHERE h.unit_id = ?1 ORDER BY length(h.name), h.name, h.id", &args),
            ("SELECT m.id, m.name, m.household_id, m.verification, (m.phone IS NOT NULL) AS has_phone \
              FROM members m JOIN households h ON h.id = m.household_id WHERE h.unit_id = ?1 ORDER BY m.created_at, m.id", &args),
        ],
    )
    .await?;
    let [households, members] = results.as_slice() else {
        return Err(ApiError::internal(
            "household batch returned the wrong number of results",
        ));
    };
    Ok((households.results()?, members.results()?))
}

/// Display name of a scope: 「阳光小区 3号楼 1单元」.
pub async fn scope_name(db: &D1Database, path: &ScopePath) -> ApiResult<String> {
    let [street, community, compound, building, unit] = super::path_args(path);
    let names: Option<PathNames> = first(
        db,
        "SELECT (SELECT name FROM streets WHERE id = ?1) AS street_name, \
                (SELECT name FROM communities WHERE id = ?2) AS community_name, \
                (SELECT name FROM compounds WHERE id = ?3) AS compound_name, \
                (SELECT name FROM buildings WHERE id = ?4) AS building_name, \
                (SELECT name FROM units WHERE id = ?5) AS unit_name",
        &[street, community, compound, building, unit],
    )
    .await?;
    Ok(names.map(|n| n.display()).unwrap_or_default())
}
