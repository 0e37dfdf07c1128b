//! Votes (投票): created for a scope by staff or a building head, opened at their time with a
//! snapshot of their electorate, cast on phones (`casting.rs`), closed, counted and published
//! (`results.rs`). Where a vote stands and which moves it allows is its course,
//! `yishi_core::votes::Course`; this file loads, opens and shows a vote.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::votes::{
    CreateVoteRequest, MyBallotsResponse, MyVote, MyVoteRecord, Participation, VoteListResponse,
    VoteResponse, VoteState, VoteSummary, VoteView,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{MemberId, VoteId};
use yishi_core::members::Actor;
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::votes::VoteMove;
use yishi_core::votes::electorate::VoterKey;
use yishi_core::votes::mine::{shown_to_voter, waits_for_her};

use crate::ballots::{electorate_now, open_due, open_if_due, participation, prepare, tally};
use crate::db::{self, audit, votes::StoredVote};
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json};
use crate::session;

use super::common::audit_entry;

use casting::proxies_of;

mod casting;
mod results;

pub use casting::{add_proxy, cast, paper, voters};
pub use results::{ballots, publish_result, result};

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Vote,
    }
}

/// Loads a vote; once its time has come, opens it first (taking the electorate snapshot, once), so that
/// every reader and voter sees the same electorate. Those it addresses (by the policy) and its voters
/// (a council member living elsewhere) see it; for anyone else it does not exist.
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredVote> {
    let vote = stored(ctx, id).await?;
    let readable = authorize(actor, Action::ReadVote, Target::Scope(&vote.scope)).is_ok()
        || !db::votes::my_votes(&ctx.db()?, &vote.id, &actor.member)
            .await?
            .is_empty();
    if readable {
        Ok(vote)
    } else {
        Err(not_found().into())
    }
}

/// As [`load`], with her votes in it, read once (they also say whether she may read it): a ballot
/// costs no more round trips than it needs.
async fn load_with_mine(
    ctx: &Ctx,
    actor: &Actor,
    id: &str,
) -> ApiResult<(StoredVote, Vec<db::votes::MyVoteRow>)> {
    let id = VoteId::parse(id).ok_or(not_found())?;
    let db = ctx.db()?;
    let (vote, mine) = db::votes::get_with_mine(&db, &id, &actor.member).await?;
    let vote = vote.ok_or(not_found())?;
    let was_open = vote.opened;
    let vote = open_if_due(ctx, vote).await?;
    // Opened just now: her votes are those of the snapshot just taken.
    let mine = if was_open || !vote.opened {
        mine
    } else {
        db::votes::my_votes(&db, &vote.id, &actor.member).await?
    };
    if authorize(actor, Action::ReadVote, Target::Scope(&vote.scope)).is_ok() || !mine.is_empty() {
        Ok((vote, mine))
    } else {
        Err(not_found().into())
    }
}

/// The vote, opened if its time has come.
async fn stored(ctx: &Ctx, id: &str) -> ApiResult<StoredVote> {
    let id = VoteId::parse(id).ok_or(not_found())?;
    let db = ctx.db()?;
    open_if_due(ctx, db::votes::get(&db, &id).await?.ok_or(not_found())?).await
}

/// Loads a vote for someone who runs it (closes it, enters paper ballots, reads its register, publishes
/// its result): as [`load`], then the policy's `ManageVotes` on its scope.
async fn load_managed(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredVote> {
    let vote = load(ctx, actor, id).await?;
    authorize(actor, Action::ManageVotes, Target::Scope(&vote.scope))?;
    Ok(vote)
}

/// Her votes in a vote as she is shown them: cast or not, and what the vote's secrecy lets her see.
fn my_votes_of(vote: &StoredVote, rows: &[db::votes::MyVoteRow], reader: &MemberId) -> Vec<MyVote> {
    rows.iter()
        .filter_map(|r| {
            parse_key(&r.voter_key).map(|voter| MyVote {
                voter,
                voted: r.voted(),
                delegated: r.delegated != 0,
                ballot: r
                    .recorded(reader)
                    .map(|b| shown_to_voter(vote.settings.secrecy, b)),
            })
        })
        .collect()
}

async fn view(ctx: &Ctx, actor: &Actor, vote: StoredVote) -> ApiResult<VoteView> {
    let db = ctx.db()?;
    let state = vote.course().state(ctx.now);
    let rows = db::votes::my_votes(&db, &vote.id, &actor.member).await?;
    let my_votes = my_votes_of(&vote, &rows, &actor.member);
    let participated = db::votes::participated(&db, &vote.id).await?;
    let result = if vote.course().shows_results(ctx.now) {
        Some(tally(&db, &vote).await?.1)
    } else {
        None
    };
    // Before opening, her votes come from the territory as it stands, with the proxies given so far;
    // once open, from the snapshot, with whether her proxy has cast each.
    let (mut may_delegate, mut delegated, mut delegated_cast) =
        (Vec::new(), Vec::new(), Vec::new());
    if state != VoteState::Scheduled {
        for (key, cast) in db::votes::delegated_away(&db, &vote.id, &actor.member).await? {
            if let Some(key) = parse_key(&key) {
                if cast {
                    delegated_cast.push(key.clone());
                }
                delegated.push(key);
            }
        }
    }
    if state == VoteState::Scheduled && vote.settings.max_proxies > 0 {
        let electorate = electorate_now(&db, &vote.scope, &vote.settings).await?;
        let proxies = proxies_of(&db, &vote.id).await?;
        for voter in electorate
            .iter()
            .filter(|v| v.casters.contains(&actor.member))
        {
            if proxies.iter().any(|p| p.from == voter.key) {
                delegated.push(voter.key.clone());
            } else {
                may_delegate.push(voter.key.clone());
            }
        }
    }
    let count = vote
        .opened
        .then(|| Participation::of(vote.turnout(), participated));
    Ok(VoteView {
        id: vote.id,
        number: vote.number,
        scope: vote.scope.to_ref(),
        scope_name: vote.scope_name,
        settings: vote.settings,
        state,
        eligible: vote.eligible,
        participated,
        count,
        my_votes,
        may_delegate,
        delegated,
        delegated_cast,
        result,
    })
}

fn parse_key(stored: &str) -> Option<VoterKey> {
    match stored.split_once(':')? {
        ("m", id) => yishi_core::ids::MemberId::parse(id).map(VoterKey::Member),
        ("h", id) => yishi_core::ids::HouseholdId::parse(id).map(VoterKey::Household),
        _ => None,
    }
}

/// `POST /api/v1/votes`.
pub async fn create(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CreateVoteRequest = read_json(req).await?;
    let db = ctx.db()?;
    if !yishi_core::ids::is_valid_id(&body.scope.id) {
        return Err(DomainError::Invalid {
            field: Field::Scope,
        }
        .into());
    }
    let scope = db::territory::resolve(&db, &body.scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?;
    let (id, statements) = prepare(ctx, &member.actor, &scope, body.settings).await?;
    db::batch(&db, statements).await?;
    let vote = load(ctx, &member.actor, id.as_str()).await?;
    json(
        201,
        &VoteResponse {
            vote: view(ctx, &member.actor, vote).await?,
        },
    )
}

fn summary(
    vote: &StoredVote,
    state: VoteState,
    needs_my_vote: bool,
    count: Option<Participation>,
) -> VoteSummary {
    VoteSummary {
        id: vote.id.clone(),
        number: vote.number,
        title: vote.settings.title.clone(),
        scope_name: vote.scope_name.clone(),
        state,
        opens_at: vote.settings.opens_at,
        closes_at: vote.settings.closes_at,
        needs_my_vote,
        count,
        matter: vote.matter.clone(),
        meeting: vote.meeting.clone(),
    }
}

/// `GET /api/v1/votes?q=`: the votes addressed to the member, each with its count and whether it waits
/// for her (the same set as the matters list's `mine=vote`: both read `db::votes::waiting_sql`); `q`
/// finds one by its number (`5`, `#5`, `V-5`, `投票5`) or by words of its title.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    open_due(ctx).await?;
    let db = ctx.db()?;
    let audience = policy::notice_audience(&member.actor);
    let waiting = db::votes::waiting_for(&db, &member.actor.member, ctx.now).await?;
    let q = crate::http::search_param(&ctx.url)?;
    let search = db::Search::of(yishi_core::numbers::RecordKind::Vote, q.as_deref());
    let votes: Vec<StoredVote> = db::votes::list(&db, &audience, &search)
        .await?
        .into_iter()
        .filter(|v| authorize(&member.actor, Action::ReadVote, Target::Scope(&v.scope)).is_ok())
        .collect();
    // A vote she may cast that her audience does not reach (a council member living elsewhere).
    let listed: Vec<String> = votes.iter().map(|v| v.id.to_string()).collect();
    let extra: Vec<String> = waiting
        .iter()
        .filter(|id| !listed.contains(id))
        .cloned()
        .collect();
    let mut votes = votes;
    votes.extend(
        db::votes::get_many(&db, &extra)
            .await?
            .into_iter()
            .filter(|v| search.admits(v.number, &v.settings.title)),
    );
    let refs: Vec<&StoredVote> = votes.iter().collect();
    let counts = participation(&db, &refs).await?;
    let votes = votes
        .iter()
        .zip(counts)
        .map(|(v, count)| {
            let state = v.course().state(ctx.now);
            let uncast = usize::from(waiting.contains(&v.id.to_string()));
            summary(v, state, waits_for_her(state, uncast), count)
        })
        .collect();
    json(200, &VoteListResponse { votes })
}

/// `GET /api/v1/me/ballots`: the votes she took part in, newest first, with her ballots as she may see
/// them (see `yishi_core::votes::mine`).
pub async fn my_ballots(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    let db = ctx.db()?;
    let me = &member.actor.member;
    let rows = db::votes::my_ballots(&db, me).await?;
    let away = db::votes::all_delegated_away(&db, me).await?;
    let mut ids: Vec<String> = rows
        .iter()
        .filter(|r| r.voted())
        .map(|r| r.vote_id.clone())
        .chain(away.iter().map(|(vote, _, _)| vote.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    let mut votes = db::votes::get_many(&db, &ids).await?;
    votes.truncate(100);
    let refs: Vec<&StoredVote> = votes.iter().collect();
    let counts = participation(&db, &refs).await?;
    let waiting = db::votes::waiting_for(&db, me, ctx.now).await?;
    let votes = votes
        .iter()
        .zip(counts)
        .map(|(v, count)| {
            let mine: Vec<db::votes::MyVoteRow> = rows
                .iter()
                .filter(|r| r.vote_id == v.id.as_str())
                .cloned()
                .collect();
            let mine = my_votes_of(v, &mine, me);
            let state = v.course().state(ctx.now);
            let uncast = usize::from(waiting.contains(&v.id.to_string()));
            let (mut delegated, mut delegated_cast) = (Vec::new(), Vec::new());
            for (_, key, cast) in away.iter().filter(|(vote, _, _)| vote == v.id.as_str()) {
                if let Some(key) = parse_key(key) {
                    if *cast {
                        delegated_cast.push(key.clone());
                    }
                    delegated.push(key);
                }
            }
            MyVoteRecord {
                vote: summary(v, state, waits_for_her(state, uncast), count),
                secrecy: v.settings.secrecy,
                method: v.settings.method.clone(),
                options: v.settings.options.clone(),
                mine,
                delegated,
                delegated_cast,
            }
        })
        .collect();
    json(200, &MyBallotsResponse { votes })
}

/// `GET /api/v1/votes/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    json(
        200,
        &VoteResponse {
            vote: view(ctx, &member.actor, vote).await?,
        },
    )
}

/// `POST /api/v1/votes/{id}/close`: ends voting before its time.
pub async fn close(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load_managed(ctx, &member.actor, id).await?;
    if vote.course().may(VoteMove::Close, ctx.now).is_ok() {
        let db = ctx.db()?;
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            AuditAction::VoteClose,
            ("vote", vote.id.as_str()),
            &vote.scope,
            serde_json::json!({ "title": vote.settings.title }),
        )?;
        let mut statements = vec![
            db::votes::close(&db, &vote.id, ctx.now)?,
            audit::insert_if_changed(&db, &entry)?,
        ];
        if let Some(meeting) = &vote.meeting {
            statements.push(db::meetings::bump(&db, meeting)?);
        }
        db::batch(&db, statements).await?;
        if let Some(meeting) = &vote.meeting {
            super::meetings::changed(ctx, meeting).await?;
        }
    }
    let vote = load(ctx, &member.actor, id).await?;
    json(
        200,
        &VoteResponse {
            vote: view(ctx, &member.actor, vote).await?,
        },
    )
}
