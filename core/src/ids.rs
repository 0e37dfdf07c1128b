//! Typed identifiers.
//!
//! Every record has an opaque text id such as `ntc_01JD3K8Q4R5T6V7W8X9Y0Z1A2B`: a short prefix naming the
//! kind of record, then a ULID (48-bit millisecond time + 80 random bits, Crockford base32) so that ids sort
//! by creation time. `core` never reads a clock or a random source: callers pass both in.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Longest id accepted from the outside world.
pub const MAX_ID_LEN: usize = 64;

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Encodes a ULID from its parts: the time in milliseconds since the Unix epoch and 80 random bits.
#[must_use]
pub fn ulid(now_ms: u64, random: [u8; 10]) -> String {
    let mut value: u128 = u128::from(now_ms & 0xFFFF_FFFF_FFFF) << 80;
    for (i, byte) in random.iter().enumerate() {
        value |= u128::from(*byte) << (8 * (9 - i));
    }
    (0..26)
        .rev()
        .map(|i| char::from(CROCKFORD[((value >> (5 * i)) & 0x1F) as usize]))
        .collect()
}

/// Whether `s` is acceptable as an id: 1 to 64 characters of `[A-Za-z0-9_-]`.
#[must_use]
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        /// An id read from a body or a query is checked for its shape, like one read from a path.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
                Self::parse(&s).ok_or_else(|| {
                    serde::de::Error::invalid_value(serde::de::Unexpected::Str(&s), &"an id")
                })
            }
        }

        impl crate::api::endpoint::Segment for $name {
            const SHAPE: &'static str = concat!("id (", $prefix, "_…)");
            fn from_segment(s: &str) -> Option<Self> {
                Self::parse(s)
            }
            fn to_segment(&self) -> String {
                self.0.clone()
            }
        }

        impl $name {
            /// The prefix of freshly generated ids of this kind.
            pub const PREFIX: &'static str = $prefix;

            /// A new id from the time and 80 random bits supplied by the caller.
            #[must_use]
            pub fn generate(now_ms: u64, random: [u8; 10]) -> Self {
                Self(format!("{}_{}", $prefix, ulid(now_ms, random)))
            }

            /// Wraps an id read from storage or from a request; `None` when it is malformed.
            #[must_use]
            pub fn parse(s: &str) -> Option<Self> {
                is_valid_id(s).then(|| Self(s.to_owned()))
            }

            /// Wraps a string known to be an id (storage, fixtures). Prefer [`Self::parse`] for input.
            #[must_use]
            pub fn from_trusted(s: impl Into<String>) -> Self {
                Self(s.into())
            }

            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

typed_id!(
    /// A street (街道), the top of a deployment's territory.
    StreetId, "str");
typed_id!(
    /// A community (社区).
    CommunityId, "com");
typed_id!(
    /// A residential compound (小区).
    CompoundId, "cpd");
typed_id!(
    /// A building (楼栋).
    BuildingId, "bld");
typed_id!(
    /// A unit or staircase of a building (单元).
    UnitId, "unt");
typed_id!(
    /// A household (户).
    HouseholdId, "hh");
typed_id!(
    /// A person known to the system: resident, staff member or admin.
    MemberId, "mbr");
typed_id!(
    /// A notice on the public-notice board (公示栏).
    NoticeId, "ntc");
typed_id!(
    /// An entry of the audit log.
    AuditId, "aud");
typed_id!(
    /// A vote (投票): a motion, an election or a budget, with its ballots.
    VoteId, "vot");
typed_id!(
    /// A deliberation meeting (议事会) with its agenda, attendance and motions.
    MeetingId, "mtg");
typed_id!(
    /// A residents' matter (民事), from proposal to evaluation.
    MatterId, "mat");
typed_id!(
    /// A comment in a matter's discussion.
    CommentId, "cmt");
typed_id!(
    /// A photo stored in the bucket, attached to a matter or a progress update.
    PhotoId, "pho");
typed_id!(
    /// A resident covenant (居民公约) with its versions.
    CovenantId, "cov");
typed_id!(
    /// An objection (异议) to a notice during its publication period.
    ObjectionId, "obj");
typed_id!(
    /// A resident's request (民生诉求).
    RequestId, "req");
typed_id!(
    /// A category of the requests' catalogue.
    RequestCategoryId, "rqc");
typed_id!(
    /// A subcategory of the catalogue: what a request is about.
    SubcategoryId, "sub");
typed_id!(
    /// A unit responsible for requests (an office, a property company, a utility).
    HandlingUnitId, "hdu");
typed_id!(
    /// An entry of a matter's record: its timeline, progress updates.
    EventId, "evt");
typed_id!(
    /// A notification in the inbox (one per event, shared by its audience).
    NotificationId, "ntf");
typed_id!(
    /// A budget round of self-governance projects (居民自治项目, 微实事).
    RoundId, "rnd");
typed_id!(
    /// A need posted in a budget round (需求).
    NeedId, "ned");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulid_has_26_crockford_characters_and_sorts_by_time() {
        let a = ulid(1_700_000_000_000, [0xFF; 10]);
        let b = ulid(1_700_000_000_001, [0; 10]);
        assert_eq!(a.len(), 26);
        assert!(a.bytes().all(|c| CROCKFORD.contains(&c)));
        assert!(a < b, "{a} should sort before {b}");
    }

    #[test]
    fn ulid_of_zero_is_all_zeroes_and_of_max_is_known() {
        assert_eq!(ulid(0, [0; 10]), "00000000000000000000000000");
        assert_eq!(
            ulid(0xFFFF_FFFF_FFFF, [0xFF; 10]),
            "7ZZZZZZZZZZZZZZZZZZZZZZZZZ"
        );
    }

    #[test]
    fn generated_ids_carry_their_prefix_and_parse_back() {
        let id = NoticeId::generate(1, [7; 10]);
        assert!(id.as_str().starts_with("ntc_"));
        assert_eq!(NoticeId::parse(id.as_str()), Some(id));
    }

    #[test]
    fn malformed_ids_are_refused() {
        assert!(NoticeId::parse("").is_none());
        assert!(NoticeId::parse("a b").is_none());
        assert!(NoticeId::parse("x'; drop table notices;--").is_none());
        assert!(NoticeId::parse(&"a".repeat(65)).is_none());
        assert!(NoticeId::parse(&"a".repeat(64)).is_some());
    }

    #[test]
    fn ids_serialize_as_plain_strings() -> Result<(), serde_json::Error> {
        let id = BuildingId::from_trusted("bld_demo_03");
        assert_eq!(serde_json::to_string(&id)?, "\"bld_demo_03\"");
        Ok(())
    }
}
