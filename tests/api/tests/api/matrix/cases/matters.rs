//! Residents' matters of building 3 through their steps, and photos.

use super::*;
use yishi_core::matters;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let plain = || matter(None, false);
    let owned = || matter(Some(OWNER), false);
    let reads = |a: &Actor| matters::can_read(a, &building3());
    vec![
        case("matters", ListMatters {}, Body::Empty, everyone),
        case(
            "propose",
            ProposeMatter {},
            Body::Json(
                json!({ "title": marker("提议"), "description": "说明", "category": "other", "scope": records::building3() }),
            ),
            |a: &Actor| matters::may_propose(a, &building3()).is_ok(),
        ),
        case("board", MatterBoard {}, Body::Empty, |a: &Actor| {
            policy::can_read_notice(a, &community())
        })
        .query("community=com_t"),
        case(
            "a matter",
            GetMatter {
                id: r.matter_proposed.clone(),
            },
            Body::Empty,
            reads,
        ),
        case(
            "support",
            SupportMatter {
                id: r.matter_proposed.clone(),
            },
            Body::Empty,
            on_matter(plain(), Move::Support),
        ),
        case(
            "comment",
            CommentMatter {
                id: r.matter_proposed.clone(),
            },
            Body::Json(json!({ "stance": "question", "body": "预算多少？" })),
            on_matter(plain(), Move::Comment),
        ),
        case(
            "hide a comment",
            HideComment {
                id: r.matter_proposed.clone(),
                comment: r.comment.clone(),
            },
            Body::Json(json!({ "reason": "与议题无关" })),
            on_matter(plain(), Move::Moderate),
        ),
        case(
            "summarize",
            SummarizeMatter {
                id: r.matter_for_agenda.clone(),
            },
            Body::Json(json!({ "text": "小结" })),
            on_matter(plain(), Move::Summarize),
        ),
        case(
            "decline",
            DeclineMatter {
                id: r.matter_to_decline.clone(),
            },
            Body::Json(json!({ "reason": "不属于本楼事务" })),
            on_matter(plain(), Move::Decline),
        ),
        case(
            "merge",
            MergeMatter {
                id: r.matter_duplicate.clone(),
            },
            Body::Json(json!({ "into": r.matter_target })),
            on_matter(plain(), Move::Merge),
        ),
        case(
            "put to a ballot",
            MatterBallot {
                id: r.matter_deliberating.clone(),
            },
            Body::Json(json!({ "settings": yes_no_settings(&marker("表决")) })),
            on_matter(plain(), Move::PutToBallot),
        ),
        case(
            "put on an agenda",
            MatterAgenda {
                id: r.matter_for_agenda.clone(),
            },
            Body::Json(json!({ "meeting": r.meeting_scheduled })),
            on_matter(plain(), Move::PutToMeeting),
        ),
        case(
            "record the decision",
            MatterDecision {
                id: r.matter_deciding.clone(),
            },
            Body::Json(json!({})),
            on_matter(plain(), Move::Decide(Decision::Adopted)),
        ),
        case(
            "reconsider",
            ReconsiderMatter {
                id: r.matter_implementing.clone(),
            },
            Body::Empty,
            on_matter(owned(), Move::Reconsider),
        )
        .never_succeeds(
            "it takes an upheld objection to the published decision (matters.rs has one)",
        ),
        case(
            "name the owner",
            MatterOwner {
                id: r.matter_implementing.clone(),
            },
            Body::Json(
                json!({ "kind": "resident_team", "name": "楼道自治小组", "phone": records::OWNER_PHONE }),
            ),
            on_matter(owned(), Move::AssignOwner),
        ),
        case(
            "adopt a micro-wish",
            AdoptMatter {
                id: r.micro_wish.clone(),
            },
            Body::Empty,
            on_matter(matter(None, true), Move::Adopt),
        ),
        case(
            "add a milestone",
            AddMilestone {
                id: r.matter_implementing.clone(),
            },
            Body::Json(
                json!({ "title": "验收准备", "due_on": (chrono::Utc::now() + chrono::Duration::days(60)).date_naive() }),
            ),
            on_matter(owned(), Move::EditMilestones),
        ),
        case(
            "milestone done",
            MilestoneDone {
                id: r.matter_implementing.clone(),
                position: 1,
            },
            Body::Empty,
            on_matter(owned(), Move::PostProgress),
        ),
        case(
            "progress",
            MatterProgress {
                id: r.matter_implementing.clone(),
            },
            Body::Json(json!({ "body": "灯具已到货" })),
            on_matter(owned(), Move::PostProgress),
        ),
        case(
            "ready for acceptance",
            MatterReady {
                id: r.matter_to_hand_over.clone(),
            },
            Body::Empty,
            on_matter(owned(), Move::RequestAcceptance),
        ),
        case(
            "accept the work",
            MatterAcceptance {
                id: r.matter_accepting.clone(),
            },
            Body::Json(json!({ "accept": true })),
            on_matter(owned(), Move::Accept),
        ),
        case(
            "rate",
            RateMatter {
                id: r.matter_evaluating.clone(),
            },
            Body::Json(json!({ "stars": 5 })),
            on_matter(owned(), Move::Rate),
        ),
        case(
            "matter settings",
            MatterSettings {
                id: CommunityId::from_trusted("com_t"),
            },
            Body::Empty,
            |a: &Actor| policy::can_read_notice(a, &community()),
        ),
        case(
            "change matter settings",
            PutMatterSettings {
                id: CommunityId::from_trusted("com_t"),
            },
            Body::Json(
                json!({ "settings": { "building_supports": 3, "compound_supports": 10, "community_supports": 20, "evaluation_days": 14 } }),
            ),
            may(Action::ManageMatters, community()),
        ),
        // Photos: the rule is the handler's (a confirmed resident, an office holder or a handling
        // unit's member uploads), not a policy action.
        case(
            "upload a photo",
            UploadPhoto {},
            Body::Image(PNG),
            |a: &Actor| a.residence().is_some() || !a.grants.is_empty(),
        ),
        case(
            "a matter's photo",
            GetPhoto {
                id: r.photo_attached.clone(),
            },
            Body::Empty,
            reads,
        ),
        case(
            "a photo not attached yet",
            GetPhoto {
                id: r.photo_loose.clone(),
            },
            Body::Empty,
            |a: &Actor| a.member.as_str() == RESIDENT,
        ),
    ]
}
