//! Votes (投票): created for a scope by staff or a building head, opened at their time with a
//! snapshot of their electorate, cast on phones, closed, counted and published.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::votes::{
    BallotListResponse, CastRequest, CastResponse, CreateVoteRequest, MyVote, PaperBallotRequest,
    ProxyRequest, ProxyResponse, VoteListResponse, VoteResponse, VoteResultResponse, VoteState,
    VoteSummary, VoteView, VoterEntry, VoterListResponse,
};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{MemberId, VoteId};
use yishi_core::members::{Actor, public_name};
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::territory::ScopePath;
use yishi_core::votes::VoteMove;
use yishi_core::votes::electorate::{Proxy, VoterKey, Weighting, check_proxy, own_vote, snapshot};
use yishi_core::votes::export;
use yishi_core::votes::poll::{
    Channel, PollSettings, PublishedBallot, Secrecy, count, receipt_from_random, result_text,
};
use yishi_core::votes::tally::{Ballot, Choice};

use crate::db::{self, audit, votes::StoredVote};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, query_param, read_json};
use crate::{crypto, session};

use super::common::audit_entry;

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Vote,
    }
}

/// Loads a vote; once its time has come, opens it first (taking the electorate snapshot, once), so that
/// every reader and voter sees the same electorate. Those it addresses (by the policy) and its voters
/// (a council member living elsewhere) see it; for anyone else it does not exist.
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredVote> {
    let id = VoteId::parse(id).ok_or(not_found())?;
    let db = ctx.db()?;
    let vote = open_if_due(ctx, db::votes::get(&db, &id).await?.ok_or(not_found())?).await?;
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

/// Opens the vote if its time has come and it has not opened yet (taking the electorate snapshot, once).
pub(super) async fn open_if_due(ctx: &Ctx, vote: StoredVote) -> ApiResult<StoredVote> {
    if vote.course().may(VoteMove::Open, ctx.now).is_err() {
        return Ok(vote);
    }
    let db = ctx.db()?;
    let electorate = electorate_now(&db, &vote.scope, &vote.settings).await?;
    db::votes::open(&db, &vote.id, &electorate, ctx.now).await?;
    db::votes::get(&db, &vote.id)
        .await?
        .ok_or_else(|| ApiError::internal("vote vanished while opening"))
}

/// Loads a vote for someone who runs it (closes it, enters paper ballots, reads its register, publishes
/// its result): as [`load`], then the policy's `ManageVotes` on its scope.
async fn load_managed(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredVote> {
    let vote = load(ctx, actor, id).await?;
    authorize(actor, Action::ManageVotes, Target::Scope(&vote.scope))?;
    Ok(vote)
}

/// The vote's electorate from the territory as it is now (the rule, the scope, the opening year).
async fn electorate_now(
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
    )
    .await
}

/// Whom `rule` calls in `scope` from the territory as it is now, ages counted in the year of `on`.
pub(super) async fn electorate(
    db: &worker::D1Database,
    scope: &ScopePath,
    rule: yishi_core::votes::electorate::ElectorateRule,
    weighting: Weighting,
    on: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<yishi_core::votes::electorate::Voter>> {
    let candidates = db::votes::candidates(db, scope).await?;
    let year = u16::try_from(chrono::Datelike::year(&on)).unwrap_or(u16::MAX);
    Ok(snapshot(rule, weighting, scope, year, &candidates))
}

async fn view(ctx: &Ctx, actor: &Actor, vote: StoredVote) -> ApiResult<VoteView> {
    let db = ctx.db()?;
    let state = vote.course().state(ctx.now);
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
    let result = if vote.course().shows_results(ctx.now) {
        Some(tally(&db, &vote).await?.1)
    } else {
        None
    };
    // Before opening, her votes come from the territory as it stands, with the proxies given so far.
    let (mut may_delegate, mut delegated) = (Vec::new(), Vec::new());
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
    Ok(VoteView {
        id: vote.id,
        scope: vote.scope.to_ref(),
        scope_name: vote.scope_name,
        settings: vote.settings,
        state,
        eligible: vote.eligible,
        participated,
        my_votes,
        may_delegate,
        delegated,
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
pub(super) async fn tally(
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

/// Checks a new vote for `scope` by `actor` and returns its id and the statements that store it with
/// its audit entry (run them in one batch, with whatever else depends on the vote).
pub(super) async fn prepare(
    ctx: &Ctx,
    actor: &Actor,
    scope: &ScopePath,
    settings: PollSettings,
) -> ApiResult<(VoteId, Vec<worker::D1PreparedStatement>)> {
    let db = ctx.db()?;
    authorize(actor, Action::ManageVotes, Target::Scope(scope))?;
    let settings = settings.validate()?;
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
        "vote.create",
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

/// What a closed yes/no vote decided (adopted or not: a missed quorum adopts nothing), with its result
/// in words for the notice that publishes the decision, written in the community's language (Chinese)
/// whatever the reader's. `decision_pending` while the vote is open or is not a yes/no vote.
pub(super) async fn closed_outcome(
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
            let state = v.course().state(ctx.now);
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
    vote.course().may(VoteMove::Cast, ctx.now)?;
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
    let replace = chosen.voted != 0;
    if replace {
        vote.course().may(VoteMove::CastAgain, ctx.now)?;
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
    // A motion's room shows the count: the ballot is stored before anyone is told.
    if let Some(meeting) = &vote.meeting {
        super::meetings::changed(ctx, meeting).await?;
    }
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
    let vote = load_managed(ctx, &member.actor, id).await?;
    if vote.course().may(VoteMove::Close, ctx.now).is_ok() {
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

/// `GET /api/v1/votes/{id}/ballots`: the published list, once results are shown.
pub async fn ballots(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    if !vote.course().shows_results(ctx.now) {
        return Err(DomainError::ResultsHidden.into());
    }
    let (ballots, result) = tally(&ctx.db()?, &vote).await?;
    if query_param(&ctx.url, "format").as_deref() == Some("csv") {
        let text = export::ballots_csv(&vote.settings, &ballots);
        return csv_response(&vote, "ballots", text);
    }
    json(
        200,
        &BallotListResponse {
            ballots,
            turnout: vote.turnout(),
            result,
        },
    )
}

/// A CSV file to download, named after the vote.
fn csv_response(vote: &StoredVote, what: &str, text: String) -> ApiResult<Response> {
    let mut resp = Response::ok(text)?;
    resp.headers_mut()
        .set("content-type", "text/csv; charset=utf-8")?;
    resp.headers_mut().set(
        "content-disposition",
        &format!("attachment; filename=\"{}-{what}.csv\"", vote.id),
    )?;
    Ok(resp)
}

/// `GET /api/v1/votes/{id}/result` (`?format=csv` for a spreadsheet): the result's figures, the
/// electorate and the result in plain words, once results may be shown.
pub async fn result(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    if !vote.course().shows_results(ctx.now) {
        return Err(DomainError::ResultsHidden.into());
    }
    let db = ctx.db()?;
    let (_, result) = tally(&db, &vote).await?;
    let participated = db::votes::participated(&db, &vote.id).await?;
    let turnout = vote.turnout();
    if query_param(&ctx.url, "format").as_deref() == Some("csv") {
        let text = export::result_csv(&vote.settings, &result, turnout, participated, ctx.lang);
        return csv_response(&vote, "result", text);
    }
    let (title, text) = result_text(
        &vote.settings,
        &result,
        participated,
        turnout.eligible,
        ctx.lang,
    );
    json(
        200,
        &VoteResultResponse {
            title,
            text,
            rows: export::result_rows(&vote.settings, &result, turnout, participated, ctx.lang),
            turnout,
            participated,
            result,
        },
    )
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
    let electorate = electorate_now(&db, &vote.scope, &vote.settings).await?;
    let hers = electorate
        .iter()
        .any(|v| v.key == body.from && v.casters.contains(&member.actor.member));
    if !hers {
        return Err(DomainError::NotInElectorate.into());
    }
    let (to, to_member) = match (body.to, body.to_phone.as_deref()) {
        (Some(to), None) => {
            let member = match &to {
                VoterKey::Member(m) => Some(m.clone()),
                VoterKey::Household(_) => None,
            };
            (to, member)
        }
        (None, Some(phone)) => {
            let phone = yishi_core::auth::normalize_phone(phone)?;
            let delegate = db::members::credentials_by_phone(&db, &phone)
                .await?
                .map(|c| MemberId::from_trusted(&c.id))
                .ok_or(DomainError::DelegateNotEligible)?;
            let to = own_vote(&electorate, &delegate).ok_or(DomainError::DelegateNotEligible)?;
            (to, Some(delegate))
        }
        _ => {
            return Err(DomainError::Invalid {
                field: Field::Proxy,
            }
            .into());
        }
    };
    let proxy = Proxy {
        from: body.from,
        to,
    };
    check_proxy(
        &electorate,
        &proxies_of(&db, &vote.id).await?,
        &proxy,
        vote.settings.max_proxies,
    )?;
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
    let to_name = match to_member {
        Some(m) => db::members::load(&db, &m)
            .await?
            .map(|d| public_name(&d.view.name, d.view.profile.name_display))
            .unwrap_or_default(),
        None => String::new(),
    };
    json(
        201,
        &ProxyResponse {
            to: proxy.to,
            to_name,
        },
    )
}

async fn proxies_of(db: &worker::D1Database, vote: &VoteId) -> ApiResult<Vec<Proxy>> {
    Ok(db::votes::proxies(db, vote)
        .await?
        .into_iter()
        .filter_map(|p| {
            Some(Proxy {
                from: parse_key(&p.from_key)?,
                to: parse_key(&p.to_key)?,
            })
        })
        .collect())
}

/// `GET /api/v1/votes/{id}/voters`: the register of the snapshotted electorate, for those who run the
/// vote: who voted (by any channel) and who delegated, never what anyone chose.
pub async fn voters(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load_managed(ctx, &member.actor, id).await?;
    if !vote.opened {
        return Err(DomainError::VotingNotOpen.into());
    }
    let voters = db::votes::register(&ctx.db()?, &vote.id)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(VoterEntry {
                voter: parse_key(&r.voter_key)?,
                name: r.name.unwrap_or_default(),
                home: r.home.unwrap_or_default(),
                voted: r.voted != 0,
                delegated_to: r.delegated_to.as_deref().and_then(parse_key),
            })
        })
        .collect();
    json(200, &VoterListResponse { voters })
}

/// `POST /api/v1/votes/{id}/paper`: staff enter a ballot cast on paper or by show of hands. The voter
/// counts once across channels: if she voted online, the paper ballot is refused, and the other way round.
pub async fn paper(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: PaperBallotRequest = read_json(req).await?;
    let vote = load_managed(ctx, &member.actor, id).await?;
    if body.channel == Channel::Online {
        return Err(DomainError::Invalid {
            field: Field::Channel,
        }
        .into());
    }
    vote.course().may(VoteMove::Cast, ctx.now)?;
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
    if let Some(meeting) = &vote.meeting {
        super::meetings::changed(ctx, meeting).await?;
    }
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
    let vote = load_managed(ctx, &member.actor, id).await?;
    if !vote.course().is_final(ctx.now) {
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
    let notice = yishi_core::notices::Notice {
        category: yishi_core::notices::Category::Decision,
        ..yishi_core::notices::publish_notice(
            &member.actor,
            vote.scope.clone(),
            &title,
            &body,
            ctx.new_id(yishi_core::ids::NoticeId::generate)?,
            ctx.now,
        )?
    };
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
