//! A community's settings for matters, and its name.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{CommunityId, MemberId};
use yishi_core::matters::MatterSettings;

use crate::db::{first, stmt, text, time};
use crate::error::ApiResult;

#[derive(Debug, Deserialize)]
struct SettingsRow {
    building_supports: u32,
    compound_supports: u32,
    community_supports: u32,
    evaluation_days: u32,
}

pub async fn settings(db: &D1Database, community: &CommunityId) -> ApiResult<MatterSettings> {
    Ok(first::<SettingsRow>(
        db,
        "SELECT building_supports, compound_supports, community_supports, evaluation_days \
         FROM matter_settings WHERE community_id = ?1",
        &[text(community.as_str())],
    )
    .await?
    .map_or_else(MatterSettings::default, |r| MatterSettings {
        building_supports: r.building_supports,
        compound_supports: r.compound_supports,
        community_supports: r.community_supports,
        evaluation_days: r.evaluation_days,
    }))
}

pub fn put_settings(
    db: &D1Database,
    community: &CommunityId,
    s: &MatterSettings,
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_settings (community_id, building_supports, compound_supports, community_supports, \
             evaluation_days, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (community_id) DO UPDATE SET building_supports = ?2, compound_supports = ?3, \
             community_supports = ?4, evaluation_days = ?5, updated_by = ?6, updated_at = ?7",
        &[
            text(community.as_str()),
            JsValue::from(s.building_supports),
            JsValue::from(s.compound_supports),
            JsValue::from(s.community_supports),
            JsValue::from(s.evaluation_days),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

pub async fn community_name(db: &D1Database, id: &CommunityId) -> ApiResult<Option<String>> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT name FROM communities WHERE id = ?1",
        &[text(id.as_str())],
    )
    .await?
    .map(|r| r.name))
}
