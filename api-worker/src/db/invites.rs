//! Household invite codes.

use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::invites::InviteView;
use yishi_core::auth::display_invite_code;
use yishi_core::ids::{HouseholdId, MemberId};

use super::{all, first, parse_time, stmt, text, time};
use crate::error::ApiResult;

#[derive(Debug, Deserialize)]
struct InviteRow {
    code: String,
    household_id: String,
    household_name: String,
    unit_name: String,
    in_person: u32,
    created_at: String,
}

impl InviteRow {
    fn into_view(self) -> ApiResult<InviteView> {
        Ok(InviteView {
            code: display_invite_code(&self.code),
            household: HouseholdId::from_trusted(&self.household_id),
            household_name: self.household_name,
            unit_name: self.unit_name,
            in_person: self.in_person != 0,
            created_at: parse_time(&self.created_at)?,
        })
    }
}

const SELECT: &str = "SELECT ic.code, ic.household_id, h.name AS household_name, u.name AS unit_name, \
        ic.in_person, ic.created_at \
     FROM invite_codes ic JOIN households h ON h.id = ic.household_id JOIN units u ON u.id = h.unit_id";

pub fn insert(
    db: &D1Database,
    code: &str,
    household: &HouseholdId,
    in_person: bool,
    by: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO invite_codes (code, household_id, created_by, created_at, in_person) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(code),
            text(household.as_str()),
            text(by.as_str()),
            text(&time(now)),
            wasm_bindgen::JsValue::from(u32::from(in_person)),
        ],
    )
}

pub async fn get(db: &D1Database, code: &str) -> ApiResult<Option<InviteView>> {
    first::<InviteRow>(db, &format!("{SELECT} WHERE ic.code = ?1"), &[text(code)])
        .await?
        .map(InviteRow::into_view)
        .transpose()
}

/// Live (unused, unrevoked) codes of a building's live households, in unit and door order.
pub async fn live_of_building(db: &D1Database, building: &str) -> ApiResult<Vec<InviteView>> {
    all::<InviteRow>(
        db,
        &format!(
            "{SELECT} WHERE u.building_id = ?1 AND ic.used_by IS NULL AND ic.revoked_at IS NULL \
               AND h.archived_at IS NULL \
             ORDER BY length(u.name), u.name, length(h.name), h.name, ic.created_at"
        ),
        &[text(building)],
    )
    .await?
    .into_iter()
    .map(InviteRow::into_view)
    .collect()
}

/// Live households of a building that have no live code.
pub async fn households_without_code(
    db: &D1Database,
    building: &str,
) -> ApiResult<Vec<HouseholdId>> {
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    Ok(all::<Id>(
        db,
        "SELECT h.id FROM households h JOIN units u ON u.id = h.unit_id \
         WHERE u.building_id = ?1 AND h.archived_at IS NULL AND u.archived_at IS NULL \
           AND NOT EXISTS (SELECT 1 FROM invite_codes ic WHERE ic.household_id = h.id AND ic.used_by IS NULL AND ic.revoked_at IS NULL)",
        &[text(building)],
    )
    .await?
    .into_iter()
    .map(|r| HouseholdId::from_trusted(r.id))
    .collect())
}

/// Where the household of a live code is, as residents say it: `阳光小区 3号楼 2单元 301`.
pub async fn live_place(db: &D1Database, code: &str) -> ApiResult<Option<String>> {
    #[derive(Deserialize)]
    struct Row {
        place: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT c.name || ' ' || b.name || ' ' || u.name || ' ' || h.name AS place \
         FROM invite_codes ic JOIN households h ON h.id = ic.household_id JOIN units u ON u.id = h.unit_id \
           JOIN buildings b ON b.id = u.building_id JOIN compounds c ON c.id = b.compound_id \
         WHERE ic.code = ?1 AND ic.used_by IS NULL AND ic.revoked_at IS NULL AND h.archived_at IS NULL",
        &[text(code)],
    )
    .await?
    .map(|r| r.place))
}

/// The household a code belongs to, and whether it is still live.
pub async fn household_of(db: &D1Database, code: &str) -> ApiResult<Option<(HouseholdId, bool)>> {
    #[derive(Deserialize)]
    struct Row {
        household_id: String,
        live: u32,
    }
    Ok(first::<Row>(
        db,
        "SELECT household_id, (used_by IS NULL AND revoked_at IS NULL) AS live FROM invite_codes WHERE code = ?1",
        &[text(code)],
    )
    .await?
    .map(|r| (HouseholdId::from_trusted(r.household_id), r.live != 0)))
}

pub fn revoke(
    db: &D1Database,
    code: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE invite_codes SET revoked_at = ?2 WHERE code = ?1 AND used_by IS NULL AND revoked_at IS NULL",
        &[text(code), text(&time(now))],
    )
}
