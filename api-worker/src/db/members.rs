//! Members: credentials, the actor with her home and roles, the directory staff read, joining with an
//! invite code, verification, roles, households' representatives, profiles.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::Cursor;
use yishi_core::api::auth::{HomeView, MemberView, Profile, RoleView};
use yishi_core::api::members::MemberSummary;
use yishi_core::ids::{
    BuildingId, CommunityId, CompoundId, HouseholdId, MemberId, StreetId, UnitId,
};
use yishi_core::members::{Actor, Home, MemberStatus, NameDisplay, Role, RoleGrant, Verification};
use yishi_core::territory::{Placement, ScopePath};
use yishi_core::{DomainError, Lang};

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{
    PathColumns, all, batch, batch_rows, first, is_unique_violation, opt_text, parse_time,
    path_args, scope_within_sql, stmt, text, time,
};
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

/// The member with this phone number whose home is in `community` (confirmed or not), if any.
pub async fn resident_by_phone(
    db: &D1Database,
    phone: &str,
    community: &CommunityId,
) -> ApiResult<Option<MemberId>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT m.id FROM members m JOIN households hh ON hh.id = m.household_id \
         JOIN units u ON u.id = hh.unit_id JOIN buildings b ON b.id = u.building_id \
         JOIN compounds cp ON cp.id = b.compound_id WHERE m.phone = ?1 AND cp.community_id = ?2",
        &[text(phone), text(community.as_str())],
    )
    .await?
    .map(|r| MemberId::from_trusted(&r.id)))
}

pub async fn credentials_by_id(db: &D1Database, id: &MemberId) -> ApiResult<Option<CredentialRow>> {
    first(
        db,
        "SELECT id, password_hash, status FROM members WHERE id = ?1",
        &[text(id.as_str())],
    )
    .await
}

#[derive(Debug, Deserialize)]
struct MemberRow {
    id: String,
    name: String,
    phone: Option<String>,
    status: String,
    verification: Option<String>,
    name_display: String,
    lang: Option<String>,
    large_type: i64,
    notification_prefs: Option<String>,
    created_at: String,
    birth_year: Option<u16>,
    representative: Option<i64>,
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
    member_id: String,
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
    pub joined_at: chrono::DateTime<chrono::Utc>,
    pub birth_year: Option<u16>,
}

impl LoadedMember {
    /// Where she "is" for permissions on her: home, or the common scope of her grants.
    pub fn anchor(&self) -> Option<ScopePath> {
        yishi_core::members::anchor(
            self.actor.home.as_ref().map(|h| &h.placement),
            &self.actor.grants,
        )
    }

    pub fn summary(&self) -> MemberSummary {
        MemberSummary {
            id: self.view.id.clone(),
            name: self.view.name.clone(),
            phone: self.view.phone.clone(),
            status: self.actor.status,
            home: self.view.home.clone(),
            verification: self.actor.home.as_ref().map(|h| h.verification),
            representative: self.actor.home.as_ref().is_some_and(|h| h.representative),
            roles: self.view.roles.clone(),
            joined_at: self.joined_at,
            birth_year: self.birth_year,
        }
    }
}

/// Every member column and her home's path, as the view `x` that list filters apply to.
const MEMBER_SELECT: &str = "SELECT m.id, m.name, m.phone, m.status, m.verification, m.name_display, \
       m.lang, m.large_type, m.notification_prefs, m.created_at, m.birth_year, (h.representative_id = m.id) AS representative, \
       h.id AS household_id, h.name AS household_name, u.id AS unit_id, u.name AS unit_name, \
       b.id AS building_id, b.name AS building_name, cp.id AS compound_id, cp.name AS compound_name, \
       c.id AS community_id, c.name AS community_name, c.street_id \
     FROM members m \
     LEFT JOIN households h ON h.id = m.household_id \
     LEFT JOIN units u ON u.id = h.unit_id \
     LEFT JOIN buildings b ON b.id = u.building_id \
     LEFT JOIN compounds cp ON cp.id = b.compound_id \
     LEFT JOIN communities c ON c.id = cp.community_id";

fn grants_sql(filter: &str) -> String {
    format!(
        "SELECT g.member_id, g.role, g.street_id, g.community_id, g.compound_id, g.building_id, g.unit_id, {NAME_COLUMNS} \
         FROM role_grants g {} WHERE {filter} ORDER BY g.created_at, g.role",
        name_joins("g")
    )
}

pub async fn load(db: &D1Database, id: &MemberId) -> ApiResult<Option<LoadedMember>> {
    let member_sql = format!("{MEMBER_SELECT} WHERE m.id = ?1");
    let grants_sql = grants_sql("g.member_id = ?1");
    let args = [text(id.as_str())];
    let results = batch_rows(db, &[(&member_sql, &args), (&grants_sql, &args)]).await?;
    let [member, grants] = results.as_slice() else {
        return Err(ApiError::internal(
            "member batch returned the wrong number of results",
        ));
    };
    let Some(row) = member.results::<MemberRow>()?.into_iter().next() else {
        return Ok(None);
    };
    let grant_rows: Vec<GrantRow> = grants.results()?;
    assemble(row, grant_rows.iter()).map(Some)
}

fn assemble<'a>(
    row: MemberRow,
    grant_rows: impl Iterator<Item = &'a GrantRow>,
) -> ApiResult<LoadedMember> {
    let mut grants = Vec::new();
    let mut roles = Vec::new();
    for g in grant_rows {
        let role = Role::parse(&g.role)
            .ok_or_else(|| ApiError::internal(format!("unknown role {:?}", g.role)))?;
        let scope = g.path.to_path()?;
        roles.push(RoleView {
            role,
            scope: scope.to_ref(),
            scope_path: scope.clone(),
            scope_name: g.names.display(),
        });
        grants.push(RoleGrant { role, scope });
    }
    let status = MemberStatus::parse(&row.status)
        .ok_or_else(|| ApiError::internal(format!("unknown member status {:?}", row.status)))?;
    let home = home_of(&row)?;
    let profile = Profile {
        name_display: NameDisplay::parse(&row.name_display).unwrap_or_default(),
        lang: row.lang.as_deref().and_then(Lang::from_tag),
        large_type: row.large_type != 0,
        // Choices that cannot be read (none made, or from an older shape) are the defaults.
        notifications: row
            .notification_prefs
            .as_deref()
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or_default(),
    };
    let id = MemberId::from_trusted(&row.id);
    Ok(LoadedMember {
        joined_at: parse_time(&row.created_at)?,
        birth_year: row.birth_year,
        view: MemberView {
            id: id.clone(),
            name: row.name,
            phone: row.phone.unwrap_or_default(),
            home: home.as_ref().map(|(_, v)| v.clone()),
            roles,
            profile,
        },
        actor: Actor {
            member: id,
            status,
            home: home.map(|(h, _)| h),
            grants,
        },
    })
}

fn home_of(row: &MemberRow) -> ApiResult<Option<(Home, HomeView)>> {
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
    let verification = row
        .verification
        .as_deref()
        .and_then(Verification::parse)
        .unwrap_or(Verification::Pending);
    let representative = row.representative == Some(1);
    let household = HouseholdId::from_trusted(household);
    let view = HomeView {
        household: household.clone(),
        community_name: row.community_name.clone().unwrap_or_default(),
        compound_name: row.compound_name.clone().unwrap_or_default(),
        building_name: row.building_name.clone().unwrap_or_default(),
        unit_name: row.unit_name.clone().unwrap_or_default(),
        household_name: row.household_name.clone().unwrap_or_default(),
        unit_path: unit_path.clone(),
        verification,
        representative,
    };
    Ok(Some((
        Home {
            placement: Placement {
                household,
                unit: unit_path,
            },
            verification,
            representative,
        },
        view,
    )))
}

/// Filters of the member directory.
pub struct MemberFilter<'a> {
    /// Members living, or holding a role, within one of these.
    pub within: &'a [ScopePath],
    pub verification: Option<Verification>,
    /// Words of the name or phone number.
    pub search: super::Search<'a>,
    pub cursor: Option<&'a Cursor>,
    pub limit: u32,
}

/// The words of members: name and phone number (migration 0013).
const WORDS: super::Index = super::Index {
    table: "members_search",
    columns: &[("name", 1.0), ("phone", 1.0)],
};

/// A page of the directory, newest first (a search's best matches first, in one page).
pub async fn list(db: &D1Database, f: &MemberFilter<'_>) -> ApiResult<(Vec<LoadedMember>, bool)> {
    if f.within.is_empty() {
        return Ok((Vec::new(), false));
    }
    let mut args: Vec<JsValue> = Vec::new();
    let mut reach = Vec::new();
    for scope in f.within {
        reach.push(scope_within_sql("x", scope, &mut args));
        let in_grant = scope_within_sql("g", scope, &mut args);
        reach.push(format!(
            "EXISTS (SELECT 1 FROM role_grants g WHERE g.member_id = x.id AND {in_grant})"
        ));
    }
    let found = f.search.sql("x", &WORDS, &mut args)?;
    let mut sql = format!(
        "SELECT x.* FROM ({MEMBER_SELECT}) x{} WHERE ({}){}",
        found.join,
        reach.join(" OR "),
        found.and()
    );
    if let Some(v) = f.verification {
        args.push(text(v.as_str()));
        sql.push_str(&format!(" AND x.verification = ?{}", args.len()));
    }
    found.page_sql(
        &mut sql,
        &mut args,
        ("x.created_at", "x.id"),
        f.cursor,
        f.limit,
    );
    let rows: Vec<MemberRow> = all(db, &sql, &args).await?;
    let (rows, more) = super::take_page(rows, f.limit);
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let grant_rows: Vec<GrantRow> = all(
        db,
        &grants_sql("g.member_id IN (SELECT value FROM json_each(?1))"),
        &[text(&serde_json::to_string(&ids)?)],
    )
    .await?;
    let members = rows
        .into_iter()
        .map(|row| {
            let id = row.id.clone();
            assemble(row, grant_rows.iter().filter(|g| g.member_id == id))
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((members, more))
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
/// is inserted only while the code is unused and unrevoked and its household not archived, and the code
/// is marked only if she was. A code handed over in person confirms her at once; the first confirmed
/// member of a household becomes its representative.
pub async fn join(db: &D1Database, r: &NewResident<'_>) -> ApiResult<JoinOutcome> {
    let now = time(r.now);
    let insert = stmt(
        db,
        "INSERT INTO members (id, name, phone, password_hash, household_id, status, verification, verified_at, created_at) \
         SELECT ?1, ?2, ?3, ?4, ic.household_id, 'active', \
                CASE ic.in_person WHEN 1 THEN 'confirmed' ELSE 'pending' END, \
                CASE ic.in_person WHEN 1 THEN ?5 END, ?5 \
         FROM invite_codes ic JOIN households h ON h.id = ic.household_id \
         WHERE ic.code = ?6 AND ic.used_by IS NULL AND ic.revoked_at IS NULL AND h.archived_at IS NULL",
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
    let representative = representative_if_none(db, r.id)?;
    // D1 counts the rows a statement's triggers write (her row of the search index) among its changes:
    // any change at all means she was inserted.
    match batch(db, vec![insert, mark, representative]).await {
        Ok(changes) if changes.first().is_some_and(|&n| n > 0) => Ok(JoinOutcome::Joined),
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

/// Confirms a pending resident (guarded: only while still pending; its change count says whether she
/// was). Follow it with [`representative_if_none`].
pub fn confirm(
    db: &D1Database,
    id: &MemberId,
    by: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE members SET verification = 'confirmed', verified_by = ?2, verified_at = ?3 \
         WHERE id = ?1 AND verification = 'pending'",
        &[text(id.as_str()), text(by.as_str()), text(&time(now))],
    )
}

/// Makes a confirmed member the representative of her household if it has none.
pub fn representative_if_none(db: &D1Database, id: &MemberId) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE households SET representative_id = ?1 \
         WHERE representative_id IS NULL \
           AND id = (SELECT household_id FROM members WHERE id = ?1 AND verification = 'confirmed')",
        &[text(id.as_str())],
    )
}

/// Rejecting a pending resident takes her out of the household (she keeps her account); guarded: only
/// while still pending (a pending resident never represents a household).
pub fn set_birth_year(
    db: &D1Database,
    id: &MemberId,
    year: Option<u16>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE members SET birth_year = ?2 WHERE id = ?1",
        &[
            text(id.as_str()),
            year.map_or(wasm_bindgen::JsValue::NULL, |y| {
                wasm_bindgen::JsValue::from(f64::from(y))
            }),
        ],
    )
}

pub fn reject(db: &D1Database, id: &MemberId) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE members SET household_id = NULL, verification = NULL, verified_by = NULL, verified_at = NULL \
         WHERE id = ?1 AND verification = 'pending'",
        &[text(id.as_str())],
    )
}

/// A household member without a phone, confirmed at once by the staff member who registers her; she
/// becomes the representative of a household that has none.
pub fn insert_without_phone(
    db: &D1Database,
    id: &MemberId,
    name: &str,
    household: &HouseholdId,
    by: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    let now = time(now);
    Ok(vec![
        stmt(
            db,
            "INSERT INTO members (id, name, household_id, status, verification, verified_by, verified_at, created_at) \
             VALUES (?1, ?2, ?3, 'active', 'confirmed', ?4, ?5, ?5)",
            &[
                text(id.as_str()),
                text(name),
                text(household.as_str()),
                text(by.as_str()),
                text(&now),
            ],
        )?,
        stmt(
            db,
            "UPDATE households SET representative_id = ?1 WHERE id = ?2 AND representative_id IS NULL",
            &[text(id.as_str()), text(household.as_str())],
        )?,
    ])
}

/// Makes a member of the household its representative (guarded: she must belong to it).
pub fn set_representative(
    db: &D1Database,
    household: &HouseholdId,
    member: &MemberId,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE households SET representative_id = ?2 \
         WHERE id = ?1 AND EXISTS (SELECT 1 FROM members WHERE id = ?2 AND household_id = ?1)",
        &[text(household.as_str()), text(member.as_str())],
    )
}

pub fn grant(
    db: &D1Database,
    member: &MemberId,
    grant: &RoleGrant,
    by: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let scope = grant.scope.to_ref();
    let [street, community, compound, building, unit] = path_args(&grant.scope);
    stmt(
        db,
        "INSERT OR IGNORE INTO role_grants (member_id, role, scope_kind, scope_id, street_id, community_id, \
             compound_id, building_id, unit_id, granted_by, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        &[
            text(member.as_str()),
            text(grant.role.as_str()),
            text(scope.kind.as_str()),
            text(&scope.id),
            street,
            community,
            compound,
            building,
            unit,
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

pub fn revoke(
    db: &D1Database,
    member: &MemberId,
    grant: &RoleGrant,
) -> ApiResult<D1PreparedStatement> {
    let scope = grant.scope.to_ref();
    stmt(
        db,
        "DELETE FROM role_grants WHERE member_id = ?1 AND role = ?2 AND scope_kind = ?3 AND scope_id = ?4",
        &[
            text(member.as_str()),
            text(grant.role.as_str()),
            text(scope.kind.as_str()),
            text(&scope.id),
        ],
    )
}

pub fn set_password_hash(
    db: &D1Database,
    member: &MemberId,
    hash: &str,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE members SET password_hash = ?2 WHERE id = ?1",
        &[text(member.as_str()), text(hash)],
    )
}

pub async fn update_profile(
    db: &D1Database,
    member: &MemberId,
    profile: &Profile,
) -> ApiResult<()> {
    batch(
        db,
        vec![stmt(
            db,
            "UPDATE members SET name_display = ?2, lang = ?3, large_type = ?4, notification_prefs = ?5 \
             WHERE id = ?1",
            &[
                text(member.as_str()),
                text(profile.name_display.as_str()),
                opt_text(profile.lang.map(Lang::tag)),
                JsValue::from(i32::from(profile.large_type)),
                text(
                    &serde_json::to_string(&profile.notifications)
                        .map_err(|e| ApiError::internal(e.to_string()))?,
                ),
            ],
        )?],
    )
    .await?;
    Ok(())
}

/// The member, or `not_found`.
pub async fn require(db: &D1Database, id: &str) -> ApiResult<LoadedMember> {
    let not_found = DomainError::NotFound {
        entity: yishi_core::error::Entity::Member,
    };
    let id = MemberId::parse(id).ok_or(not_found.clone())?;
    Ok(load(db, &id).await?.ok_or(not_found)?)
}
