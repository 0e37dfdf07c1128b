//! Budget rounds of the community: opening one, reading it, moving its dates, posting and supporting
//! needs.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let in_days = |days: i64| {
        (chrono::Utc::now() + chrono::Duration::days(days))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    let phases: Vec<serde_json::Value> = ["needs", "plans", "vote", "implementation"]
        .iter()
        .enumerate()
        .map(|(i, p)| json!({ "phase": p, "ends_at": in_days(20 + 7 * i as i64) }))
        .collect();
    vec![
        case("rounds", ListRounds {}, Body::Empty, everyone),
        case(
            "open a round",
            CreateRound {},
            Body::Json(json!({
                "community": "com_t", "title": marker("微实事"), "budget_fen": 5_000_000,
                "cap_fen": 1_000_000, "allocation": "equal_shares", "categories": ["为老服务"],
                "starts_at": in_days(0), "phases": phases,
            })),
            may(Action::ManageMatters, community()),
        ),
        case(
            "a round",
            GetRound {
                id: r.round.clone(),
            },
            Body::Empty,
            |a: &Actor| yishi_core::matters::can_read(a, &community()),
        ),
        case(
            "move a phase's end",
            MoveRoundPhase {
                id: r.round.clone(),
            },
            Body::Json(json!({ "phase": "needs", "ends_at": in_days(25) })),
            may(Action::ManageMatters, community()),
        ),
        case(
            "post a need",
            PostNeed {
                id: r.round.clone(),
            },
            Body::Json(
                json!({ "title": "小区门口加座椅", "description": "等车的老人没处坐。", "category": "环境美化" }),
            ),
            may(Action::TakePartInMatter, community()),
        ),
        case(
            "support a need",
            SupportNeed {
                id: r.round.clone(),
                need: r.need.clone(),
            },
            Body::Empty,
            may(Action::TakePartInMatter, community()),
        ),
    ]
}
