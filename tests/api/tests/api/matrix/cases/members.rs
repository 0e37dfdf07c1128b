//! Her own account, and the members within her reach.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let mut all = accounts();
    all.extend(members(r));
    all
}

fn accounts() -> Vec<Case> {
    vec![
        case("me", Me {}, Body::Empty, everyone),
        case("sessions", ListSessions {}, Body::Empty, own),
        case_for(
            "end a spare session",
            |c| RevokeSession {
                id: token(&c.spare_session),
            },
            Body::Empty,
            own,
        ),
        case("profile", UpdateProfile {}, Body::Json(json!({})), own),
        case("inbox", ListNotifications {}, Body::Empty, own),
        case("bell", UnreadNotifications {}, Body::Empty, own),
        case("all read", ReadAllNotifications {}, Body::Empty, own),
        case("push status", PushStatus {}, Body::Empty, own),
        case(
            "subscribe to push",
            SubscribePush {},
            Body::Json(push_subscription()),
            own,
        ),
        case("stop push", UnsubscribePush {}, Body::Empty, own),
        // A real change would end her other sessions, which other tests share: a new passcode that is
        // too short shows the route let her in, and changes nothing.
        case(
            "passcode",
            ChangePasscode {},
            Body::Json(json!({ "current": "whatever", "new": "1" })),
            own,
        )
        .never_succeeds("the new passcode is too short on purpose"),
    ]
}

/// A browser's subscription, to a loopback port where nothing listens (a push would fail at once).
fn push_subscription() -> serde_json::Value {
    use yishi_core::push::{base64url_encode, public_key};
    let p256dh = public_key([0x11; 32])
        .map(|k| base64url_encode(&k))
        .unwrap_or_default();
    json!({ "endpoint": "http://127.0.0.1:9/matrix", "keys": { "p256dh": p256dh, "auth": base64url_encode(&[7; 16]) } })
}

fn members(r: &Records) -> Vec<Case> {
    let council =
        json!({ "role": "council_member", "scope": { "kind": "community", "id": "com_t" } });
    let staff =
        json!({ "role": "community_staff", "scope": { "kind": "community", "id": "com_t" } });
    let subject = |c: &Caller| c.subject.clone();
    vec![
        case(
            "members",
            ListMembers {},
            Body::Empty,
            has_any(Action::ViewMembers),
        ),
        case(
            "a member",
            GetMember {
                id: MemberId::from_trusted(RESIDENT),
            },
            Body::Empty,
            may(Action::ViewMembers, unit3(1)),
        ),
        case(
            "verify",
            VerifyMember {
                id: r.pending.clone(),
            },
            Body::Json(json!({ "decision": "confirm" })),
            may(Action::VerifyResident, r.pending_home.clone()),
        ),
        // Each caller grants a role to a member of her own and revokes it (a grant revoked by
        // another caller first would be gone: 404).
        case_for(
            "grant council member",
            move |c| GrantRole { id: subject(c) },
            Body::Json(council.clone()),
            may(Action::GrantRole(Role::CouncilMember), community()),
        ),
        case_for(
            "revoke council member",
            move |c| RevokeRole { id: subject(c) },
            Body::Json(council),
            may(Action::GrantRole(Role::CouncilMember), community()),
        ),
        case_for(
            "grant community staff",
            move |c| GrantRole { id: subject(c) },
            Body::Json(staff.clone()),
            may(Action::GrantRole(Role::CommunityStaff), community()),
        ),
        case_for(
            "revoke community staff",
            move |c| RevokeRole { id: subject(c) },
            Body::Json(staff),
            may(Action::GrantRole(Role::CommunityStaff), community()),
        ),
        case(
            "passcode reset",
            ResetPasscode {
                id: r.joined.clone(),
            },
            Body::Empty,
            may(Action::ResetPasscode, r.joined_home.clone()),
        ),
        // No year (not known): a year would put her in the votes by age of building 3 that
        // vote_rules.rs counts.
        case(
            "birth year",
            SetBirthYear {
                id: r.joined.clone(),
            },
            Body::Json(json!({ "birth_year": null })),
            may(Action::VerifyResident, r.joined_home.clone()),
        ),
        case("audit", Audit {}, Body::Empty, has_any(Action::ReadAudit)),
    ]
}
