//! The JSON Schemas that cannot be derived: ids and tokens are strings checked for their shape when read
//! (see [`crate::ids`]), so their schemas say that shape. Only with the `schema` feature.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::endpoint::Token;
use crate::ids::{
    AuditId, BuildingId, CommentId, CommunityId, CompoundId, CovenantId, EventId, HandlingUnitId,
    HouseholdId, MatterId, MeetingId, MemberId, NeedId, NoticeId, NotificationId, ObjectionId,
    PhotoId, RequestCategoryId, RequestId, RoundId, StreetId, SubcategoryId, UnitId, VoteId,
};

/// What [`crate::ids::is_valid_id`] accepts: 1 to 64 characters of `[A-Za-z0-9_-]`.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_-]{1,64}$";

/// A string of the shape of an id, described.
#[must_use]
pub fn id_schema(description: &str) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": ID_PATTERN,
        "description": description,
    })
}

macro_rules! id_schemas {
    ($($id:ident),* $(,)?) => {
        $(impl JsonSchema for $id {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($id))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                id_schema(&format!("An id, such as `{}_01JD3K8Q4R5T6V7W8X9Y0Z1A2B`.", $id::PREFIX))
            }
        })*
    };
}

id_schemas!(
    StreetId,
    CommunityId,
    CompoundId,
    BuildingId,
    UnitId,
    HouseholdId,
    MemberId,
    NoticeId,
    AuditId,
    VoteId,
    MeetingId,
    MatterId,
    CommentId,
    PhotoId,
    CovenantId,
    ObjectionId,
    RequestId,
    RequestCategoryId,
    SubcategoryId,
    HandlingUnitId,
    EventId,
    NotificationId,
    RoundId,
    NeedId,
);

impl JsonSchema for Token {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Token")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        id_schema("A token that is not a record id (an invite code, a session, a key).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MAX_ID_LEN;

    #[test]
    fn the_id_pattern_is_what_ids_accept() {
        assert_eq!(ID_PATTERN, format!("^[A-Za-z0-9_-]{{1,{MAX_ID_LEN}}}$"));
    }
}
