//! The vote engine as a service: opening a vote with its electorate snapshot, checking and storing a new
//! vote, counting the published ballots and reading a closed vote's decision. The votes routes call it,
//! and so do the areas that decide by a vote — a meeting's motions, a matter's ballot, a covenant's
//! adoption — downward, never through another area's routes. The rules themselves are
//! `yishi_core::votes`'s.

use yishi_core::DomainError;
use yishi_core::audit::AuditAction;
use yishi_core::error::Field;
use yishi_core::ids::VoteId;
use yishi_core::members::Actor;
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::territory::ScopePath;
use yishi_core::votes::VoteMove;
use yishi_core::votes::electorate::{Weighting, snapshot};
use yishi_core::votes::poll::{
    Channel, PollSettings, PublishedBallot, Secrecy, count, result_text,
};
use yishi_core::votes::tally::{Ballot, Choice};

use crate::db::{self, audit, votes::StoredVote};
use crate::error::{ApiError, ApiResult};
use crate::http::Ctx;
use crate::routes::common::audit_entry;

/// Opens the vote if its time has come and it has not opened yet (taking the electorate snapshot, once).
pub async fn open_if_due(ctx: &Ctx, vote: StoredVote) -> ApiResult<StoredVote> {
    if vote.course().may(VoteMove::Open, ctx.now).is_err() {
        return Ok(vote);
    }
    let db = ctx.db()?;
    let electorate = electorate_now(&db, &vote.scope, &vote.settings).await?;
    let mut statements = db::votes::open_statements(&db, &vote.id, &electorate, None, ctx.now)?;
    // Those who may cast it are told, once (a second opening writes nothing).
    let told = yishi_core::notifications::Notification::vote_opened(&vote.id, &vote.settings.title);
    statements.push(crate::routes::notifications::told(
        ctx, &db, &told, ctx.now,
    )?);
    db::batch(&db, statements).await?;
    crate::postman::nudge_after(ctx);
    db::votes::get(&db, &vote.id)
        .await?
        .ok_or_else(|| ApiError::internal("vote vanished while opening"))
}

/// Opens every vote whose time has come, so that the lists of votes waiting for a voter (the home
/// screen's, the matters list's) see the same electorates as the vote page.
pub async fn open_due(ctx: &Ctx) -> ApiResult<()> {
    let db = ctx.db()?;
    for vote in db::votes::due(&db, ctx.now).await? {
        open_if_due(ctx, vote).await?;
    }
    Ok(())
}

/// How many have voted, of how many may, for each of `votes` (in their order): the one count every
/// screen shows (`yishi_core::votes::mine::Participation`), `None` for a vote not open yet.
pub async fn participation(
    db: &worker::D1Database,
    votes: &[&StoredVote],
) -> ApiResult<Vec<Option<yishi_core::votes::mine::Participation>>> {
    let ids: Vec<String> = votes.iter().map(|v| v.id.to_string()).collect();
    let cast = db::votes::participated_in(db, &ids).await?;
    Ok(votes
        .iter()
        .map(|v| {
            v.opened.then(|| {
                let n = cast
                    .iter()
                    .find(|(id, _)| *id == v.id.as_str())
                    .map_or(0, |(_, n)| *n);
                yishi_core::votes::mine::Participation::of(v.turnout(), n)
            })
        })
        .collect())
}

/// The vote's electorate from the territory as it is now (the rule, the scope, the opening year).
pub async fn electorate_now(
    db: &worker::D1Database,
    scope: &ScopePath,
    settings: &PollSettings,
) -> ApiResult<Vec<yishi_core::votes::electorate::Voter>> {
    electorate(
        db,
        scope,
        settings.electorate,
        settings.weighting(),
        settings.opens_at,
        None,
    )
    .await
}

/// Whom `rule` calls in `scope` from the territory as it is now, ages counted in the year of `on`; with
/// `only`, just the voters `only` may cast for (read from her household alone).
pub async fn electorate(
    db: &worker::D1Database,
    scope: &ScopePath,
    rule: yishi_core::votes::electorate::ElectorateRule,
    weighting: Weighting,
    on: chrono::DateTime<chrono::Utc>,
    only: Option<&yishi_core::ids::MemberId>,
) -> ApiResult<Vec<yishi_core::votes::electorate::Voter>> {
    let candidates = db::votes::candidates(db, scope, only).await?;
    let year = u16::try_from(chrono::Datelike::year(&on)).unwrap_or(u16::MAX);
    Ok(snapshot(rule, weighting, scope, year, &candidates))
}

/// Checks a new vote for `scope` by `actor` and returns its id and the statements that store it with
/// its audit entry (run them in one batch, with whatever else depends on the vote).
pub async fn prepare(
    ctx: &Ctx,
    actor: &Actor,
    scope: &ScopePath,
    settings: PollSettings,
) -> ApiResult<(VoteId, Vec<worker::D1PreparedStatement>)> {
    let db = ctx.db()?;
    authorize(actor, Action::ManageVotes, Target::Scope(scope))?;
    let settings = settings.validate()?;
    yishi_core::votes::poll::opening(Some(settings.opens_at), ctx.now)?;
    if settings.closes_at <= ctx.now {
        return Err(DomainError::Invalid {
            field: Field::ClosesAt,
        }
        .into());
    }
    if settings.weighting() == Weighting::FloorArea {
        // Every household must weigh its area; the snapshot at opening takes the areas as they are then.
        let missing = electorate_now(&db, scope, &settings)
            .await?
            .iter()
            .filter(|v| v.weight == 0)
            .count();
        if missing > 0 {
            return Err(DomainError::FloorAreaMissing {
                households: u32::try_from(missing).unwrap_or(u32::MAX),
            }
            .into());
        }
    }
    let id = ctx.new_id(VoteId::generate)?;
    let entry = audit_entry(
        ctx,
        &actor.member,
        AuditAction::VoteCreate,
        ("vote", id.as_str()),
        scope,
        serde_json::json!({ "title": settings.title }),
    )?;
    let statements = vec![
        db::votes::insert(&db, &id, scope, &settings, &actor.member, ctx.now)?,
        audit::insert(&db, &entry)?,
    ];
    Ok((id, statements))
}

/// The published ballot list and the count made from it.
pub async fn tally(
    db: &worker::D1Database,
    vote: &StoredVote,
) -> ApiResult<(Vec<PublishedBallot>, yishi_core::votes::poll::PollResult)> {
    let named = vote.settings.secrecy == Secrecy::Named;
    let published = db::votes::ballots(db, &vote.id)
        .await?
        .into_iter()
        .map(|b| {
            Ok(PublishedBallot {
                receipt: b.receipt,
                choice: serde_json::from_str::<Choice>(&b.choice)?,
                weight: b.weight,
                channel: match b.channel.as_str() {
                    "paper" => Channel::Paper,
                    "show_of_hands" => Channel::ShowOfHands,
                    _ => Channel::Online,
                },
                cast_by: if named && b.cast_by_name != b.voter_name {
                    b.cast_by_name
                } else {
                    None
                },
                voter: if named { b.voter_name } else { None },
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let ballots: Vec<Ballot> = published
        .iter()
        .map(|p| Ballot {
            choice: p.choice.clone(),
            weight: p.weight,
        })
        .collect();
    let result = count(&vote.settings, &ballots, vote.turnout());
    Ok((published, result))
}

/// What a closed yes/no vote decided (adopted or not: a missed quorum adopts nothing), with its result
/// in words for the notice that publishes the decision, written in the community's language (Chinese)
/// whatever the reader's. `decision_pending` while the vote is open or is not a yes/no vote.
pub async fn closed_outcome(
    ctx: &Ctx,
    db: &worker::D1Database,
    vote: &VoteId,
) -> ApiResult<(bool, String)> {
    let vote = db::votes::get(db, vote)
        .await?
        .ok_or_else(|| ApiError::internal("a deciding vote vanished"))?;
    if !vote.course().is_final(ctx.now) {
        return Err(DomainError::DecisionPending.into());
    }
    let (_, result) = tally(db, &vote).await?;
    let adopted = matches!(
        &result,
        yishi_core::votes::poll::PollResult::YesNo(r)
            if r.outcome == yishi_core::votes::tally::Outcome::Adopted
    );
    let participated = db::votes::participated(db, &vote.id).await?;
    let (_, body) = result_text(
        &vote.settings,
        &result,
        participated,
        vote.eligible.unwrap_or(0),
        yishi_core::Lang::ZhCn,
    );
    Ok((adopted, body))
}
