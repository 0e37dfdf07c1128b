//! Casting: a voter's ballot online (once, or again where the vote allows it), paper and
//! show-of-hands ballots entered by staff, proxies given before opening, and the register of who voted.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::votes::{
    CastRequest, CastResponse, PaperBallotRequest, ProxyRequest, ProxyResponse, VoterEntry,
    VoterListResponse,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::Field;
use yishi_core::ids::{MemberId, VoteId};
use yishi_core::live::room::RoomEvent;
use yishi_core::members::public_name;
use yishi_core::votes::VoteMove;
use yishi_core::votes::electorate::{Proxy, VoterKey, check_proxy, own_vote};
use yishi_core::votes::poll::{Channel, Secrecy, receipt_from_random};
use yishi_core::votes::tally::{Ballot, Choice};

use crate::db::{self, audit, votes::StoredVote};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, read_json};
use crate::routes::common::audit_entry;
use crate::{crypto, session};

use super::{load, load_managed, load_with_mine, parse_key};
use crate::ballots::electorate_now;

/// `POST /api/v1/votes/{id}/ballots`: one of the member's own votes, once; the ballot is stored (and
/// for secret votes, apart from her name) before the receipt is answered.
pub async fn cast(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CastRequest = read_json(req).await?;
    let (vote, mine) = load_with_mine(ctx, &member.actor, id).await?;
    vote.course().may(VoteMove::Cast, ctx.now)?;
    let db = ctx.db()?;
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
    let replace = chosen.voted();
    let recorded = match replace.then(|| vote.course().may(VoteMove::CastAgain, ctx.now)) {
        Some(Err(refused)) => Err(refused.into()),
        _ => {
            record(
                &db,
                &vote,
                (&chosen.voter_key, chosen.weight),
                &member.actor.member,
                body.choice,
                Channel::Online,
                replace,
            )
            .await
        }
    };
    let receipt = told(ctx, &vote, recorded).await?;
    let voter =
        parse_key(&chosen.voter_key).ok_or_else(|| ApiError::internal("stored voter key"))?;
    json(
        if replace { 200 } else { 201 },
        &CastResponse { receipt, voter },
    )
}

/// A ballot as stored: its receipt, its checked choice and weight, and for a motion the meeting's
/// revision it raised.
struct Stored {
    receipt: String,
    ballot: Ballot,
    revision: Option<u64>,
}

/// After a ballot was recorded (or refused): a motion's room is told the ballot, once it is stored;
/// when she had voted already, the room is reminded where the record stands (it may have missed that
/// ballot, if the worker stopped between storing it and telling), so her retry mends its count.
async fn told(ctx: &Ctx, vote: &StoredVote, recorded: ApiResult<Stored>) -> ApiResult<String> {
    let Some(meeting) = &vote.meeting else {
        return Ok(recorded?.receipt);
    };
    match recorded {
        Ok(stored) => {
            if let Some(revision) = stored.revision {
                let event = RoomEvent::Ballot {
                    revision,
                    vote: vote.id.clone(),
                    ballot: stored.ballot,
                };
                crate::routes::meetings::tell(ctx, meeting, event);
            }
            Ok(stored.receipt)
        }
        Err(e) => {
            if matches!(e.error, DomainError::AlreadyVoted) {
                crate::routes::meetings::changed(ctx, meeting).await?;
            }
            Err(e)
        }
    }
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
) -> ApiResult<Stored> {
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
        vote.meeting.as_ref(),
    )
    .await?;
    match recorded {
        Some(r) => Ok(Stored {
            receipt,
            ballot: Ballot { choice, weight },
            revision: r.revision,
        }),
        None => Err(DomainError::AlreadyVoted.into()),
    }
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

pub(super) async fn proxies_of(db: &worker::D1Database, vote: &VoteId) -> ApiResult<Vec<Proxy>> {
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
    let recorded = record(
        &db,
        &vote,
        (&key, weight),
        &member.actor.member,
        body.choice,
        body.channel,
        false,
    )
    .await;
    let receipt = told(ctx, &vote, recorded).await?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::VotePaperBallot,
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
