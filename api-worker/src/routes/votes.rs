//! Votes (投票): created for a scope by staff or a building head, opened at their time with a
//! snapshot of their electorate, cast on phones, closed, counted and published.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::votes::{
    BallotListResponse, CastRequest, CastResponse, CreateVoteRequest, MyVote, PaperBallotRequest,
    ProxyRequest, VoteListResponse, VoteResponse, VoteState, VoteSummary, VoteView,
};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::VoteId;
use yishi_core::members::Actor;
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::votes::electorate::{Proxy, VoterKey, check_proxy, snapshot};
use yishi_core::votes::poll::{
    Channel, PublishedBallot, Secrecy, count, receipt_from_random, result_text,
};
use yishi_core::votes::tally::{Ballot, Choice};

use crate::db::{self, audit, votes::StoredVote};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, no_content, query_param, read_json};
use crate::{crypto, session};

use super::common::audit_entry;

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Vote,
    }
}

fn state_of(ctx: &Ctx, v: &StoredVote) -> VoteState {
    if v.closed_early || ctx.now >= v.settings.closes_at {
        VoteState::Closed
    } else if v.opened {
        VoteState::Open
    } else {
        VoteState::Scheduled
    }
}

/// Loads a vote; once its time has come, opens it first (taking the electorate snapshot, once), so that
/// every reader and voter sees the same electorate. Those it addresses (by the policy) and its voters
/// (a council member living elsewhere) see it; for anyone else it does not exist.
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredVote> {
    let id = VoteId::parse(id).ok_or(not_found())?;
    let db = ctx.db()?;
    let mut vote = db::votes::get(&db, &id).await?.ok_or(not_found())?;
    if !vote.opened && ctx.now >= vote.settings.opens_at {
        let electorate = electorate_now(&db, &vote).await?;
        db::votes::open(&db, &vote.id, &electorate, ctx.now).await?;
        vote = db::votes::get(&db, &vote.id)
            .await?
            .ok_or_else(|| ApiError::internal("vote vanished while opening"))?;
    }
    let readable = authorize(actor, Action::ReadVote, Target::Scope(&vote.scope)).is_ok()
        || !db::votes::my_votes(&db, &vote.id, &actor.member)
            .await?
            .is_empty();
    if readable {
        Ok(vote)
    } else {
        Err(not_found().into())
    }
}

/// The vote's electorate from the territory as it is now (the rule, the scope, the opening year).
async fn electorate_now(
    db: &worker::D1Database,
    vote: &StoredVote,
) -> ApiResult<Vec<yishi_core::votes::electorate::Voter>> {
    let candidates = db::votes::candidates(db, &vote.scope).await?;
    let year = u16::try_from(chrono::Datelike::year(&vote.settings.opens_at)).unwrap_or(u16::MAX);
    Ok(snapshot(
        vote.settings.electorate,
        &vote.scope,
        year,
        &candidates,
    ))
}

async fn view(ctx: &Ctx, actor: &Actor, vote: StoredVote) -> ApiResult<VoteView> {
    let db = ctx.db()?;
    let state = state_of(ctx, &vote);
    let my_votes = db::votes::my_votes(&db, &vote.id, &actor.member)
        .await?
        .into_iter()
        .filter_map(|r| {
            parse_key(&r.voter_key).map(|voter| MyVote {
                voter,
                voted: r.voted != 0,
                delegated: r.delegated != 0,
            })
        })
        .collect();
    let participated = db::votes::participated(&db, &vote.id).await?;
    let result = if vote.opened && vote.settings.shows_results(vote.closed_early, ctx.now) {
        Some(tally(&db, &vote).await?.1)
    } else {
        None
    };
    Ok(VoteView {
        id: vote.id,
        scope: vote.scope.to_ref(),
        scope_name: vote.scope_name,
        settings: vote.settings,
        state,
        eligible: vote.eligible,
        participated,
        my_votes,
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

/// The published ballot list and the count made from it.
async fn tally(
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
    let result = count(
        &vote.settings,
        &ballots,
        vote.eligible.unwrap_or(0),
        vote.eligible_weight.unwrap_or(0),
    );
    Ok((published, result))
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
    authorize(&member.actor, Action::ManageVotes, Target::Scope(&scope))?;
    let settings = body.settings.validate()?;
    if settings.closes_at <= ctx.now {
        return Err(DomainError::Invalid {
            field: Field::ClosesAt,
        }
        .into());
    }
    let id = ctx.new_id(VoteId::generate)?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "vote.create",
        ("vote", id.as_str()),
        &scope,
        serde_json::json!({ "title": settings.title }),
    )?;
    db::batch(
        &db,
        vec![
            db::votes::insert(&db, &id, &scope, &settings, &member.actor.member, ctx.now)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    let vote = load(ctx, &member.actor, id.as_str()).await?;
    json(
        201,
        &VoteResponse {
            vote: view(ctx, &member.actor, vote).await?,
        },
    )
}

/// `GET /api/v1/votes`: the votes addressed to the member.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let db = ctx.db()?;
    let audience = policy::notice_audience(&member.actor);
    let waiting = db::votes::waiting_for(&db, &member.actor.member).await?;
    let votes = db::votes::list(&db, &audience)
        .await?
        .into_iter()
        .filter(|v| authorize(&member.actor, Action::ReadVote, Target::Scope(&v.scope)).is_ok())
        .map(|v| {
            let state = state_of(ctx, &v);
            VoteSummary {
                needs_my_vote: state == VoteState::Open && waiting.contains(&v.id.to_string()),
                id: v.id,
                title: v.settings.title.clone(),
                scope_name: v.scope_name,
                state,
                opens_at: v.settings.opens_at,
                closes_at: v.settings.closes_at,
            }
        })
        .collect();
    json(200, &VoteListResponse { votes })
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

/// `POST /api/v1/votes/{id}/ballots`: one of the member's own votes, once; the ballot is stored (and
/// for secret votes, apart from her name) before the receipt is answered.
pub async fn cast(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CastRequest = read_json(req).await?;
    let vote = load(ctx, &member.actor, id).await?;
    vote.settings.accepts_ballots(vote.closed_early, ctx.now)?;
    let db = ctx.db()?;
    let mine = db::votes::my_votes(&db, &vote.id, &member.actor.member).await?;
    let chosen = match &body.voter {
        Some(key) => mine.iter().find(|m| m.voter_key == key.storage_key()),
        None if mine.len() == 1 => mine.first(),
        None => None,
    };
    let Some(chosen) = chosen else {
        return Err(if mine.is_empty() {
            DomainError::NotInElectorate
        } else {
            DomainError::Invalid {
                field: Field::Voter,
            }
        }
        .into());
    };
    // A named vote may allow changing one's ballot until it closes; a secret one never does.
    let replace = chosen.voted != 0;
    if replace && !vote.settings.changeable {
        return Err(DomainError::AlreadyVoted.into());
    }
    let receipt = record(
        &db,
        &vote,
        (&chosen.voter_key, chosen.weight),
        &member.actor.member,
        body.choice,
        Channel::Online,
        replace,
    )
    .await?;
    let voter =
        parse_key(&chosen.voter_key).ok_or_else(|| ApiError::internal("stored voter key"))?;
    json(
        if replace { 200 } else { 201 },
        &CastResponse { receipt, voter },
    )
}

/// Checks a choice and records it for a voter of the snapshot (`key`, `weight`) under a fresh receipt;
/// a voter who already voted is refused (unless `replace`), whatever the channel.
async fn record(
    db: &worker::D1Database,
    vote: &StoredVote,
    (key, weight): (&str, u64),
    cast_by: &yishi_core::ids::MemberId,
    choice: Choice,
    channel: Channel,
    replace: bool,
) -> ApiResult<String> {
    let choice = vote
        .settings
        .method
        .check_choice(vote.settings.options.len(), choice)?;
    let receipt = receipt_from_random(crypto::random_bytes::<8>()?);
    let recorded = db::votes::cast(
        db,
        &db::votes::NewBallot {
            vote: &vote.id,
            voter_key: key,
            cast_by,
            receipt: &receipt,
            choice: &serde_json::to_string(&choice)?,
            weight,
            channel,
            named: vote.settings.secrecy == Secrecy::Named,
        },
        replace,
    )
    .await?;
    if recorded {
        Ok(receipt)
    } else {
        Err(DomainError::AlreadyVoted.into())
    }
}

/// `POST /api/v1/votes/{id}/close`: ends voting before its time.
pub async fn close(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    authorize(
        &member.actor,
        Action::ManageVotes,
        Target::Scope(&vote.scope),
    )?;
    if state_of(ctx, &vote) != VoteState::Closed {
        let db = ctx.db()?;
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            "vote.close",
            ("vote", vote.id.as_str()),
            &vote.scope,
            serde_json::json!({ "title": vote.settings.title }),
        )?;
        db::batch(
            &db,
            vec![
                db::votes::close(&db, &vote.id, ctx.now)?,
                audit::insert_if_changed(&db, &entry)?,
            ],
        )
        .await?;
    }
    let vote = load(ctx, &member.actor, id).await?;
    json(
        200,
        &VoteResponse {
            vote: view(ctx, &member.actor, vote).await?,
        },
    )
}

/// `GET /api/v1/votes/{id}/ballots`: the published list, once results are shown.
pub async fn ballots(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    if !vote.opened || !vote.settings.shows_results(vote.closed_early, ctx.now) {
        return Err(DomainError::ResultsHidden.into());
    }
    let (ballots, result) = tally(&ctx.db()?, &vote).await?;
    if query_param(&ctx.url, "format").as_deref() == Some("csv") {
        return csv_response(&vote, &ballots);
    }
    json(
        200,
        &BallotListResponse {
            ballots,
            eligible: vote.eligible.unwrap_or(0),
            eligible_weight: vote.eligible_weight.unwrap_or(0),
            result,
        },
    )
}

/// The published list as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese):
/// receipt, choice, weight, channel, and for named votes the voter and who cast it.
fn csv_response(vote: &StoredVote, ballots: &[PublishedBallot]) -> ApiResult<Response> {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    }
    let choice_text = |c: &Choice| -> String {
        match c {
            Choice::Yes => "yes".into(),
            Choice::No => "no".into(),
            Choice::Abstain => "abstain".into(),
            Choice::Options { options } => options
                .iter()
                .map(|o| vote.settings.options.get(*o).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" | "),
            Choice::Ranking { ranking } => ranking
                .iter()
                .map(|o| vote.settings.options.get(*o).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" > "),
            Choice::Scores { scores } => scores
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        }
    };
    let mut out = String::from("\u{feff}receipt,choice,weight,channel,voter,cast_by\r\n");
    for b in ballots {
        let channel = match b.channel {
            Channel::Online => "online",
            Channel::Paper => "paper",
            Channel::ShowOfHands => "show_of_hands",
        };
        out.push_str(&format!(
            "{},{},{},{},{},{}\r\n",
            field(&b.receipt),
            field(&choice_text(&b.choice)),
            b.weight,
            channel,
            field(b.voter.as_deref().unwrap_or("")),
            field(b.cast_by.as_deref().unwrap_or(""))
        ));
    }
    let mut resp = Response::ok(out)?;
    resp.headers_mut()
        .set("content-type", "text/csv; charset=utf-8")?;
    resp.headers_mut().set(
        "content-disposition",
        &format!("attachment; filename=\"{}.csv\"", vote.id),
    )?;
    Ok(resp)
}

/// `POST /api/v1/votes/{id}/proxies`: before the vote opens, a voter delegates her vote (her own, or her
/// household's if she may cast it) to another voter.
pub async fn add_proxy(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ProxyRequest = read_json(req).await?;
    let vote = load(ctx, &member.actor, id).await?;
    vote.settings.accepts_proxies(ctx.now)?;
    let db = ctx.db()?;
    // The electorate as it stands now; the snapshot at opening keeps only proxies between its voters.
    let electorate = electorate_now(&db, &vote).await?;
    let hers = electorate
        .iter()
        .any(|v| v.key == body.from && v.casters.contains(&member.actor.member));
    if !hers {
        return Err(DomainError::NotInElectorate.into());
    }
    let existing: Vec<Proxy> = db::votes::proxies(&db, &vote.id)
        .await?
        .into_iter()
        .filter_map(|p| {
            Some(Proxy {
                from: parse_key(&p.from_key)?,
                to: parse_key(&p.to_key)?,
            })
        })
        .collect();
    let proxy = Proxy {
        from: body.from,
        to: body.to,
    };
    check_proxy(&electorate, &existing, &proxy, vote.settings.max_proxies)?;
    if !db::votes::add_proxy(
        &db,
        &vote.id,
        &proxy.from.storage_key(),
        &proxy.to.storage_key(),
        ctx.now,
    )
    .await?
    {
        return Err(DomainError::ProxyTaken.into());
    }
    no_content()
}

/// `POST /api/v1/votes/{id}/paper`: staff enter a ballot cast on paper or by show of hands. The voter
/// counts once across channels: if she voted online, the paper ballot is refused, and the other way round.
pub async fn paper(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: PaperBallotRequest = read_json(req).await?;
    let vote = load(ctx, &member.actor, id).await?;
    authorize(
        &member.actor,
        Action::ManageVotes,
        Target::Scope(&vote.scope),
    )?;
    if body.channel == Channel::Online {
        return Err(DomainError::Invalid {
            field: Field::Channel,
        }
        .into());
    }
    vote.settings.accepts_ballots(vote.closed_early, ctx.now)?;
    let db = ctx.db()?;
    let key = body.voter.storage_key();
    let weight = db::votes::voter_weight(&db, &vote.id, &key)
        .await?
        .ok_or(DomainError::NotInElectorate)?;
    let receipt = record(
        &db,
        &vote,
        (&key, weight),
        &member.actor.member,
        body.choice,
        body.channel,
        false,
    )
    .await?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "vote.paper_ballot",
        ("vote", vote.id.as_str()),
        &vote.scope,
        serde_json::json!({ "voter": key, "channel": body.channel }),
    )?;
    db::batch(&db, vec![audit::insert(&db, &entry)?]).await?;
    json(
        201,
        &CastResponse {
            receipt,
            voter: body.voter,
        },
    )
}

/// `POST /api/v1/votes/{id}/notice`: publishes the result of a closed vote on the notice board, for the
/// vote's scope (公示), by someone who may both manage the vote and post there.
pub async fn publish_result(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    authorize(
        &member.actor,
        Action::ManageVotes,
        Target::Scope(&vote.scope),
    )?;
    if state_of(ctx, &vote) != VoteState::Closed || !vote.opened {
        return Err(DomainError::VoteNotClosed.into());
    }
    let db = ctx.db()?;
    let (_, result) = tally(&db, &vote).await?;
    let participated = db::votes::participated(&db, &vote.id).await?;
    let (title, body) = result_text(
        &vote.settings,
        &result,
        participated,
        vote.eligible.unwrap_or(0),
        ctx.lang,
    );
    let notice = yishi_core::notices::publish_notice(
        &member.actor,
        vote.scope.clone(),
        &title,
        &body,
        ctx.new_id(yishi_core::ids::NoticeId::generate)?,
        ctx.now,
    )?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "vote.publish_result",
        ("vote", vote.id.as_str()),
        &vote.scope,
        serde_json::json!({ "notice": notice.id }),
    )?;
    db::batch(
        &db,
        vec![
            db::notices::insert(&db, &notice)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    let (_, view) = db::notices::get(&db, &notice.id)
        .await?
        .ok_or_else(|| ApiError::internal("notice vanished after insert"))?;
    json(
        201,
        &yishi_core::api::notices::NoticeResponse { notice: view },
    )
}
