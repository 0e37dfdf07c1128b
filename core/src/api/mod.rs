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
pub mod notifications;
pub mod projects;
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

/// A JSON request body read into its type, every string in it first through [`crate::text::clean`]: the
/// worker reads every JSON body this way, so no text field of any request escapes the rule.
pub fn read_body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, DomainError> {
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| DomainError::InvalidJson)?;
    crate::text::clean_json(&mut value)?;
    serde_json::from_value(value).map_err(|_| DomainError::InvalidJson)
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

/// Every text field of every request type in the endpoint table goes through [`crate::text::clean`]:
/// the test walks each JSON body's schema to its strings and sends each one a right-to-left override.
#[cfg(all(test, feature = "schema"))]
mod hygiene {
    use schemars::SchemaGenerator;
    use serde_json::{Map, Value, json};

    use super::endpoint::{Endpoint, Payload, RouteInfo, Visit};
    use super::{read_body, routes};
    use crate::error::{DomainError, Field};

    /// Keys of plain strings that are ids the app picks from a list (a scope, the comment answered, the
    /// record merged into): refused as "text" like any string, but nobody types them.
    const PICKED: &[&str] = &[
        "id",
        "parent",
        "parent_id",
        "community",
        "attachments",
        "into",
    ];

    /// One step from a body's root to a string in it.
    #[derive(Clone, Debug)]
    enum Step {
        Key(String),
        Item,
    }

    /// The paths to every string a schema allows, and whether it is free text (not one of a list of
    /// words, an id or a date, which people do not type).
    fn strings(
        schema: &Value,
        defs: &Map<String, Value>,
        path: &mut Vec<Step>,
        depth: usize,
        out: &mut Vec<(Vec<Step>, bool)>,
    ) {
        if depth > 12 {
            return;
        }
        if let Some(def) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.rsplit('/').next())
            .and_then(|name| defs.get(name))
        {
            strings(def, defs, path, depth + 1, out);
        }
        let is_string = match schema.get("type") {
            Some(Value::String(t)) => t == "string",
            Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
            _ => {
                schema
                    .get("enum")
                    .and_then(Value::as_array)
                    .is_some_and(|e| e.iter().any(Value::is_string))
                    || schema.get("const").is_some_and(Value::is_string)
            }
        };
        if is_string && !path.is_empty() {
            let free = ["enum", "const", "pattern", "format"]
                .iter()
                .all(|k| schema.get(k).is_none());
            out.push((path.clone(), free));
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (key, sub) in props {
                path.push(Step::Key(key.clone()));
                strings(sub, defs, path, depth + 1, out);
                path.pop();
            }
        }
        if let Some(items) = schema.get("items") {
            path.push(Step::Item);
            strings(items, defs, path, depth + 1, out);
            path.pop();
        }
        for list in ["anyOf", "oneOf", "allOf"] {
            for sub in schema
                .get(list)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                strings(sub, defs, path, depth + 1, out);
            }
        }
    }

    /// A body holding only `leaf` at `path`.
    fn body_at(path: &[Step], leaf: Value) -> Value {
        match path.split_first() {
            None => leaf,
            Some((Step::Key(k), rest)) => json!({ k.as_str(): body_at(rest, leaf) }),
            Some((Step::Item, rest)) => json!([body_at(rest, leaf)]),
        }
    }

    /// The key a string sits under: its own, or that of the list holding it.
    fn key_of(path: &[Step]) -> Option<&str> {
        path.iter().rev().find_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Item => None,
        })
    }

    #[derive(Default)]
    struct Walk {
        strings: usize,
        faults: Vec<String>,
    }

    impl Visit for Walk {
        fn endpoint<E: Endpoint>(&mut self, info: RouteInfo) {
            let mut generator = SchemaGenerator::default();
            let Some(schema) = <E::Body as Payload>::schema(&mut generator) else {
                return;
            };
            let defs = generator.definitions().clone();
            let mut paths = Vec::new();
            strings(schema.as_value(), &defs, &mut Vec::new(), 0, &mut paths);
            for (path, free) in paths {
                let key = key_of(&path).unwrap_or_default();
                let body = body_at(&path, json!("楼\u{202E}道"));
                let got = read_body::<E::Body>(body.to_string().as_bytes());
                self.strings += 1;
                // Free text must be refused naming its own field, so that the message says where
                // (but for the ids the app picks from a list, given as plain strings).
                let want = Field::from_key(key).unwrap_or(Field::Text);
                if free && want == Field::Text && !PICKED.contains(&key) {
                    self.faults
                        .push(format!("{}: the text {key:?} names no field", info.name));
                }
                match got {
                    Err(DomainError::UnfitCharacters { field }) if field == want => {}
                    got => self.faults.push(format!(
                        "{}: {path:?} gave {:?}, not unfit_characters of {want}",
                        info.name,
                        got.err()
                    )),
                }
            }
        }
    }

    #[test]
    fn every_text_field_of_every_request_is_cleaned() {
        let mut walk = Walk::default();
        routes::visit(&mut walk);
        assert!(walk.faults.is_empty(), "{:#?}", walk.faults);
        // The walk reached the bodies' strings (a walk that found none would prove nothing).
        assert!(walk.strings > 100, "only {} strings found", walk.strings);
    }
}
