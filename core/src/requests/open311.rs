//! Reading an Open311 GeoReport v2 submission (`POST requests.json`): the body as the specification
//! sends it (`application/x-www-form-urlencoded`) or as a JSON object, into the fields Yishi takes.
//!
//! The body comes from any client that holds a key, so it is untrusted: every body reads to a
//! [`Submission`] or to an [`Open311Problem`] with the specification's status and description, never a
//! panic (property tests below; the form decoding is the `form_urlencoded` crate's).
//! What needs the database (the key, the place, the service) is the worker's; what the text may hold is
//! `text::clean_line`/`clean_text`'s.

use crate::auth::normalize_phone;
use crate::territory::ScopeKind;

/// Why a submission is refused: the status and the `description` of the specification's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open311Problem {
    pub status: u16,
    pub description: String,
}

impl Open311Problem {
    fn new(status: u16, description: impl Into<String>) -> Open311Problem {
        Open311Problem {
            status,
            description: description.into(),
        }
    }
}

/// A submission's fields as sent, in order; a name sent twice counts by its first value.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pairs: Vec<(String, String)>,
}

/// The prefixes of the places an `address_id` may name, and their kinds.
const ADDRESS_KINDS: [(&str, ScopeKind); 3] = [
    ("cpd_", ScopeKind::Compound),
    ("bld_", ScopeKind::Building),
    ("unt_", ScopeKind::Unit),
];

impl Submission {
    /// Reads a body: a JSON object when it starts with `{`, form-encoded otherwise.
    pub fn read(body: &str) -> Result<Submission, Open311Problem> {
        let pairs = if body.trim_start().starts_with('{') {
            let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(body)
                .map_err(|_| Open311Problem::new(400, "the body is not valid JSON"))?;
            object
                .into_iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => (k, s),
                    other => (k, other.to_string()),
                })
                .collect()
        } else {
            form_pairs(body)
        };
        Ok(Submission { pairs })
    }

    /// The first value sent under `name`, trimmed; none when absent or blank.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The key staff issued to the client (403 when missing, as the specification says).
    pub fn api_key(&self) -> Result<&str, Open311Problem> {
        self.get("api_key")
            .ok_or_else(|| Open311Problem::new(403, "api_key required"))
    }

    /// The service asked for (a subcategory's id).
    pub fn service_code(&self) -> Result<&str, Open311Problem> {
        self.get("service_code")
            .ok_or_else(|| Open311Problem::new(400, "service_code required"))
    }

    /// The description as sent (none is an empty description; cleaning and its limit are the caller's).
    #[must_use]
    pub fn description(&self) -> &str {
        self.get("description").unwrap_or_default()
    }

    /// `lat` and `long` when both are sent, as finite degrees within ±90 and ±180.
    pub fn location(&self) -> Result<Option<(f64, f64)>, Open311Problem> {
        Ok(self
            .coordinate("lat", 90.0)?
            .zip(self.coordinate("long", 180.0)?))
    }

    fn coordinate(&self, name: &str, max: f64) -> Result<Option<f64>, Open311Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(s) => s
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= max)
                .map(Some)
                .ok_or_else(|| Open311Problem::new(400, format!("{name} is not a coordinate"))),
        }
    }

    /// The place named by `address_id`, with its kind read from its prefix (a compound, building or
    /// unit); whether it exists, and is in the key's community, is the caller's to check.
    pub fn address_id(&self) -> Result<Option<(ScopeKind, &str)>, Open311Problem> {
        let Some(id) = self.get("address_id") else {
            return Ok(None);
        };
        ADDRESS_KINDS
            .iter()
            .find(|(prefix, _)| id.starts_with(prefix))
            .map(|(_, kind)| Some((*kind, id)))
            .ok_or_else(|| Open311Problem::new(400, "address_id not found"))
    }

    /// The place in words, when sent.
    #[must_use]
    pub fn address_string(&self) -> Option<&str> {
        self.get("address_string")
    }

    /// The caller's first and last names joined by a space, when either is sent.
    #[must_use]
    pub fn caller_name(&self) -> Option<String> {
        let parts: Vec<&str> = ["first_name", "last_name"]
            .into_iter()
            .filter_map(|name| self.get(name))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// The caller's phone number when it reads as one (a number that does not is left out, not refused:
    /// the request is still filed, with the caller's name alone).
    #[must_use]
    pub fn phone(&self) -> Option<String> {
        self.get("phone").and_then(|p| normalize_phone(p).ok())
    }
}

/// Decodes `application/x-www-form-urlencoded` as the URL Standard does (the `form_urlencoded` crate):
/// pairs split on `&` (empty ones skipped), name and value on the first `=`, `+` a space, `%XX` a byte;
/// bytes that are not UTF-8 become U+FFFD.
#[must_use]
pub fn form_pairs(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(body: &str) -> Submission {
        Submission::read(body).unwrap_or_else(|e| panic!("{body}: {e:?}"))
    }

    #[test]
    fn a_form_as_the_specification_sends_it() {
        let s = read(
            "api_key=k1&service_code=sub_lights&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE+\
             %E5%A4%9C%E9%87%8C&lat=31.2304&long=121.4737&first_name=%E6%9D%8E&last_name=Ming&phone=139-0000-0001",
        );
        assert_eq!(s.api_key(), Ok("k1"));
        assert_eq!(s.service_code(), Ok("sub_lights"));
        assert_eq!(s.description(), "路灯不亮 夜里");
        assert_eq!(s.location(), Ok(Some((31.2304, 121.4737))));
        assert_eq!(s.caller_name().as_deref(), Some("李 Ming"));
        assert_eq!(s.phone().as_deref(), Some("13900000001"));
        assert_eq!(s.address_id(), Ok(None));
    }

    #[test]
    fn a_json_object_reads_as_the_same_fields() {
        let s = read(
            r#"{"api_key":"k1","service_code":"sub_x","lat":31.5,"long":"121","address_id":"bld_01"}"#,
        );
        assert_eq!(s.api_key(), Ok("k1"));
        assert_eq!(s.location(), Ok(Some((31.5, 121.0))));
        assert_eq!(s.address_id(), Ok(Some((ScopeKind::Building, "bld_01"))));
        assert_eq!(
            Submission::read("{\"api_key\": [").map(|_| ()),
            Err(Open311Problem::new(400, "the body is not valid JSON"))
        );
        assert!(Submission::read("{ not json").is_err());
    }

    #[test]
    fn what_is_missing_or_wrong_is_named_with_the_specification_status() {
        let s = read("service_code=&lat=91&long=10&address_id=com_1");
        assert_eq!(s.api_key().map_err(|e| e.status), Err(403));
        assert_eq!(
            s.service_code().map_err(|e| e.description),
            Err("service_code required".to_owned())
        );
        assert_eq!(
            s.location().map_err(|e| e.description),
            Err("lat is not a coordinate".to_owned())
        );
        assert_eq!(s.address_id().map_err(|e| e.status), Err(400));
        for bad in ["NaN", "inf", "-181", "1e400", "12,5"] {
            let s = read(&format!("lat=1&long={bad}"));
            assert!(s.location().is_err(), "long={bad}");
        }
        // One coordinate alone is no location, and a number that is not a phone is left out.
        assert_eq!(read("lat=1").location(), Ok(None));
        assert_eq!(read("phone=call+me").phone(), None);
        assert_eq!(read("first_name=+&last_name=").caller_name(), None);
    }

    #[test]
    fn the_first_of_a_name_sent_twice_counts_and_broken_escapes_stay_as_sent() {
        let s = read("api_key=a&api_key=b&description=100%+sure%2&x");
        assert_eq!(s.api_key(), Ok("a"));
        assert_eq!(s.description(), "100% sure%2");
        assert_eq!(
            form_pairs("%ff=%E8%B7"),
            vec![("\u{fffd}".to_owned(), "\u{fffd}".to_owned())]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_body_reads_without_a_panic(body in any::<String>(), json in r#"\{("[a-z_]{1,12}": ?("[^"]{0,12}"|-?[0-9.e]{1,8}|\[\]|null|\{\}),? ?){0,4}\}?"#) {
            for body in [body, json] {
                if let Ok(s) = Submission::read(&body) {
                    let _ = (s.api_key(), s.service_code(), s.location(), s.address_id());
                    let _ = (s.description(), s.caller_name(), s.phone(), s.address_string());
                }
            }
        }

        #[test]
        fn any_bytes_after_a_form_escape_read_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let body: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
            let _ = Submission::read(&format!("description={body}&lat=%{body}"));
        }

        /// What a client encodes, Yishi reads back exactly.
        #[test]
        fn encoded_fields_read_back(pairs in proptest::collection::vec((".{1,12}", ".{0,24}"), 0..6)) {
            let body = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs.iter())
                .finish();
            prop_assert_eq!(form_pairs(&body), pairs);
        }

        #[test]
        fn coordinates_in_range_are_taken_and_others_refused(lat in -200.0f64..200.0, long in -400.0f64..400.0) {
            let s = read(&format!("lat={lat}&long={long}"));
            let fits = lat.abs() <= 90.0 && long.abs() <= 180.0;
            prop_assert_eq!(s.location().is_ok(), fits);
            if fits {
                prop_assert_eq!(s.location(), Ok(Some((lat, long))));
            }
        }
    }
}
