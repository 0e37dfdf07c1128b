//! Votes of building 3's residents.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let reads = || may(Action::ReadVote, building3());
    let runs = || may(Action::ManageVotes, building3());
    vec![
        case(
            "create a vote",
            CreateVote {},
            Body::Json(
                json!({ "scope": records::building3(), "settings": yes_no_settings(&marker("矩阵投票")) }),
            ),
            runs(),
        ),
        case("votes", ListVotes {}, Body::Empty, everyone),
        case("my ballots", MyBallots {}, Body::Empty, own),
        case(
            "a vote",
            GetVote {
                id: r.vote_open.clone(),
            },
            Body::Empty,
            reads(),
        ),
        case(
            "cast a ballot",
            CastBallot {
                id: r.vote_open.clone(),
            },
            Body::Json(json!({ "choice": { "kind": "yes" } })),
            voter,
        ),
        case(
            "voters",
            VoteVoters {
                id: r.vote_open.clone(),
            },
            Body::Empty,
            runs(),
        ),
        case(
            "paper ballot",
            PaperBallot {
                id: r.vote_open.clone(),
            },
            Body::Json(
                json!({ "voter": { "kind": "member", "id": "mbr_elder" }, "choice": { "kind": "yes" }, "channel": "paper" }),
            ),
            runs(),
        ),
        case(
            "ballots",
            VoteBallots {
                id: r.vote_closed.clone(),
            },
            Body::Empty,
            reads(),
        ),
        case(
            "result",
            VoteResult {
                id: r.vote_closed.clone(),
            },
            Body::Empty,
            reads(),
        ),
        case(
            "publish a result",
            PublishVoteResult {
                id: r.vote_closed.clone(),
            },
            Body::Empty,
            runs(),
        ),
        case(
            "close a vote",
            CloseVote {
                id: r.vote_to_close.clone(),
            },
            Body::Empty,
            runs(),
        ),
        case(
            "give a proxy",
            AddProxy {
                id: r.vote_scheduled.clone(),
            },
            Body::JsonFor(Box::new(
                |c| json!({ "from": { "kind": "member", "id": c.actor.member }, "to": { "kind": "member", "id": "mbr_elder" } }),
            )),
            voter,
        ),
    ]
}
