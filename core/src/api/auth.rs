//! Sign-in, joining with an invite code, the current member.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::ids::{HouseholdId, MemberId};
use crate::members::{NameDisplay, Role, Verification};
use crate::territory::{ScopePath, ScopeRef};

/// `POST /api/v1/sessions`: sign in with phone number and password (staff) or passcode (residents).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignInRequest {
    pub phone: String,
    pub password: String,
}

/// `POST /api/v1/residents`: join a household with an invite code printed by staff, choosing a passcode.
/// Signs the new resident in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JoinRequest {
    pub invite_code: String,
    pub name: String,
    pub phone: String,
    pub passcode: String,
}

/// Answer to sign-in and join (201 for join), and body of `GET /api/v1/me`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionResponse {
    pub member: MemberView,
    pub expires_at: DateTime<Utc>,
}

/// The signed-in member as the app shows her.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberView {
    pub id: MemberId,
    pub name: String,
    pub phone: String,
    pub home: Option<HomeView>,
    pub roles: Vec<RoleView>,
    pub profile: Profile,
}

/// Where a resident lives, with display names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HomeView {
    pub household: HouseholdId,
    pub community_name: String,
    pub compound_name: String,
    pub building_name: String,
    pub unit_name: String,
    /// The door number, e.g. `301`.
    pub household_name: String,
    /// The unit's full path, for rules the app evaluates with `core`.
    pub unit_path: ScopePath,
    pub verification: Verification,
    /// She casts the household's votes (户代表).
    pub representative: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleView {
    pub role: Role,
    pub scope: ScopeRef,
    pub scope_path: ScopePath,
    pub scope_name: String,
}

/// `PUT /api/v1/me/passcode`: change one's own passcode; other sessions end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangePasscodeRequest {
    pub current: String,
    pub new: String,
}

/// `GET /api/v1/sessions`: the member's signed-in devices. `DELETE /api/v1/sessions/{id}` ends one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionListResponse {
    pub sessions: Vec<SessionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionView {
    /// Opaque; not the token.
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// A short description of the browser, from its user agent.
    pub device: String,
    /// The session of this request.
    pub current: bool,
}

/// The member's own settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Profile {
    pub name_display: NameDisplay,
    /// `None`: follow the browser.
    pub lang: Option<Lang>,
    /// Large type for elderly readers (适老化).
    pub large_type: bool,
    /// Which topics may push, and her quiet hours.
    #[serde(default)]
    pub notifications: NotificationPrefs,
}

pub use crate::notifications::NotificationPrefs;

/// `PATCH /api/v1/me/profile`: fields left out stay as they are. Answered with the session response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProfileUpdate {
    #[serde(default)]
    pub name_display: Option<NameDisplay>,
    /// `Some(None)` returns to following the browser; `None` is left out when sent, so that an update
    /// of other fields keeps her language.
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Lang>"))]
    pub lang: Option<Option<Lang>>,
    #[serde(default)]
    pub large_type: Option<bool>,
    /// Replaces her notification choices whole.
    #[serde(default)]
    pub notifications: Option<NotificationPrefs>,
}

/// Distinguishes an absent field (`None`) from an explicit `null` (`Some(None)`).
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_of_other_fields_leaves_her_language_alone() {
        let other = ProfileUpdate {
            large_type: Some(true),
            ..ProfileUpdate::default()
        };
        let sent = serde_json::to_value(&other).unwrap_or_default();
        assert!(sent.get("lang").is_none(), "{sent}");
        let back: ProfileUpdate = serde_json::from_value(sent).unwrap_or_default();
        assert_eq!(back.lang, None);

        let follow_browser = ProfileUpdate {
            lang: Some(None),
            ..ProfileUpdate::default()
        };
        let sent = serde_json::to_value(&follow_browser).unwrap_or_default();
        assert_eq!(sent["lang"], serde_json::Value::Null);
        assert!(sent.get("lang").is_some());
        let back: ProfileUpdate = serde_json::from_value(sent).unwrap_or_default();
        assert_eq!(back.lang, Some(None));
    }
}
