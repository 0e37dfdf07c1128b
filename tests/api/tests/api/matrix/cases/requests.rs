//! Residents' requests about building 3, and the catalogue they are filed in.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let limit = json!({ "unit": "hours", "value": 4 });
    let sub = json!({ "category": r.category, "name": marker("矩阵小类"), "unit": r.handling_unit, "limit": limit });
    let csv = format!(
        "category,subcategory,unit,unit_kind,limit,limit_unit,legal_basis,standard,keywords\n{},积水,{},utility,6,hours,,,积水\n",
        marker("矩阵导入"),
        marker("矩阵导入单位")
    );
    vec![
        case("catalogue", RequestCatalogue {}, Body::Empty, everyone),
        case(
            "add a category",
            CreateRequestCategory {},
            Body::Json(json!({ "name": marker("大类") })),
            catalogue,
        ),
        case(
            "rename a category",
            UpdateRequestCategory {
                id: r.category.clone(),
            },
            Body::Json(json!({ "name": marker("大类") })),
            catalogue,
        ),
        case(
            "add a subcategory",
            CreateSubcategory {},
            Body::Json(sub),
            catalogue,
        ),
        case(
            "change a subcategory",
            UpdateSubcategory {
                id: r.subcategory.clone(),
            },
            Body::Json(
                json!({ "category": r.category, "name": marker("矩阵小类"), "unit": r.handling_unit, "limit": { "unit": "hours", "value": 8 } }),
            ),
            catalogue,
        ),
        case(
            "add a unit",
            CreateHandlingUnit {},
            Body::Json(json!({ "name": marker("单位"), "kind": "utility" })),
            adds_a_unit,
        ),
        case(
            "change a unit",
            UpdateHandlingUnit {
                id: r.handling_unit.clone(),
            },
            Body::Json(json!({ "name": marker("单位"), "kind": "street_department" })),
            keeps_the_unit,
        ),
        case(
            "add a unit member",
            AddUnitMember {
                id: r.handling_unit.clone(),
            },
            Body::Json(json!({ "phone": r.joined_phone })),
            keeps_the_unit,
        ),
        case(
            "remove a unit member",
            RemoveUnitMember {
                id: r.handling_unit.clone(),
                member: r.joined.clone(),
            },
            Body::Empty,
            keeps_the_unit,
        ),
        case(
            "request calendar",
            PutRequestCalendar {},
            Body::Json(
                json!({ "holidays": ["2027-01-01"], "workdays": ["2027-02-07"], "confirm_days": 7 }),
            ),
            catalogue,
        ),
        case("catalogue export", ExportCatalogue {}, Body::Empty, staff),
        case(
            "catalogue import",
            ImportCatalogue {},
            Body::Csv(csv),
            catalogue,
        ),
        case(
            "similar requests",
            SimilarRequests {},
            Body::Empty,
            |a: &Actor| {
                may(Action::ReportRequest, building3())(a)
                    || may(Action::RegisterRequest, building3())(a)
            },
        )
        .query("subcategory=sub_t_light&place_kind=building&place_id=bld_t03"),
        case(
            "report request",
            CreateRequest {},
            Body::Json(
                json!({ "subcategory": "sub_t_light", "description": "路灯", "place": { "kind": "building", "id": "bld_t05" } }),
            ),
            may(Action::ReportRequest, building5()),
        ),
        case(
            "register request",
            CreateRequest {},
            Body::Json(
                json!({ "subcategory": "sub_t_light", "description": "路灯", "place": records::building3(),
                        "on_behalf": { "channel": "phone", "name": "来电居民" } }),
            ),
            may(Action::RegisterRequest, building3()),
        ),
        case(
            "all requests",
            ListRequests {},
            Body::Empty,
            has_any(Action::DispatchRequests),
        )
        .query("view=all"),
        case(
            "request figures",
            RequestFigures {},
            Body::Empty,
            has_any(Action::DispatchRequests),
        ),
        case(
            "an Open311 key",
            CreateOpen311Key {},
            Body::Json(json!({ "name": marker("客户端"), "community": "com_t" })),
            may(Action::DispatchRequests, community()),
        ),
        case(
            "Open311 keys",
            ListOpen311Keys {},
            Body::Empty,
            has_any(Action::DispatchRequests),
        ),
        case(
            "revoke an Open311 key",
            RevokeOpen311Key {
                id: token(&r.open311_key),
            },
            Body::Empty,
            may(Action::DispatchRequests, community()),
        ),
        case(
            "a request",
            GetRequest {
                id: r.request_to_see.clone(),
            },
            Body::Empty,
            |a: &Actor| {
                let p = parties(a);
                p.dispatcher || p.requester
            },
        ),
        case(
            "me too",
            JoinOpenRequest {
                id: r.request_to_join.clone(),
            },
            Body::Empty,
            may(Action::ReportRequest, building3()),
        ),
        case(
            "send a returned request on",
            ChangeRequestStatus {
                id: r.request_returned.clone(),
            },
            Body::Json(json!({ "action": "reroute", "note": "转社区居委会" })),
            on_request(Transition::Reroute),
        ),
        case(
            "confirm it fixed",
            ConfirmRequestOutcome {
                id: r.request_resolved.clone(),
            },
            Body::Json(json!({ "outcome": "fixed", "stars": 5 })),
            on_request(Transition::Close),
        ),
        case(
            "split request",
            SplitRequestOff {
                id: r.request_to_split.clone(),
            },
            Body::Json(json!({ "subcategory": "sub_t_noise", "description": "夜间施工" })),
            may(Action::DispatchRequests, building3()),
        ),
    ]
}
