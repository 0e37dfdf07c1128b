//! The HTTP contract between the app and the API: every request and response body, defined once.
//! Keys are snake_case, times RFC 3339 UTC, a single resource is wrapped in its name
//! (`{ "notice": { … } }`), lists carry a `next_cursor`.

pub mod audit;
pub mod auth;
pub mod covenants;
#[cfg(feature = "schema")]
pub mod docs;
pub mod endpoint;
pub mod health;
pub mod invites;
pub mod matters;
pub mod meetings;
pub mod members;
pub mod notices;
pub mod requests;
pub mod routes;
#[cfg(feature = "schema")]
pub mod schema;
pub mod territory;
pub mod votes;

use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::i18n::Lang;

/// API version prefix of every route.
pub const PREFIX: &str = "/api/v1";

/// Header every state-changing request must carry (a cross-site form or image cannot set it, and the API
/// never answers CORS preflights, so a cross-site script cannot either).
pub const CSRF_HEADER: &str = "x-yishi-csrf";
pub const CSRF_VALUE: &str = "1";

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "yishi_session";

/// The body of every error response: `{ "error": { "code", "message", … } }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorBody {
    /// Stable, snake_case: see [`DomainError::code`].
    pub code: String,
    /// Plain words in the request's language.
    pub message: String,
    /// The request field at fault, for validation errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `rate_limited`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u32>,
    /// For `import_rejected`: what is wrong with each bad line of the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowErrorBody>,
}

/// One bad line of an uploaded file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RowErrorBody {
    pub line: usize,
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ErrorEnvelope {
    #[must_use]
    pub fn from_error(err: &DomainError, lang: Lang) -> ErrorEnvelope {
        ErrorEnvelope {
            error: ErrorBody {
                code: err.code().to_owned(),
                message: err.message(lang),
                field: err.field().map(|f| f.as_str().to_owned()),
                retry_after_secs: match err {
                    DomainError::RateLimited { retry_after_secs } => Some(*retry_after_secs),
                    _ => None,
                },
                rows: match err {
                    DomainError::ImportRejected { rows } => rows
                        .iter()
                        .map(|r| RowErrorBody {
                            line: r.line,
                            code: r.error.code().to_owned(),
                            message: r.error.message(lang),
                            field: r.error.field().map(|f| f.as_str().to_owned()),
                        })
                        .collect(),
                    _ => Vec::new(),
                },
            },
        }
    }
}

/// An opaque pagination cursor: the sort key of the last item of a page, `<RFC 3339 time>~<id>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub at: chrono::DateTime<chrono::Utc>,
    pub id: String,
}

impl Cursor {
    #[must_use]
    pub fn encode(&self) -> String {
        format!(
            "{}~{}",
            self.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            self.id
        )
    }

    #[must_use]
    pub fn decode(s: &str) -> Option<Cursor> {
        let (at, id) = s.split_once('~')?;
        let at = chrono::DateTime::parse_from_rfc3339(at)
            .ok()?
            .with_timezone(&chrono::Utc);
        crate::ids::is_valid_id(id).then(|| Cursor {
            at,
            id: id.to_owned(),
        })
    }
}

/// Page sizes: default and maximum.
pub const PAGE_DEFAULT: u32 = 20;
pub const PAGE_MAX: u32 = 100;

/// The longest search a list takes (`?q=`), in characters (an 汉字 is one), after trimming: a longer one
/// is refused as `too_long` on the field `q`. Searches are words, not documents; this keeps every query
/// the database is given small.
pub const SEARCH_MAX: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Field;

    #[test]
    fn error_envelope_wire_format() -> Result<(), serde_json::Error> {
        let env = ErrorEnvelope::from_error(
            &DomainError::Required {
                field: Field::Title,
            },
            Lang::ZhCn,
        );
        assert_eq!(
            serde_json::to_string(&env)?,
            r#"{"error":{"code":"required","message":"请填写标题。","field":"title"}}"#
        );
        let env = ErrorEnvelope::from_error(
            &DomainError::RateLimited {
                retry_after_secs: 30,
            },
            Lang::En,
        );
        assert_eq!(
            serde_json::to_string(&env)?,
            r#"{"error":{"code":"rate_limited","message":"Too many attempts. Try again in 30 seconds.","retry_after_secs":30}}"#
        );
        Ok(())
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = Cursor {
            at: chrono::DateTime::from_timestamp_millis(1_800_000_000_123).unwrap_or_default(),
            id: "ntc_1".into(),
        };
        assert_eq!(c.encode(), "2027-01-15T08:00:00.123Z~ntc_1");
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        assert_eq!(Cursor::decode("garbage"), None);
        assert_eq!(Cursor::decode("2027-01-15T08:00:00Z~bad id"), None);
    }
}
