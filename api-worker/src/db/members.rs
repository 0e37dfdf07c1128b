//! Members: credentials, the signed-in actor with her home and roles, joining with an invite code.

use serde::Deserialize;
use worker::D1Database;
use yishi_core::api::auth::{HomeView, MemberView, RoleView};
use yishi_core::ids::{
    BuildingId, CommunityId, CompoundId, HouseholdId, MemberId, StreetId, UnitId,
};
use yishi_core::members::{Actor, MemberStatus, Role, RoleGrant};
use yishi_core::territory::{Placement, ScopePath};

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{PathColumns, batch, batch_rows, first, is_unique_violation, stmt, text, time};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
pub struct CredentialRow {
    pub id: String,
    pub password_hash: Option<String>,
    pub status: String,
}

pub async fn credentials_by_phone(
    db: &D1Database,
    phone: &str,
) -> ApiResult<Option<CredentialRow>> {
    first(
        db,
        "SELECT id, password_hash, status FROM members WHERE phone = ?1",
        &[text(phone)],
    )
    .await
}

#[derive(Debug, Deserialize)]
struct MemberRow {
    id: String,
    name: String,
    phone: Option<String>,
    status: String,
    household_id: Option<String>,
    household_name: Option<String>,
    unit_id: Option<String>,
    unit_name: Option<String>,
    building_id: Option<String>,
    building_name: Option<String>,
    compound_id: Option<String>,
    compound_name: Option<String>,
    community_id: Option<String>,
    community_name: Option<String>,
    street_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GrantRow {
    role: String,
    #[serde(flatten)]
    path: PathColumns,
    #[serde(flatten)]
    names: PathNames,
}

/// A member as the rules see her, and as the app shows her.
pub struct LoadedMember {
    pub actor: Actor,
    pub view: MemberView,
}

const MEMBER_SQL: &str = "SELECT m.id, m.name, m.phone, m.status, \
       h.id AS household_id, h.name AS household_name, u.id AS unit_id, u.name AS unit_name, \
       b.id AS building_id, b.name AS building_name, cp.id AS compound_id, cp.name AS compound_name, \
       c.id AS community_id, c.name AS community_name, c.street_id \
     FROM members m \
     LEFT JOIN households h ON h.id = m.household_id \
     LEFT JOIN units u ON u.id = h.unit_id \
     LEFT JOIN buildings b ON b.id = u.building_id \
     LEFT JOIN compounds cp ON cp.id = b.compound_id \
     LEFT JOIN communities c ON c.id = cp.community_id \
     WHERE m.id = ?1";

pub async fn load(db: &D1Database, id: &MemberId) -> ApiResult<Option<LoadedMember>> {
    let grants_sql = format!(
        "SELECT g.role, g.street_id, g.community_id, g.compound_id, g.building_id, g.unit_id, {NAME_COLUMNS} \
         FROM role_grants g {} WHERE g.member_id = ?1 ORDER BY g.created_at, g.role",
        name_joins("g")
    );
    let args = [text(id.as_str())];
    let results = batch_rows(db, &[(MEMBER_SQL, &args), (&grants_sql, &args)]).await?;
    let [member, grants] = results.as_slice() else {
        return Err(ApiError::internal(
            "member batch returned the wrong number of results",
        ));
    };
    let Some(row) = member.results::<MemberRow>()?.into_iter().next() else {
        return Ok(None);
    };
    let grant_rows: Vec<GrantRow> = grants.results()?;

    let mut grants = Vec::with_capacity(grant_rows.len());
    let mut roles = Vec::with_capacity(grant_rows.len());
    for g in grant_rows {
        let role = Role::parse(&g.role)
            .ok_or_else(|| ApiError::internal(format!("unknown role {:?}", g.role)))?;
        let scope = g.path.to_path()?;
        roles.push(RoleView {
            role,
            scope: scope.to_ref(),
            scope_name: g.names.display(),
        });
        grants.push(RoleGrant { role, scope });
    }
    let status = MemberStatus::parse(&row.status)
        .ok_or_else(|| ApiError::internal(format!("unknown member status {:?}", row.status)))?;
    let (placement, home) = placement_of(&row)?.unzip();
    Ok(Some(LoadedMember {
        actor: Actor {
            member: MemberId::from_trusted(&row.id),
            status,
            placement,
            grants,
        },
        view: MemberView {
            id: MemberId::from_trusted(&row.id),
            name: row.name,
            phone: row.phone.unwrap_or_default(),
            home,
            roles,
        },
    }))
}

fn placement_of(row: &MemberRow) -> ApiResult<Option<(Placement, HomeView)>> {
    let (
        Some(household),
        Some(unit),
        Some(building),
        Some(compound),
        Some(community),
        Some(street),
    ) = (
        &row.household_id,
        &row.unit_id,
        &row.building_id,
        &row.compound_id,
        &row.community_id,
        &row.street_id,
    )
    else {
        return Ok(None);
    };
    let unit_path = ScopePath::unit(
        StreetId::from_trusted(street),
        CommunityId::from_trusted(community),
        CompoundId::from_trusted(compound),
        BuildingId::from_trusted(building),
        UnitId::from_trusted(unit),
    );
    let household = HouseholdId::from_trusted(household);
    let home = HomeView {
        household: household.clone(),
        community_name: row.community_name.clone().unwrap_or_default(),
        compound_name: row.compound_name.clone().unwrap_or_default(),
        building_name: row.building_name.clone().unwrap_or_default(),
        unit_name: row.unit_name.clone().unwrap_or_default(),
        household_name: row.household_name.clone().unwrap_or_default(),
    };
    Ok(Some((
        Placement {
            household,
            unit: unit_path,
        },
        home,
    )))
}

/// A resident about to join a household.
pub struct NewResident<'a> {
    pub id: &'a MemberId,
    pub name: &'a str,
    pub phone: &'a str,
    pub password_hash: &'a str,
    pub invite_code: &'a str,
    pub now: chrono::DateTime<chrono::Utc>,
}

pub enum JoinOutcome {
    Joined,
    CodeInvalid,
    PhoneTaken,
}

/// Creates the resident in the code's household and marks the code used, in one transaction: the member
/// is inserted only while the code is unused and unrevoked, and the code is marked only if she was.
pub async fn join(db: &D1Database, r: &NewResident<'_>) -> ApiResult<JoinOutcome> {
    let now = time(r.now);
    let insert = stmt(
        db,
        "INSERT INTO members (id, name, phone, password_hash, household_id, status, created_at) \
         SELECT ?1, ?2, ?3, ?4, ic.household_id, 'active', ?5 FROM invite_codes ic \
         WHERE ic.code = ?6 AND ic.used_by IS NULL AND ic.revoked_at IS NULL",
        &[
            text(r.id.as_str()),
            text(r.name),
            text(r.phone),
            text(r.password_hash),
            text(&now),
            text(r.invite_code),
        ],
    )?;
    let mark = stmt(
        db,
        "UPDATE invite_codes SET used_by = ?1, used_at = ?2 \
         WHERE code = ?3 AND used_by IS NULL AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM members WHERE id = ?1)",
        &[text(r.id.as_str()), text(&now), text(r.invite_code)],
    )?;
    match batch(db, vec![insert, mark]).await {
        Ok(changes) if changes.first() == Some(&1) => Ok(JoinOutcome::Joined),
        Ok(_) => Ok(JoinOutcome::CodeInvalid),
        Err(e) if is_unique_violation(&e, "members.phone") => Ok(JoinOutcome::PhoneTaken),
        Err(e) => Err(e),
    }
}

pub async fn phone_exists(db: &D1Database, phone: &str) -> ApiResult<bool> {
    #[derive(Deserialize)]
    struct One {
        #[expect(dead_code, reason = "only the row's presence matters")]
        id: String,
    }
    Ok(first::<One>(
        db,
        "SELECT id FROM members WHERE phone = ?1",
        &[text(phone)],
    )
    .await?
    .is_some())
}
