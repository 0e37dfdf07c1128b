//! The territory: resolving a client's scope reference into a full path, names, and the tree of places.

use serde::Deserialize;
use worker::D1Database;
use yishi_core::ids::{BuildingId, CommunityId, CompoundId, StreetId};
use yishi_core::territory::{ScopeKind, ScopePath, ScopeRef};

use super::{PathColumns, batch_rows, first, text};
use crate::error::ApiResult;

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
            ("SELECT cp.id, cp.community_id, cp.name FROM compounds cp JOIN communities c ON c.id = cp.community_id WHERE c.street_id = ?1 ORDER BY cp.name, cp.id", &args),
            ("SELECT b.id, b.compound_id, b.name FROM buildings b JOIN compounds cp ON cp.id = b.compound_id JOIN communities c ON c.id = cp.community_id WHERE c.street_id = ?1 ORDER BY length(b.name), b.name, b.id", &args),
        ],
    )
    .await?;
    let [communities, compounds, buildings] = results.as_slice() else {
        return Err(crate::error::ApiError::internal(
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
