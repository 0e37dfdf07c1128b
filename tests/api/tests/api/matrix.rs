//! The authorization matrix: every route that acts on something, called as every role, must allow
//! exactly what `yishi_core::policy` allows. The expected answer is computed by core from the caller's
//! own `GET /me` (her grants and home, as the server sees them), so the worker cannot drift from the
//! policy without this test failing. Allowed calls may still fail for other reasons (409 when already
//! done, 422), but never with 401/403/404; refused calls answer 403, or 404 when the record is not
//! visible to the caller at all.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, PNG, fresh_code, fresh_phone, marker};
use yishi_core::api::PREFIX;
use yishi_core::api::endpoint::{Media, Method, RouteInfo};
use yishi_core::api::routes;
use yishi_core::ids::{
    BuildingId, CommunityId, CompoundId, HouseholdId, MemberId, StreetId, UnitId,
};
use yishi_core::members::{Actor, Home, MemberStatus, Role, RoleGrant, Verification};
use yishi_core::policy::{self, Action, Target, authorize, can_act_on_behalf};
use yishi_core::territory::{Placement, ScopePath};

fn path(v: &Value) -> ScopePath {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("bad scope path {v}: {e}"))
}

/// The caller as core's rules see her, from her own `/me`.
fn actor_of(me: &Value) -> Actor {
    let grants = me["roles"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| RoleGrant {
            role: serde_json::from_value::<Role>(r["role"].clone())
                .unwrap_or_else(|e| panic!("bad role: {e}")),
            scope: path(&r["scope_path"]),
        })
        .collect();
    let home = me["home"].as_object().map(|h| Home {
        placement: Placement {
            household: HouseholdId::from_trusted(h["household"].as_str().unwrap_or_default()),
            unit: path(&h["unit_path"]),
        },
        verification: serde_json::from_value::<Verification>(h["verification"].clone())
            .unwrap_or(Verification::Pending),
        representative: h["representative"].as_bool().unwrap_or(false),
    });
    Actor {
        member: MemberId::from_trusted(me["id"].as_str().unwrap_or_default()),
        status: MemberStatus::Active,
        home,
        grants,
    }
}

fn street() -> StreetId {
    StreetId::from_trusted("str_t")
}
fn community() -> ScopePath {
    ScopePath::community(street(), CommunityId::from_trusted("com_t"))
}
fn building3() -> ScopePath {
    ScopePath::building(
        street(),
        CommunityId::from_trusted("com_t"),
        CompoundId::from_trusted("cpd_a"),
        BuildingId::from_trusted("bld_t03"),
    )
}
fn building5() -> ScopePath {
    ScopePath::building(
        street(),
        CommunityId::from_trusted("com_t"),
        CompoundId::from_trusted("cpd_b"),
        BuildingId::from_trusted("bld_t05"),
    )
}
fn unit3(n: u8) -> ScopePath {
    ScopePath::unit(
        street(),
        CommunityId::from_trusted("com_t"),
        CompoundId::from_trusted("cpd_a"),
        BuildingId::from_trusted("bld_t03"),
        UnitId::from_trusted(format!("unt_t03_{n}")),
    )
}

enum Body {
    None,
    Json(Value),
    Csv(&'static str),
}

struct Case {
    name: &'static str,
    method: &'static str,
    path: String,
    body: Body,
    allowed: Box<dyn Fn(&Actor) -> bool>,
}

fn case(
    name: &'static str,
    method: &'static str,
    path: impl Into<String>,
    body: Body,
    allowed: impl Fn(&Actor) -> bool + 'static,
) -> Case {
    Case {
        name,
        method,
        path: path.into(),
        body,
        allowed: Box::new(allowed),
    }
}

fn may(action: Action, scope: ScopePath) -> impl Fn(&Actor) -> bool {
    move |a| authorize(a, action, Target::Scope(&scope)).is_ok()
}

fn has_any(action: Action) -> impl Fn(&Actor) -> bool {
    move |a| !policy::scopes_for(a, action).is_empty()
}

fn call(api: &mut Api, c: &Case) -> yishi_api_tests::Resp {
    match (&c.body, c.method) {
        (Body::None, "GET") => api.get(&c.path),
        (Body::None, "DELETE") => api.delete(&c.path),
        (Body::None, m) => api.send(m, &c.path, "application/json", "{}"),
        (Body::Json(v), m) => api.send(m, &c.path, "application/json", &v.to_string()),
        (Body::Csv(csv), m) => api.send(m, &c.path, "text/csv", csv),
    }
}

#[test]
fn every_route_agrees_with_the_policy_for_every_role() {
    // Set-up by staff: a community notice, an empty building to archive and restore, and a resident
    // (joined in person, so confirmed) whose passcode the matrix resets.
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let notice = staff.post(
        "/api/v1/notices",
        &json!({ "title": marker("matrix"), "body": "正文", "scope": { "kind": "community", "id": "com_t" } }),
    );
    notice.expect(201, None);
    let notice_id = notice.body["notice"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let building = staff.post(
        "/api/v1/buildings",
        &json!({ "parent_id": "cpd_a", "name": marker("matrix-bld") }),
    );
    building.expect(201, None);
    let building_id = building.body["place"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let code = fresh_code("bld_t03");
    let mut joiner = Api::new();
    joiner
        .post(
            "/api/v1/residents",
            &json!({ "invite_code": code.code, "name": "矩阵居民", "phone": fresh_phone(), "passcode": "246810" }),
        )
        .expect(201, None);
    let joined = joiner.me();
    let joined_id = joined["id"].as_str().unwrap_or_default().to_owned();
    let joined_home = path(&joined["home"]["unit_path"]);
    assert_eq!(joined["home"]["verification"], "confirmed");

    // A resident's matter in building 3, still collecting supports.
    let matter = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE).post(
        "/api/v1/matters",
        &json!({ "title": marker("matrix-matter"), "description": "说明", "category": "other", "scope": { "kind": "building", "id": "bld_t03" } }),
    );
    matter.expect(201, None);
    let matter_id = matter.body["matter"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    // A resident's request about building 3, to split.
    let request = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE).post(
        "/api/v1/requests",
        &json!({ "subcategory": "sub_t_light", "description": marker("matrix-request"), "place": { "kind": "building", "id": "bld_t03" } }),
    );
    request.expect(201, None);
    let request_id = request.body["request"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let csv = "小区,楼栋,单元,门牌\n甲小区,3号楼,1单元,001\n";
    let cases = vec![
        case(
            "report request",
            "POST",
            "/api/v1/requests",
            Body::Json(
                json!({ "subcategory": "sub_t_light", "description": "路灯", "place": { "kind": "building", "id": "bld_t05" } }),
            ),
            may(Action::ReportRequest, building5()),
        ),
        case(
            "register request",
            "POST",
            "/api/v1/requests",
            Body::Json(
                json!({ "subcategory": "sub_t_light", "description": "路灯", "place": { "kind": "building", "id": "bld_t03" },
                        "on_behalf": { "channel": "phone", "name": "来电居民" } }),
            ),
            may(Action::RegisterRequest, building3()),
        ),
        case(
            "split request",
            "POST",
            format!("/api/v1/requests/{request_id}/split"),
            Body::Json(json!({ "subcategory": "sub_t_noise", "description": "夜间施工" })),
            may(Action::DispatchRequests, building3()),
        ),
        case(
            "all requests",
            "GET",
            "/api/v1/requests?view=all",
            Body::None,
            has_any(Action::DispatchRequests),
        ),
        case(
            "request figures",
            "GET",
            "/api/v1/requests/figures",
            Body::None,
            has_any(Action::DispatchRequests),
        ),
        case(
            "request calendar",
            "PUT",
            "/api/v1/requests/calendar",
            Body::Json(
                json!({ "holidays": ["2027-01-01"], "workdays": ["2027-02-07"], "confirm_days": 7 }),
            ),
            |a: &Actor| policy::can_manage_catalogue(a).is_ok(),
        ),
        case(
            "catalogue export",
            "GET",
            "/api/v1/requests/catalogue.csv",
            Body::None,
            |a: &Actor| policy::can_manage_catalogue(a).is_ok(),
        ),
        case(
            "summarize matter",
            "PUT",
            format!("/api/v1/matters/{matter_id}/summary"),
            Body::Json(json!({ "text": "小结" })),
            may(Action::FacilitateMatters, building3()),
        ),
        case(
            "matter settings",
            "PUT",
            "/api/v1/communities/com_t/matter-settings",
            Body::Json(
                json!({ "settings": { "building_supports": 3, "compound_supports": 10, "community_supports": 20, "evaluation_days": 14 } }),
            ),
            may(Action::ManageMatters, community()),
        ),
        case(
            "tree",
            "GET",
            "/api/v1/territory",
            Body::None,
            has_any(Action::ViewTerritory),
        ),
        case(
            "create unit",
            "POST",
            "/api/v1/units",
            Body::Json(json!({ "parent_id": "bld_t03", "name": marker("u") })),
            may(Action::ManageTerritory, building3()),
        ),
        case(
            "rename unit",
            "PATCH",
            "/api/v1/units/unt_t03_2",
            Body::Json(json!({ "name": "2单元" })),
            may(Action::ManageTerritory, unit3(2)),
        ),
        case(
            "archive building",
            "POST",
            format!("/api/v1/buildings/{building_id}/archive"),
            Body::None,
            may(Action::ManageTerritory, community()),
        ),
        case(
            "restore building",
            "POST",
            format!("/api/v1/buildings/{building_id}/restore"),
            Body::None,
            may(Action::ManageTerritory, community()),
        ),
        case(
            "import",
            "POST",
            "/api/v1/communities/com_t/imports",
            Body::Csv(csv),
            may(Action::ManageTerritory, community()),
        ),
        case(
            "households of a unit",
            "GET",
            "/api/v1/units/unt_t03_1/households",
            Body::None,
            may(Action::ViewTerritory, unit3(1)),
        ),
        case(
            "add a member without phone",
            "POST",
            "/api/v1/households/hh_t03_1_030/members",
            Body::Json(json!({ "name": "矩阵老人" })),
            may(Action::ManageHouseholds, unit3(1)),
        ),
        case(
            "representative",
            "PUT",
            "/api/v1/households/hh_t03_1_002/representative",
            Body::Json(json!({ "member_id": "mbr_r3" })),
            may(Action::ManageHouseholds, unit3(1)),
        ),
        case(
            "invite for a household",
            "POST",
            "/api/v1/households/hh_t03_1_031/invites",
            Body::Json(json!({})),
            may(Action::ManageInvites, unit3(1)),
        ),
        case(
            "invites for a building",
            "POST",
            "/api/v1/buildings/bld_t03/invites",
            Body::Json(json!({})),
            may(Action::ManageInvites, building3()),
        ),
        case(
            "invite sheet",
            "GET",
            "/api/v1/buildings/bld_t03/invites",
            Body::None,
            may(Action::ManageInvites, building3()),
        ),
        case(
            "members",
            "GET",
            "/api/v1/members",
            Body::None,
            has_any(Action::ViewMembers),
        ),
        case(
            "a member",
            "GET",
            "/api/v1/members/mbr_r3",
            Body::None,
            may(Action::ViewMembers, unit3(1)),
        ),
        case(
            "verify",
            "POST",
            "/api/v1/members/mbr_r3/verification",
            Body::Json(json!({ "decision": "confirm" })),
            may(Action::VerifyResident, unit3(1)),
        ),
        case(
            "grant council member",
            "POST",
            "/api/v1/members/mbr_elder/roles",
            Body::Json(
                json!({ "role": "council_member", "scope": { "kind": "community", "id": "com_t" } }),
            ),
            may(Action::GrantRole(Role::CouncilMember), community()),
        ),
        case(
            "revoke council member",
            "POST",
            "/api/v1/members/mbr_elder/roles/revoke",
            Body::Json(
                json!({ "role": "council_member", "scope": { "kind": "community", "id": "com_t" } }),
            ),
            may(Action::GrantRole(Role::CouncilMember), community()),
        ),
        case(
            "grant community staff",
            "POST",
            "/api/v1/members/mbr_elder/roles",
            Body::Json(
                json!({ "role": "community_staff", "scope": { "kind": "community", "id": "com_t" } }),
            ),
            may(Action::GrantRole(Role::CommunityStaff), community()),
        ),
        case(
            "revoke community staff",
            "POST",
            "/api/v1/members/mbr_elder/roles/revoke",
            Body::Json(
                json!({ "role": "community_staff", "scope": { "kind": "community", "id": "com_t" } }),
            ),
            may(Action::GrantRole(Role::CommunityStaff), community()),
        ),
        case(
            "passcode reset",
            "POST",
            format!("/api/v1/members/{joined_id}/passcode-reset"),
            Body::None,
            may(Action::ResetPasscode, joined_home.clone()),
        ),
        case(
            "audit",
            "GET",
            "/api/v1/audit",
            Body::None,
            has_any(Action::ReadAudit),
        ),
        case(
            "post a notice",
            "POST",
            "/api/v1/notices",
            Body::Json(
                json!({ "title": marker("m"), "body": "正文", "scope": { "kind": "building", "id": "bld_t03" } }),
            ),
            may(Action::PostNotice, building3()),
        ),
        case(
            "mark read",
            "POST",
            format!("/api/v1/notices/{notice_id}/reads"),
            Body::Json(json!({})),
            may(Action::MarkNoticeRead, community()),
        ),
        case(
            "mark read on behalf",
            "POST",
            format!("/api/v1/notices/{notice_id}/reads"),
            Body::Json(
                json!({ "on_behalf": { "member_id": "mbr_elder", "reason": "老人没有手机，上门告知" } }),
            ),
            |a: &Actor| {
                policy::can_read_notice(a, &community())
                    && can_act_on_behalf(a, &MemberId::from_trusted("mbr_elder"), Some(&unit3(1)))
                        .is_ok()
            },
        ),
        case(
            "reads of a notice",
            "GET",
            format!("/api/v1/notices/{notice_id}/reads"),
            Body::None,
            |a: &Actor| {
                policy::can_read_notice(a, &community())
                    && !policy::scopes_for(a, Action::ViewNoticeReads).is_empty()
            },
        ),
        case(
            "sessions",
            "GET",
            "/api/v1/sessions",
            Body::None,
            |a: &Actor| authorize(a, Action::ManageOwnAccount, Target::Own).is_ok(),
        ),
        case(
            "profile",
            "PATCH",
            "/api/v1/me/profile",
            Body::Json(json!({})),
            |a: &Actor| authorize(a, Action::ManageOwnAccount, Target::Own).is_ok(),
        ),
    ];

    let callers = [
        ("resident", RESIDENT3, RESIDENT_PASSCODE),
        ("pending resident", PENDING, RESIDENT_PASSCODE),
        ("council member", COUNCIL, RESIDENT_PASSCODE),
        ("building head", HEAD3, RESIDENT_PASSCODE),
        ("resident group leader", GROUP_LEADER, RESIDENT_PASSCODE),
        ("grid worker", GRID, STAFF_PASSWORD),
        ("grid head", GRID_HEAD, STAFF_PASSWORD),
        ("grid director", GRID_DIRECTOR, STAFF_PASSWORD),
        ("community staff", STAFF2, STAFF_PASSWORD),
        ("staff of another community", OTHER_STAFF, STAFF_PASSWORD),
        ("street admin", ADMIN, STAFF_PASSWORD),
    ];
    let mut checked = 0;
    let mut allowed_somewhere = vec![false; cases.len()];
    let mut refused_somewhere = vec![false; cases.len()];
    for (who, phone, password) in callers {
        let mut api = Api::signed_in(phone, password);
        let actor = actor_of(&api.me());
        for (i, c) in cases.iter().enumerate() {
            let resp = call(&mut api, c);
            let expected = (c.allowed)(&actor);
            if expected {
                allowed_somewhere[i] = true;
                assert!(
                    ![401, 403, 404, 500].contains(&resp.status),
                    "{who} should be allowed to {}: {} {}",
                    c.name,
                    resp.status,
                    resp.body
                );
            } else {
                refused_somewhere[i] = true;
                assert!(
                    [403, 404].contains(&resp.status),
                    "{who} should be refused {}: {} {}",
                    c.name,
                    resp.status,
                    resp.body
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, cases.len() * 11);
    // Every route is allowed to someone, and every route but the member's own account is refused to
    // someone: the matrix exercises both sides.
    assert!(
        allowed_somewhere.iter().all(|a| *a),
        "{allowed_somewhere:?}"
    );
    for (i, c) in cases.iter().enumerate() {
        if !["sessions", "profile", "me", "postable places", "votes"].contains(&c.name) {
            assert!(refused_somewhere[i], "nobody was refused {}", c.name);
        }
    }
}

/// The endpoints of the table that need a session.
fn acting_endpoints() -> Vec<RouteInfo> {
    routes::table()
        .into_iter()
        .filter(|r| r.access.needs_session())
        .collect()
}

/// A well-formed sample of a path parameter of the given shape (`RouteInfo::params`).
fn sample(shape: &str) -> String {
    match shape {
        "integer" => "1".to_owned(),
        "token" => "tok_1".to_owned(),
        s if s.starts_with("compounds") => "buildings".to_owned(),
        s => format!("{}_1", s.trim_start_matches("id (").trim_end_matches("_…)")),
    }
}

/// Signed out, every endpoint of the table that needs a session answers 401 first: before reading the
/// body, and before a well-formed but unknown id could answer 404.
#[test]
fn signed_out_callers_are_refused_everywhere() {
    let mut api = Api::new();
    let mut wrong = Vec::new();
    for info in acting_endpoints() {
        let path = format!(
            "{PREFIX}{}",
            info.path_with(|name| {
                let shape = info
                    .params
                    .iter()
                    .find(|(p, _)| *p == name)
                    .map(|(_, s)| *s)
                    .unwrap_or_default();
                sample(shape)
            })
        );
        let resp = match (info.method, info.body_media) {
            (Method::Get, _) => api.get(&path),
            (Method::Delete, _) => api.delete(&path),
            (m, Media::Csv) => api.send(m.as_str(), &path, "text/csv", "a,b\n"),
            (m, Media::Image) => api.send_bytes(m.as_str(), &path, "image/png", PNG),
            (m, _) => api.send(m.as_str(), &path, "application/json", "{}"),
        };
        if resp.status != 401 || resp.code() != "unauthenticated" {
            wrong.push(format!(
                "{} {} {path}: {} {}",
                info.name,
                info.method.as_str(),
                resp.status,
                resp.body
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "signed out, these did not answer 401 unauthenticated:\n{}",
        wrong.join("\n")
    );
}
