//! Covenants of building 3: drafts, votes, signatures.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let clauses = json!({ "clauses": ["不在楼道堆放杂物", "晚十点后不装修", "宠物拴绳"] });
    vec![
        case("covenants", ListCovenants {}, Body::Empty, everyone),
        case(
            "draft a covenant",
            CreateCovenant {},
            Body::Json(
                json!({ "title": marker("公约"), "scope": records::building3(), "clauses": ["不在楼道堆放杂物"] }),
            ),
            on_covenant(CovenantMove::Amend),
        ),
        case(
            "a covenant",
            GetCovenant {
                id: r.covenant_draft.clone(),
            },
            Body::Empty,
            |a: &Actor| yishi_core::matters::can_read(a, &building3()),
        ),
        case(
            "edit a draft",
            EditCovenantDraft {
                id: r.covenant_draft.clone(),
            },
            Body::Json(clauses.clone()),
            on_covenant(CovenantMove::EditDraft),
        ),
        case(
            "comment a clause",
            CommentCovenant {
                id: r.covenant_draft.clone(),
            },
            Body::Json(json!({ "clause": 1, "body": "杂物包括自行车吗？" })),
            on_covenant(CovenantMove::Comment),
        ),
        case(
            "put to a vote",
            CovenantBallot {
                id: r.covenant_to_ballot.clone(),
            },
            Body::Json(json!({ "settings": yes_no_settings(&marker("公约表决")) })),
            on_covenant(CovenantMove::PutToVote),
        ),
        case(
            "record the outcome",
            CovenantAdoption {
                id: r.covenant_voting.clone(),
            },
            Body::Empty,
            on_covenant(CovenantMove::RecordOutcome { adopted: true }),
        ),
        case(
            "amend",
            AmendCovenant {
                id: r.covenant_in_force.clone(),
            },
            Body::Json(clauses),
            on_covenant(CovenantMove::Amend),
        ),
        case(
            "sign",
            SignCovenant {
                id: r.covenant_in_force.clone(),
            },
            Body::Json(json!({})),
            on_covenant(CovenantMove::Sign),
        ),
        case(
            "record a paper signature",
            SignCovenant {
                id: r.covenant_in_force.clone(),
            },
            Body::Json(json!({ "household": "hh_t03_1_010", "reason": "户主书面签字" })),
            may(Action::ActOnBehalf, unit3(1)),
        ),
    ]
}
