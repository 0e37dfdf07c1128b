//! Meetings (议事会): called for a scope by those who may run votes there, opened and closed by the
//! chair (this file), with QR check-in (`attendance.rs`), the agenda and the speakers' queue
//! (`floor.rs`), motions put to the voters present (`motions.rs`), and the minutes (`minutes.rs`). Every
//! change is pushed to the meeting's live room (`live::MeetingRoom`), which every phone and the big
//! screen follow (`live.rs`).

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::meetings::{
    Attendee, CreateMeetingRequest, MeetingListResponse, MeetingResponse, MeetingSummary,
    MeetingView, MyPart,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{BuildingId, MeetingId, MemberId};
use yishi_core::meetings::{MeetingMove, SpeakerState, may_chair};
use yishi_core::members::Actor;
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::votes::electorate::Voter;

use crate::db::{self, audit, meetings::StoredMeeting};
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json};
use crate::live::Room;
use crate::{crypto, session};

use super::common::audit_entry;

use minutes::minutes_of;

mod attendance;
pub mod calendar;
mod floor;
mod live;
mod minutes;
mod motions;

pub use attendance::{attendance, check_in, leave, undo_check_in};
pub use floor::{request_to_speak, set_item, update_speaker};
pub use live::{changed, live, socket, tell};
pub use minutes::{publish_minutes, put_minutes};
pub use motions::{close_motion, put_motion};

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Meeting,
    }
}

/// A meeting, read for a member on its list or whom it addresses.
struct Loaded {
    meeting: StoredMeeting,
    /// Whether the member who loaded it is on its list, when that was read.
    invited: Option<bool>,
}

impl Loaded {
    /// The voters on the meeting's list (those it invites, and its chair), as the territory stands now.
    async fn electorate(&self, db: &worker::D1Database) -> ApiResult<Vec<Voter>> {
        crate::live::record::electorate(db, &self.meeting, None).await
    }

    /// Whether `reader`, who loaded it, is on its list.
    async fn invites(&self, db: &worker::D1Database, reader: &MemberId) -> ApiResult<bool> {
        match self.invited {
            Some(invited) => Ok(invited),
            None => on_list(db, &self.meeting, reader).await,
        }
    }
}

/// Whether `who` is on the meeting's list, read from her household alone (the whole list is read only
/// where it is needed: a motion, the register, the minutes, the live room's record).
async fn on_list(db: &worker::D1Database, m: &StoredMeeting, who: &MemberId) -> ApiResult<bool> {
    Ok(crate::live::record::electorate(db, m, Some(who))
        .await?
        .iter()
        .any(|v| v.casters.contains(who)))
}

/// Loads a meeting for `actor`: those it addresses (by the notice rule) and those it invites see it;
/// for anyone else it does not exist. Whether she is on its list is read only when the notice rule does
/// not already let her see it (a socket's handshake, a thousand at once after the room's Wi-Fi drops,
/// does not need it).
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<Loaded> {
    let id = MeetingId::parse(id).ok_or(not_found())?;
    let db = ctx.db()?;
    let meeting = db::meetings::get(&db, &id).await?.ok_or(not_found())?;
    if policy::can_read_notice(actor, &meeting.scope) {
        return Ok(Loaded {
            meeting,
            invited: None,
        });
    }
    if on_list(&db, &meeting, &actor.member).await? {
        Ok(Loaded {
            meeting,
            invited: Some(true),
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

/// One line of the register: who, where she lives, whether present now. The same lines make the
/// chair's register (which adds `may_undo` and `initials`) and the live state's count per building, so
/// the console and the wall screen cannot disagree.
fn attendee(n: &db::meetings::RosterRow, attendance: &[db::meetings::AttendanceRow]) -> Attendee {
    let row = attendance.iter().find(|a| a.member_id == n.id);
    Attendee {
        present: row.is_some_and(|a| a.left_at.is_none()),
        on_behalf: row.and_then(|a| a.reason.clone()),
        member_id: MemberId::from_trusted(&n.id),
        name: n.name.clone(),
        building_id: n.building_id.as_deref().map(BuildingId::from_trusted),
        building: n.building.clone(),
        flat: match (&n.unit, &n.flat) {
            (Some(unit), Some(flat)) => Some(format!("{unit} {flat}")),
            (_, flat) => flat.clone(),
        },
        may_undo: false,
        initials: String::new(),
    }
}

fn present_members(rows: &[db::meetings::AttendanceRow]) -> Vec<MemberId> {
    rows.iter()
        .filter(|a| a.left_at.is_none())
        .map(|a| MemberId::from_trusted(&a.member_id))
        .collect()
}

async fn view(ctx: &Ctx, actor: &Actor, l: Loaded) -> ApiResult<MeetingView> {
    let db = ctx.db()?;
    let chair = require_chair(actor, &l.meeting).is_ok();
    let present = db::meetings::is_present(&db, &l.meeting.id, &actor.member).await?;
    let invited = l.invites(&db, &actor.member).await?;
    let speaker = db::meetings::speakers(&db, &l.meeting.id)
        .await?
        .into_iter()
        .find(|s| {
            s.member_id == actor.member.as_str()
                && matches!(s.state(), SpeakerState::Waiting | SpeakerState::Speaking)
        })
        .map(|s| s.id);
    let mut motions = Vec::new();
    for row in db::meetings::motions(&db, &l.meeting.id).await? {
        let id = yishi_core::ids::VoteId::from_trusted(&row.id);
        motions.push(crate::live::record::motion(&db, &id, ctx.now).await?.view);
    }
    // The live view is the room's, which reads the record if it is behind this revision.
    let live = Room::of(&ctx.env, &l.meeting.id)?
        .state(l.meeting.revision)
        .await?;
    let m = l.meeting;
    Ok(MeetingView {
        me: MyPart {
            invited,
            present,
            speaker,
        },
        id: m.id,
        number: m.number,
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
    yishi_core::meetings::check_start(settings.starts_at, ctx.now)?;
    let id = ctx.new_id(MeetingId::generate)?;
    let token = yishi_core::auth::hex(&crypto::random_bytes::<12>()?);
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::MeetingCreate,
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
    let invitation =
        yishi_core::notifications::Notification::meeting_called(&id, &scope, &settings.title)
            .by(&member.actor.member);
    statements.push(crate::routes::notifications::told(
        ctx,
        &db,
        &invitation,
        ctx.now,
    )?);
    db::batch(&db, statements).await?;
    respond(ctx, &member.actor, id.as_str(), 201).await
}

/// `GET /api/v1/meetings?q=`: the meetings of her places, newest first; `q` finds one by its number
/// (`3`, `#3`, `H-3`, `会议3`) or searches titles, places, agendas and minutes (past meetings are the
/// council's history).
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let audience = policy::notice_audience(&member.actor);
    let q = crate::http::search_param(&ctx.url)?;
    let search = db::Search::of(yishi_core::numbers::RecordKind::Meeting, q.as_deref());
    let meetings = db::meetings::list(&ctx.db()?, &audience, &search)
        .await?
        .into_iter()
        .map(|m| MeetingSummary {
            id: m.id,
            number: m.number,
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
            AuditAction::MeetingOpen
        } else {
            AuditAction::MeetingClose
        },
        ("meeting", m.id.as_str()),
        &m.scope,
        serde_json::json!({ "title": m.settings.title }),
    )?;
    // The revision and the audit entry only if this request moved it (each after the statement whose
    // change it follows).
    let mut statements = vec![
        db::meetings::set_state(&db, &m.id, m.state, next, ctx.now)?,
        db::meetings::bump_if_changed(&db, &m.id)?,
        audit::insert_if_changed(&db, &entry)?,
    ];
    if !open {
        statements.extend(db::meetings::close_everything(&db, &m.id, ctx.now)?);
    }
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
