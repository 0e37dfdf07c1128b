//! A meeting's record as its live room is built from it (`yishi_core::live::room::Record`), read from
//! D1 at one revision: everything on the list, who is present, the agenda, the speakers and the latest
//! motion with its count. The reads are several round trips; every change of the meeting raises its
//! revision in the change's own batch, so a revision read unchanged after the last of them proves that
//! no change landed in between, and the record is read again otherwise.

use worker::D1Database;
use yishi_core::api::meetings::{LiveMotion, LiveSpeaker};
use yishi_core::ids::{BuildingId, MeetingId, MemberId, VoteId};
use yishi_core::live::room::{LiveCount, MotionRecord, Record, Seat};
use yishi_core::meetings::{SpeakerState, participants};
use yishi_core::members::{NameDisplay, public_name};
use yishi_core::votes::VoteState;
use yishi_core::votes::electorate::{Voter, Weighting};
use yishi_core::votes::poll::ResultsShown;
use yishi_core::votes::tally::Ballot;

use crate::db::{self, meetings::StoredMeeting};
use crate::error::{ApiError, ApiResult};

/// Attempts at reading a record while changes keep landing.
const ATTEMPTS: usize = 5;

/// The voters on a meeting's list (those it invites, and its chair), as the territory stands now; with
/// `only`, just the voters `only` may cast for.
pub async fn electorate(
    db: &D1Database,
    m: &StoredMeeting,
    only: Option<&MemberId>,
) -> ApiResult<Vec<Voter>> {
    let invited = crate::ballots::electorate(
        db,
        &m.scope,
        m.settings.electorate,
        Weighting::Head,
        m.settings.starts_at,
        only,
    )
    .await?;
    Ok(match only {
        // The chair is on the list too (`participants`); for one member, only if she is the chair.
        Some(who) if who != &m.called_by => invited,
        _ => participants(invited, &m.called_by),
    })
}

/// Everyone on the meeting's list (its voters' casters, each once) with where they live, in the
/// register's order.
pub async fn register(
    db: &D1Database,
    electorate: &[Voter],
) -> ApiResult<Vec<db::meetings::RosterRow>> {
    let mut invited: Vec<&str> = electorate
        .iter()
        .flat_map(|v| v.casters.iter().map(MemberId::as_str))
        .collect();
    invited.sort_unstable();
    invited.dedup();
    db::meetings::roster(db, &invited).await
}

/// Who is on a meeting's list, and where each lives: read from the territory, which no change of the
/// meeting moves, so a room keeps it between reads of the record (the costly part of a read, at
/// thousands of people).
#[derive(Clone)]
pub struct List {
    voters: Vec<Voter>,
    seats: Vec<Seat>,
}

/// The meeting's record at its revision, with its list (`list`, or read afresh); `None` for a meeting
/// that does not exist. The meeting's own rows are read again while changes land between their reads.
pub async fn read(
    db: &D1Database,
    id: &MeetingId,
    now: chrono::DateTime<chrono::Utc>,
    list: Option<List>,
) -> ApiResult<Option<(Record, List)>> {
    let Some(mut meeting) = db::meetings::get(db, id).await? else {
        return Ok(None);
    };
    let list = match list {
        Some(list) => list,
        None => {
            let voters = electorate(db, &meeting, None).await?;
            let seats = register(db, &voters)
                .await?
                .into_iter()
                .map(|r| Seat {
                    member: MemberId::from_trusted(&r.id),
                    building: r.building_id.as_deref().map(BuildingId::from_trusted),
                    building_name: r.building,
                })
                .collect();
            List { voters, seats }
        }
    };
    for _ in 0..ATTEMPTS {
        let record = read_at(db, &meeting, now, list.voters.clone(), list.seats.clone()).await?;
        match db::meetings::get(db, id).await? {
            Some(again) if again.revision == meeting.revision => return Ok(Some((record, list))),
            Some(again) => meeting = again,
            None => return Ok(None),
        }
    }
    Err(ApiError::internal(
        "the meeting kept changing while its record was read",
    ))
}

/// The meeting's own rows, read after `m` (which holds its revision).
async fn read_at(
    db: &D1Database,
    m: &StoredMeeting,
    now: chrono::DateTime<chrono::Utc>,
    voters: Vec<Voter>,
    seats: Vec<Seat>,
) -> ApiResult<Record> {
    let speakers = db::meetings::speakers(db, &m.id)
        .await?
        .iter()
        .filter(|s| matches!(s.state(), SpeakerState::Waiting | SpeakerState::Speaking))
        .map(|s| LiveSpeaker {
            state: s.state(),
            name: public_name(
                &s.name,
                NameDisplay::parse(&s.name_display).unwrap_or_default(),
            ),
            started_at: s
                .started_at
                .as_deref()
                .map(db::parse_time)
                .transpose()
                .ok()
                .flatten(),
            seconds: s.seconds,
            id: s.id.clone(),
        })
        .collect();
    let items = db::meetings::items(db, &m.id)
        .await?
        .iter()
        .map(|i| yishi_core::api::meetings::LiveItem {
            position: i.position,
            title: i.title.clone(),
            state: i.state(),
        })
        .collect();
    let motion = match db::meetings::motions(db, &m.id).await?.last() {
        Some(row) => Some(motion(db, &VoteId::from_trusted(&row.id), now).await?),
        None => None,
    };
    Ok(Record {
        meeting: m.id.clone(),
        revision: m.revision,
        state: m.state,
        quorum: m.settings.procedure.quorum,
        items,
        speakers,
        voters,
        seats,
        present: db::meetings::present(db, &m.id).await?,
        motion,
    })
}

/// A motion as the room shows it, with its ballots when its result is shown while it is open.
pub async fn motion(
    db: &D1Database,
    id: &VoteId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<MotionRecord> {
    let vote = db::votes::get(db, id)
        .await?
        .ok_or_else(|| ApiError::internal("motion vanished"))?;
    let state = vote.course().state(now);
    // The same figure as the vote page's and the lists' (`Participation`): of the voters present.
    let count = yishi_core::votes::mine::Participation::of(
        vote.turnout(),
        db::votes::participated(db, &vote.id).await?,
    );
    let (result, live_count) = if vote.course().shows_results(now) {
        let (published, result) = crate::ballots::tally(db, &vote).await?;
        let live = state == VoteState::Open && vote.settings.results == ResultsShown::Live;
        let live_count = live.then(|| LiveCount {
            settings: vote.settings.clone(),
            turnout: vote.turnout(),
            ballots: published
                .into_iter()
                .map(|p| Ballot {
                    choice: p.choice,
                    weight: p.weight,
                })
                .collect(),
        });
        (Some(result), live_count)
    } else {
        (None, None)
    };
    Ok(MotionRecord {
        view: LiveMotion {
            vote: vote.id.clone(),
            title: vote.settings.title.clone(),
            options: vote.settings.options.clone(),
            method: vote.settings.method.clone(),
            state,
            participated: count.cast,
            voters: count.voters,
            result,
        },
        live_count,
    })
}
