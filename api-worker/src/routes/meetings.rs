//! Meetings (议事会): called for a scope by those who may run votes there, opened and closed by the
//! chair, with QR check-in, the agenda, the speakers' queue, motions put to the voters present, and the
//! minutes. Every change is pushed to the meeting's live room (`live::MeetingRoom`), which every phone
//! and the big screen follow.

use worker::{Method, Request, RequestInit, Response};
use yishi_core::DomainError;
use yishi_core::api::meetings::{
    AttendanceListResponse, Attendee, CheckInRequest, CreateMeetingRequest, LeaveRequest, LiveItem,
    LiveMotion, LiveSpeaker, MeetingListResponse, MeetingLive, MeetingResponse, MeetingSummary,
    MeetingView, MinutesRequest, MotionRequest, MyPart, SpeakerUpdate,
};
use yishi_core::api::notices::NoticeResponse;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{MeetingId, MemberId, NoticeId, VoteId};
use yishi_core::meetings::minutes::{
    Attendance, MeetingRecord, MotionRecord, SpeakerRecord, minutes_text, notice_title,
};
use yishi_core::meetings::{
    ItemState, MeetingMove, MeetingState, SpeakerState, check_floor_seconds, close_item, may_chair,
    may_put_motion, open_item as open_item_rule, quorum_met,
};
use yishi_core::members::{Actor, NameDisplay, normalize_reason, public_name};
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::votes::electorate::{Voter, Weighting};
use yishi_core::votes::poll::PollSettings;
use yishi_core::votes::tally::{Quorum, Rules, TieBreak};

use crate::db::{self, audit, meetings::StoredMeeting};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, read_json};
use crate::{crypto, session};

use super::common::audit_entry;

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Meeting,
    }
}

/// A meeting with the voters it invites, as the territory stands now.
struct Loaded {
    meeting: StoredMeeting,
    electorate: Vec<Voter>,
}

async fn electorate(db: &worker::D1Database, m: &StoredMeeting) -> ApiResult<Vec<Voter>> {
    super::votes::electorate(
        db,
        &m.scope,
        m.settings.electorate,
        Weighting::Head,
        m.settings.starts_at,
    )
    .await
}

/// Loads a meeting for `actor`: those it addresses (by the notice rule) and those it invites see it;
/// for anyone else it does not exist.
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<Loaded> {
    let id = MeetingId::parse(id).ok_or(not_found())?;
    let db = ctx.db()?;
    let meeting = db::meetings::get(&db, &id).await?.ok_or(not_found())?;
    let electorate = electorate(&db, &meeting).await?;
    let invited = electorate.iter().any(|v| v.casters.contains(&actor.member));
    if policy::can_read_notice(actor, &meeting.scope) || invited {
        Ok(Loaded {
            meeting,
            electorate,
        })
    } else {
        Err(not_found().into())
    }
}

fn require_chair(actor: &Actor, m: &StoredMeeting) -> ApiResult<()> {
    Ok(may_chair(actor, &m.scope)?)
}

/// The voters of `electorate` with a caster checked in now.
fn present_voters(electorate: &[Voter], present: &[MemberId]) -> Vec<Voter> {
    electorate
        .iter()
        .filter(|v| v.casters.iter().any(|c| present.contains(c)))
        .cloned()
        .collect()
}

fn present_members(rows: &[db::meetings::AttendanceRow]) -> Vec<MemberId> {
    rows.iter()
        .filter(|a| a.left_at.is_none())
        .map(|a| MemberId::from_trusted(&a.member_id))
        .collect()
}

/// A motion as the room shows it: its count, and its result when the motion shows it.
async fn motion_view(ctx: &Ctx, db: &worker::D1Database, id: &str) -> ApiResult<LiveMotion> {
    let vote = db::votes::get(db, &VoteId::from_trusted(id))
        .await?
        .ok_or_else(|| ApiError::internal("motion vanished"))?;
    let state = vote.course().state(ctx.now);
    let participated = db::votes::participated(db, &vote.id).await?;
    let result = if vote.course().shows_results(ctx.now) {
        Some(super::votes::tally(db, &vote).await?.1)
    } else {
        None
    };
    Ok(LiveMotion {
        vote: vote.id.clone(),
        title: vote.settings.title.clone(),
        options: vote.settings.options.clone(),
        method: vote.settings.method.clone(),
        state,
        participated,
        voters: vote.present.unwrap_or(0),
        result,
    })
}

/// What a meeting's live state and view are built from, read once per request.
struct Rows {
    items: Vec<db::meetings::ItemRow>,
    attendance: Vec<db::meetings::AttendanceRow>,
    speakers: Vec<db::meetings::SpeakerRow>,
    motions: Vec<db::meetings::MotionRow>,
}

async fn rows(db: &worker::D1Database, id: &MeetingId) -> ApiResult<Rows> {
    Ok(Rows {
        items: db::meetings::items(db, id).await?,
        attendance: db::meetings::attendance(db, id).await?,
        speakers: db::meetings::speakers(db, id).await?,
        motions: db::meetings::motions(db, id).await?,
    })
}

/// The live state of a meeting at `revision`, from its rows and its latest motion.
fn live_of(l: &Loaded, revision: u64, rows: &Rows, motion: Option<LiveMotion>) -> MeetingLive {
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
    }
}

/// The live state of a meeting as stored now, at `revision`.
async fn live_now(ctx: &Ctx, l: &Loaded, revision: u64) -> ApiResult<MeetingLive> {
    let db = ctx.db()?;
    let rows = rows(&db, &l.meeting.id).await?;
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
    let body = serde_json::to_string(&live)?;
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_body(Some(wasm_bindgen::JsValue::from_str(&body)));
    let request = Request::new_with_init("https://live.invalid/broadcast", &init)?;
    let stub = ctx
        .env
        .durable_object("MEETINGS")?
        .id_from_name(id.as_str())?
        .get_stub()?;
    stub.fetch_with_request(request).await?;
    Ok(live)
}

async fn view(ctx: &Ctx, actor: &Actor, l: Loaded) -> ApiResult<MeetingView> {
    let db = ctx.db()?;
    let chair = require_chair(actor, &l.meeting).is_ok();
    let rows = rows(&db, &l.meeting.id).await?;
    let present = rows
        .attendance
        .iter()
        .any(|a| a.member_id == actor.member.as_str() && a.left_at.is_none());
    let speaker = rows
        .speakers
        .iter()
        .find(|s| {
            s.member_id == actor.member.as_str()
                && matches!(s.state(), SpeakerState::Waiting | SpeakerState::Speaking)
        })
        .map(|s| s.id.clone());
    let mut motions = Vec::new();
    for row in &rows.motions {
        motions.push(motion_view(ctx, &db, &row.id).await?);
    }
    let live = live_of(&l, l.meeting.revision, &rows, motions.last().cloned());
    let m = l.meeting;
    Ok(MeetingView {
        me: MyPart {
            invited: l
                .electorate
                .iter()
                .any(|v| v.casters.contains(&actor.member)),
            present,
            speaker,
        },
        id: m.id,
        scope: m.scope.to_ref(),
        scope_name: m.scope_name,
        settings: m.settings,
        opened_at: m.opened_at,
        closed_at: m.closed_at,
        checkin_token: chair.then_some(m.checkin_token),
        chair,
        live,
        motions,
        // Residents read the minutes once published; the chair drafts them before.
        minutes: if chair || m.minutes_notice.is_some() {
            m.minutes
        } else {
            None
        },
        minutes_notice: m.minutes_notice,
    })
}

async fn respond(ctx: &Ctx, actor: &Actor, id: &str, status: u16) -> ApiResult<Response> {
    let loaded = load(ctx, actor, id).await?;
    json(
        status,
        &MeetingResponse {
            meeting: view(ctx, actor, loaded).await?,
        },
    )
}

/// `POST /api/v1/meetings`.
pub async fn create(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CreateMeetingRequest = read_json(req).await?;
    if !yishi_core::ids::is_valid_id(&body.scope.id) {
        return Err(DomainError::Invalid {
            field: Field::Scope,
        }
        .into());
    }
    let db = ctx.db()?;
    let scope = db::territory::resolve(&db, &body.scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?;
    authorize(&member.actor, Action::ManageVotes, Target::Scope(&scope))?;
    let settings = body.settings.validate()?;
    let id = ctx.new_id(MeetingId::generate)?;
    let token = yishi_core::auth::hex(&crypto::random_bytes::<12>()?);
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "meeting.create",
        ("meeting", id.as_str()),
        &scope,
        serde_json::json!({ "title": settings.title }),
    )?;
    let mut statements = db::meetings::insert(
        &db,
        &id,
        &scope,
        &settings,
        &token,
        &member.actor.member,
        ctx.now,
    )?;
    statements.push(audit::insert(&db, &entry)?);
    db::batch(&db, statements).await?;
    respond(ctx, &member.actor, id.as_str(), 201).await
}

/// `GET /api/v1/meetings?q=`: the meetings of her places, newest first; `q` searches titles, places,
/// agendas and minutes (past meetings are the council's history).
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let audience = policy::notice_audience(&member.actor);
    let q = crate::http::search_param(&ctx.url)?;
    let meetings = db::meetings::list(&ctx.db()?, &audience, q.as_deref())
        .await?
        .into_iter()
        .map(|m| MeetingSummary {
            id: m.id,
            title: m.settings.title.clone(),
            place: m.settings.place.clone(),
            scope_name: m.scope_name,
            state: m.state,
            starts_at: m.settings.starts_at,
        })
        .collect();
    json(200, &MeetingListResponse { meetings })
}

/// `GET /api/v1/meetings/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    respond(ctx, &member.actor, id, 200).await
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
    let stub = ctx
        .env
        .durable_object("MEETINGS")?
        .id_from_name(loaded.meeting.id.as_str())?
        .get_stub()?;
    let forward = Request::new_with_init(
        "https://live.invalid/socket",
        RequestInit::new().with_headers(req.headers().clone()),
    )?;
    let resp = stub.fetch_with_request(forward).await?;
    if resp.status_code() == 101 {
        Ok(resp)
    } else {
        // The room has no state yet (a meeting nobody changed since the worker started): seed it.
        changed(ctx, &loaded.meeting.id).await?;
        let again = Request::new_with_init(
            "https://live.invalid/socket",
            RequestInit::new().with_headers(req.headers().clone()),
        )?;
        Ok(stub.fetch_with_request(again).await?)
    }
}

/// `POST /api/v1/meetings/{id}/open` and `/close`: at close, the open item is done, open motions,
/// speakers and attendance end, and the minutes are written from the record.
pub async fn set_open(ctx: &Ctx, id: &str, open: bool) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    let mv = if open {
        MeetingMove::Open
    } else {
        MeetingMove::Close
    };
    let next = m.state.apply(&member.actor, &m.scope, mv)?;
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        if open {
            "meeting.open"
        } else {
            "meeting.close"
        },
        ("meeting", m.id.as_str()),
        &m.scope,
        serde_json::json!({ "title": m.settings.title }),
    )?;
    let mut statements = vec![db::meetings::set_state(&db, &m.id, m.state, next, ctx.now)?];
    if !open {
        statements.extend(db::meetings::close_everything(&db, &m.id, ctx.now)?);
    }
    statements.push(audit::insert_if_changed(&db, &entry)?);
    let changes = db::batch(&db, statements).await?;
    if changes.first() == Some(&0) {
        // Another request moved it first.
        return Err(DomainError::MeetingNotOpen.into());
    }
    if !open {
        let text = minutes_of(ctx, &loaded).await?;
        db::batch(&db, vec![db::meetings::set_minutes(&db, &m.id, &text)?]).await?;
    }
    changed(ctx, &m.id).await?;
    respond(ctx, &member.actor, id, 200).await
}

/// The minutes as the record has them, written by core in the request's language.
async fn minutes_of(ctx: &Ctx, l: &Loaded) -> ApiResult<String> {
    let db = ctx.db()?;
    let m = db::meetings::get(&db, &l.meeting.id)
        .await?
        .ok_or(not_found())?;
    let mut motions = Vec::new();
    for row in db::meetings::motions(&db, &m.id).await? {
        let Some(vote) = db::votes::get(&db, &VoteId::from_trusted(&row.id)).await? else {
            continue;
        };
        let (_, result) = super::votes::tally(&db, &vote).await?;
        motions.push(MotionRecord {
            item: row.item_position,
            participated: db::votes::participated(&db, &vote.id).await?,
            present: vote.present.unwrap_or(0),
            settings: vote.settings,
            result,
            quorum_override: row.quorum_override,
        });
    }
    let record = MeetingRecord {
        title: m.settings.title.clone(),
        place: m.settings.place.clone(),
        scope_name: m.scope_name.clone(),
        opened_at: m.opened_at,
        closed_at: m.closed_at,
        eligible: l.electorate.len() as u64,
        attendance: db::meetings::attendance(&db, &m.id)
            .await?
            .iter()
            .map(|a| {
                Ok(Attendance {
                    name: a.name.clone(),
                    arrived_at: db::parse_time(&a.arrived_at)?,
                    left_at: a.left_at.as_deref().map(db::parse_time).transpose()?,
                    on_behalf: a.reason.clone(),
                })
            })
            .collect::<ApiResult<_>>()?,
        agenda: db::meetings::items(&db, &m.id)
            .await?
            .into_iter()
            .map(|i| (i.position, i.title))
            .collect(),
        speakers: db::meetings::speakers(&db, &m.id)
            .await?
            .into_iter()
            .map(|s| SpeakerRecord {
                item: s.item_position,
                state: s.state(),
                name: s.name,
            })
            .collect(),
        motions,
    };
    Ok(minutes_text(&record, ctx.lang))
}

/// `POST /api/v1/meetings/{id}/attendance`: she checks in with the room's code, or staff check in
/// someone in scope by hand with a reason. Checking in again after leaving counts her present again.
pub async fn check_in(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CheckInRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let db = ctx.db()?;
    let (who, on_behalf) = match (&body.token, &body.on_behalf) {
        (Some(token), None) => {
            if !yishi_core::auth::constant_time_eq(
                token.trim().as_bytes(),
                m.checkin_token.as_bytes(),
            ) {
                return Err(DomainError::Invalid {
                    field: Field::Token,
                }
                .into());
            }
            (member.actor.member.clone(), None)
        }
        (None, Some(behalf)) => {
            let subject = db::members::require(&db, behalf.member_id.as_str()).await?;
            policy::can_act_on_behalf(
                &member.actor,
                &subject.actor.member,
                subject.actor.residence().map(|p| &p.unit),
            )?;
            let reason = normalize_reason(&behalf.reason)?;
            (subject.actor.member.clone(), Some(reason))
        }
        _ => {
            return Err(DomainError::Required {
                field: Field::Token,
            }
            .into());
        }
    };
    if !loaded.electorate.iter().any(|v| v.casters.contains(&who)) {
        return Err(DomainError::NotInvited.into());
    }
    let mut statements = vec![db::meetings::check_in(
        &db,
        &m.id,
        &who,
        on_behalf.as_deref().map(|r| (&member.actor.member, r)),
        ctx.now,
    )?];
    if let Some(reason) = &on_behalf {
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            "meeting.check_in_on_behalf",
            ("member", who.as_str()),
            &m.scope,
            serde_json::json!({ "meeting": m.id, "reason": reason }),
        )?;
        statements.push(audit::insert_if_changed(&db, &entry)?);
    }
    let changes = db::batch(&db, statements).await?;
    if changes.first() != Some(&0) {
        changed(ctx, &m.id).await?;
    }
    respond(
        ctx,
        &member.actor,
        id,
        if changes.first() == Some(&0) {
            200
        } else {
            201
        },
    )
    .await
}

/// `GET /api/v1/meetings/{id}/attendance`: everyone invited and whether present, for the chair.
pub async fn attendance(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    require_chair(&member.actor, &loaded.meeting)?;
    let db = ctx.db()?;
    let rows = db::meetings::attendance(&db, &loaded.meeting.id).await?;
    let mut invited: Vec<&str> = loaded
        .electorate
        .iter()
        .flat_map(|v| v.casters.iter().map(MemberId::as_str))
        .collect();
    invited.sort_unstable();
    invited.dedup();
    let people = db::meetings::names(&db, &invited)
        .await?
        .into_iter()
        .map(|n| {
            let row = rows.iter().find(|a| a.member_id == n.id);
            Attendee {
                present: row.is_some_and(|a| a.left_at.is_none()),
                on_behalf: row.and_then(|a| a.reason.clone()),
                member_id: MemberId::from_trusted(&n.id),
                name: n.name,
            }
        })
        .collect();
    json(200, &AttendanceListResponse { people })
}

/// `POST /api/v1/meetings/{id}/attendance/leave`: she leaves; the chair may record that someone left.
pub async fn leave(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: LeaveRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let who = match body.member_id {
        Some(other) if other != member.actor.member => {
            require_chair(&member.actor, m)?;
            other
        }
        _ => member.actor.member.clone(),
    };
    let db = ctx.db()?;
    let changes = db::batch(&db, vec![db::meetings::leave(&db, &m.id, &who, ctx.now)?]).await?;
    if changes.first() != Some(&0) {
        changed(ctx, &m.id).await?;
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/items/{position}/open` and `/close`.
pub async fn set_item(ctx: &Ctx, id: &str, position: &str, open: bool) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let db = ctx.db()?;
    let items = db::meetings::items(&db, &m.id).await?;
    let states: Vec<ItemState> = items.iter().map(db::meetings::ItemRow::state).collect();
    let index: usize = position.parse().map_err(|_| DomainError::NotFound {
        entity: Entity::AgendaItem,
    })?;
    let changes = if open {
        open_item_rule(m.state, &states, index)?
    } else {
        close_item(m.state, &states, index)?
    };
    if !changes.is_empty() {
        let statements = changes
            .iter()
            .map(|(i, s)| db::meetings::set_item(&db, &m.id, *i, *s, ctx.now))
            .collect::<ApiResult<Vec<_>>>()?;
        db::batch(&db, statements).await?;
        changed(ctx, &m.id).await?;
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/speakers`: a present voter asks to speak (申请发言), on the open item.
pub async fn request_to_speak(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let db = ctx.db()?;
    let attendance = db::meetings::attendance(&db, &m.id).await?;
    if !present_members(&attendance).contains(&member.actor.member) {
        return Err(DomainError::NotInvited.into());
    }
    let item = db::meetings::items(&db, &m.id)
        .await?
        .into_iter()
        .find(|i| i.state() == ItemState::Open)
        .map(|i| i.position);
    let speaker = yishi_core::auth::hex(&crypto::random_bytes::<8>()?);
    match db::batch(
        &db,
        vec![db::meetings::request_to_speak(
            &db,
            &m.id,
            &speaker,
            &member.actor.member,
            item,
            ctx.now,
        )?],
    )
    .await
    {
        Ok(_) => {
            changed(ctx, &m.id).await?;
        }
        // She is already waiting or speaking: nothing to add.
        Err(e) if db::is_unique_violation(&e, "meeting_speakers") => {}
        Err(e) => return Err(e),
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/speakers/{speaker}`: the chair gives the floor (one speaker at a time)
/// or ends a turn; a speaker may withdraw her own request.
pub async fn update_speaker(
    ctx: &Ctx,
    req: &mut Request,
    id: &str,
    speaker: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: SpeakerUpdate = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let db = ctx.db()?;
    let row = db::meetings::speakers(&db, &m.id)
        .await?
        .into_iter()
        .find(|s| s.id == speaker)
        .ok_or(DomainError::NotFound {
            entity: Entity::Member,
        })?;
    let next = row.state().apply(
        &member.actor,
        &m.scope,
        &MemberId::from_trusted(&row.member_id),
        body.state,
    )?;
    let seconds = if next == SpeakerState::Speaking {
        check_floor_seconds(body.seconds)?
    } else {
        None
    };
    match db::batch(
        &db,
        vec![db::meetings::set_speaker(
            &db,
            speaker,
            row.state(),
            next,
            seconds,
            ctx.now,
        )?],
    )
    .await
    {
        Ok(changes) if changes.first() == Some(&0) => {
            return Err(DomainError::Invalid {
                field: Field::Speaker,
            }
            .into());
        }
        Ok(_) => {}
        // Someone else holds the floor: end that turn first.
        Err(e) if db::is_unique_violation(&e, "meeting_speakers") => {
            return Err(DomainError::Invalid {
                field: Field::Speaker,
            }
            .into());
        }
        Err(e) => return Err(e),
    }
    changed(ctx, &m.id).await?;
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/motions`: the chair puts a motion to the voters present, under the
/// meeting's rules. Refused while the quorum is not met, unless the chair gives a reason (the motion
/// is then counted without a quorum rule, and the minutes say why). One motion is open at a time.
pub async fn put_motion(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MotionRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    m.state.require_open()?;
    let db = ctx.db()?;
    let attendance = db::meetings::attendance(&db, &m.id).await?;
    let present = present_voters(&loaded.electorate, &present_members(&attendance));
    let eligible = loaded.electorate.len() as u64;
    let met = !present.is_empty()
        && quorum_met(m.settings.procedure.quorum, present.len() as u64, eligible);
    let override_reason = may_put_motion(met, body.override_reason.as_deref())?;
    if present.is_empty() {
        return Err(DomainError::QuorumNotMet.into());
    }
    let settings = PollSettings {
        title: body.title,
        options: body.options,
        method: body.method,
        rules: Rules {
            quorum: if override_reason.is_some() {
                Quorum::None
            } else {
                m.settings.procedure.quorum
            },
            threshold: body.threshold.unwrap_or(m.settings.procedure.threshold),
            count_abstentions: m.settings.procedure.count_abstentions,
            double_majority: false,
        },
        tie_break: TieBreak::NoWinner,
        electorate: m.settings.electorate,
        secrecy: body.secrecy,
        results: body.results,
        changeable: false,
        max_proxies: 0,
        opens_at: ctx.now,
        closes_at: ctx.now + chrono::Duration::hours(12),
    }
    .validate()?;
    let item = db::meetings::items(&db, &m.id)
        .await?
        .into_iter()
        .find(|i| i.state() == ItemState::Open)
        .map(|i| i.position);
    let vote = ctx.new_id(VoteId::generate)?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "meeting.motion",
        ("vote", vote.as_str()),
        &m.scope,
        serde_json::json!({ "meeting": m.id, "title": settings.title, "quorum_override": override_reason }),
    )?;
    let mut statements = vec![
        db::meetings::close_expired_motions(&db, &m.id, ctx.now)?,
        db::votes::insert(
            &db,
            &vote,
            &m.scope,
            &settings,
            &member.actor.member,
            ctx.now,
        )?,
        db::meetings::link_motion(&db, &vote, &m.id, item, override_reason.as_deref())?,
    ];
    statements.extend(db::votes::open_statements(
        &db,
        &vote,
        &present,
        Some((eligible, present.len() as u64)),
        ctx.now,
    )?);
    statements.push(audit::insert(&db, &entry)?);
    match db::batch(&db, statements).await {
        Ok(_) => {}
        Err(e) if db::is_unique_violation(&e, "votes.meeting_id") => {
            return Err(DomainError::MotionOpen.into());
        }
        Err(e) => return Err(e),
    }
    changed(ctx, &m.id).await?;
    respond(ctx, &member.actor, id, 201).await
}

/// `POST /api/v1/meetings/{id}/motions/{vote}/close`: the chair ends the vote on a motion.
pub async fn close_motion(ctx: &Ctx, id: &str, vote: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let db = ctx.db()?;
    let motion = VoteId::parse(vote).ok_or(DomainError::NotFound {
        entity: Entity::Vote,
    })?;
    let stored = db::votes::get(&db, &motion)
        .await?
        .filter(|v| v.meeting.as_ref() == Some(&m.id))
        .ok_or(DomainError::NotFound {
            entity: Entity::Vote,
        })?;
    if !stored.closed_early {
        db::batch(&db, vec![db::votes::close(&db, &stored.id, ctx.now)?]).await?;
        changed(ctx, &m.id).await?;
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `PUT /api/v1/meetings/{id}/minutes`: the secretary edits the minutes after the meeting, until they
/// are published.
pub async fn put_minutes(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MinutesRequest = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    if m.state != MeetingState::Closed {
        return Err(DomainError::MeetingNotOpen.into());
    }
    let (_, text) = yishi_core::notices::validate_text(&m.settings.title, &body.text)?;
    let db = ctx.db()?;
    let changes = db::batch(&db, vec![db::meetings::set_minutes(&db, &m.id, &text)?]).await?;
    if changes.first() == Some(&0) {
        return Err(DomainError::MeetingClosed.into());
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/minutes/publish`: the minutes become a decision notice of the meeting's
/// scope, once.
pub async fn publish_minutes(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let (Some(text), MeetingState::Closed) = (&m.minutes, m.state) else {
        return Err(DomainError::MeetingNotOpen.into());
    };
    if let Some(existing) = &m.minutes_notice {
        return notice_response(ctx, existing, 200).await;
    }
    let title = notice_title(&m.settings.title, ctx.lang);
    let notice = yishi_core::notices::Notice {
        category: yishi_core::notices::Category::Meeting,
        ..yishi_core::notices::publish_notice(
            &member.actor,
            m.scope.clone(),
            &title,
            text,
            ctx.new_id(NoticeId::generate)?,
            ctx.now,
        )?
    };
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "meeting.publish_minutes",
        ("meeting", m.id.as_str()),
        &m.scope,
        serde_json::json!({ "notice": notice.id }),
    )?;
    // The notice, only if the minutes were not published meanwhile.
    let statements = vec![
        db::notices::insert_minutes(&db, &notice, &m.id)?,
        db::meetings::set_minutes_notice(&db, &m.id, &notice.id)?,
        audit::insert_if_changed(&db, &entry)?,
    ];
    db::batch(&db, statements).await?;
    let stored = db::meetings::get(&db, &m.id)
        .await?
        .and_then(|m| m.minutes_notice)
        .ok_or_else(|| ApiError::internal("minutes notice vanished"))?;
    notice_response(ctx, &stored, 201).await
}

async fn notice_response(ctx: &Ctx, id: &NoticeId, status: u16) -> ApiResult<Response> {
    let (_, notice) = db::notices::get(&ctx.db()?, id)
        .await?
        .ok_or_else(|| ApiError::internal("notice vanished"))?;
    json(status, &NoticeResponse { notice })
}
