//! The live state of a meeting: built from its rows after every change and pushed to the meeting's
//! room (`live::MeetingRoom`), which every phone and the wall screen follow over a WebSocket, or read
//! over HTTP by phones whose socket cannot open.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::meetings::{Attendee, LiveItem, LiveMotion, LiveSpeaker, MeetingLive};
use yishi_core::error::Field;
use yishi_core::ids::{MeetingId, VoteId};
use yishi_core::meetings::roster::by_building;
use yishi_core::meetings::{SpeakerState, quorum_met};
use yishi_core::members::{NameDisplay, public_name};

use crate::db;
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json};
use crate::live::Room;
use crate::session;

use super::{
    Loaded, attendee, electorate, load, not_found, present_members, present_voters, register,
};

/// A motion as the room shows it: its count, and its result when the motion shows it.
pub(super) async fn motion_view(
    ctx: &Ctx,
    db: &worker::D1Database,
    id: &str,
) -> ApiResult<LiveMotion> {
    let vote = db::votes::get(db, &VoteId::from_trusted(id))
        .await?
        .ok_or_else(|| ApiError::internal("motion vanished"))?;
    let state = vote.course().state(ctx.now);
    // The same figure as the vote page's and the lists' (`Participation`): of the voters present.
    let count = yishi_core::votes::mine::Participation::of(
        vote.turnout(),
        db::votes::participated(db, &vote.id).await?,
    );
    let result = if vote.course().shows_results(ctx.now) {
        Some(crate::ballots::tally(db, &vote).await?.1)
    } else {
        None
    };
    Ok(LiveMotion {
        vote: vote.id.clone(),
        title: vote.settings.title.clone(),
        options: vote.settings.options.clone(),
        method: vote.settings.method.clone(),
        state,
        participated: count.cast,
        voters: count.voters,
        result,
    })
}

/// What a meeting's live state and view are built from, read once per request.
pub(super) struct Rows {
    pub(super) items: Vec<db::meetings::ItemRow>,
    pub(super) attendance: Vec<db::meetings::AttendanceRow>,
    pub(super) speakers: Vec<db::meetings::SpeakerRow>,
    pub(super) motions: Vec<db::meetings::MotionRow>,
    /// Everyone on the list with where they live, for the count per building.
    pub(super) register: Vec<db::meetings::RosterRow>,
}

pub(super) async fn rows(db: &worker::D1Database, l: &Loaded) -> ApiResult<Rows> {
    let id = &l.meeting.id;
    Ok(Rows {
        items: db::meetings::items(db, id).await?,
        attendance: db::meetings::attendance(db, id).await?,
        speakers: db::meetings::speakers(db, id).await?,
        motions: db::meetings::motions(db, id).await?,
        register: register(db, &l.electorate).await?,
    })
}

/// The live state of a meeting at `revision`, from its rows and its latest motion.
pub(super) fn live_of(
    l: &Loaded,
    revision: u64,
    rows: &Rows,
    motion: Option<LiveMotion>,
) -> MeetingLive {
    let m = &l.meeting;
    let present = present_voters(&l.electorate, &present_members(&rows.attendance)).len() as u64;
    let eligible = l.electorate.len() as u64;
    let speakers = rows
        .speakers
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
    // Counted from the same lines as the chair's register, by the same function as her console.
    let register: Vec<Attendee> = rows
        .register
        .iter()
        .map(|n| attendee(n, &rows.attendance))
        .collect();
    MeetingLive {
        meeting: m.id.clone(),
        revision,
        state: m.state,
        items: rows
            .items
            .iter()
            .map(|i| LiveItem {
                position: i.position,
                title: i.title.clone(),
                state: i.state(),
            })
            .collect(),
        present,
        eligible,
        quorum_met: quorum_met(m.settings.procedure.quorum, present, eligible),
        speakers,
        motion,
        buildings: by_building(&register),
    }
}

/// The live state of a meeting as stored now, at `revision`.
pub(super) async fn live_now(ctx: &Ctx, l: &Loaded, revision: u64) -> ApiResult<MeetingLive> {
    let db = ctx.db()?;
    let rows = rows(&db, l).await?;
    let motion = match rows.motions.last() {
        Some(row) => Some(motion_view(ctx, &db, &row.id).await?),
        None => None,
    };
    Ok(live_of(l, revision, &rows, motion))
}

/// After a change: raises the revision, builds the live state and pushes it to the meeting's room. The
/// revision is raised before the state is read, so the room, keeping the highest revision, always holds
/// a state at least as new as every change before it.
pub async fn changed(ctx: &Ctx, id: &MeetingId) -> ApiResult<MeetingLive> {
    let db = ctx.db()?;
    db::batch(&db, vec![db::meetings::bump(&db, id)?]).await?;
    let meeting = db::meetings::get(&db, id).await?.ok_or(not_found())?;
    let electorate = electorate(&db, &meeting).await?;
    let revision = meeting.revision;
    let loaded = Loaded {
        meeting,
        electorate,
    };
    let live = live_now(ctx, &loaded, revision).await?;
    Room::of(&ctx.env, id)?.broadcast(&live).await?;
    Ok(live)
}

/// `GET /api/v1/meetings/{id}/live`: the live state over HTTP, for phones whose socket cannot open.
pub async fn live(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let revision = loaded.meeting.revision;
    json(200, &live_now(ctx, &loaded, revision).await?)
}

/// `GET /api/v1/meetings/{id}/socket` (a WebSocket upgrade): after the same checks as reading the
/// meeting, the connection is handed to the meeting's room, which sends the current state at once and
/// every change after it.
pub async fn socket(ctx: &Ctx, req: &Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    if req.headers().get("upgrade")?.as_deref() != Some("websocket") {
        return Err(DomainError::Invalid {
            field: Field::Token,
        }
        .into());
    }
    // Browsers send the page's origin with a WebSocket handshake: only our own pages may connect.
    if let Some(origin) = req.headers().get("origin")?
        && origin != ctx.url.origin().ascii_serialization()
    {
        return Err(DomainError::CsrfRejected.into());
    }
    let loaded = load(ctx, &member.actor, id).await?;
    let room = Room::of(&ctx.env, &loaded.meeting.id)?;
    let resp = room.connect(req).await?;
    if resp.status_code() == 101 {
        Ok(resp)
    } else {
        // The room has no state yet (a meeting nobody changed since the worker started): seed it.
        changed(ctx, &loaded.meeting.id).await?;
        Ok(room.connect(req).await?)
    }
}
