use serde::{Deserialize, Serialize};

/// `GET /api/v1/health`: 200 when every backing service answered, 503 otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HealthResponse {
    pub version: String,
    /// Whether a `SELECT 1` on D1 succeeded.
    pub d1: bool,
    /// Whether a KV read succeeded.
    pub kv: bool,
}
