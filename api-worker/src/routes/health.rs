use serde::Deserialize;
use worker::Response;
use yishi_core::api::health::HealthResponse;

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, json};

/// `GET /api/v1/health`: the version, and whether D1 and KV answer.
pub async fn get(ctx: &Ctx) -> ApiResult<Response> {
    #[derive(Deserialize)]
    struct Ok1 {
        ok: i64,
    }
    let d1 = match ctx.db() {
        Ok(db) => matches!(
            db::first::<Ok1>(&db, "SELECT 1 AS ok", &[]).await,
            Ok(Some(Ok1 { ok: 1 }))
        ),
        Err(_) => false,
    };
    let kv = match ctx.kv() {
        Ok(kv) => kv.get("health:probe").text().await.is_ok(),
        Err(_) => false,
    };
    let body = HealthResponse {
        version: yishi_core::VERSION.to_owned(),
        d1,
        kv,
    };
    json(if d1 && kv { 200 } else { 503 }, &body)
}
