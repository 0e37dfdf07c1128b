//! Following a meeting live: the routes tell the meeting's room (`live::MeetingRoom`) of each change
//! they stored, and phones follow the room over a WebSocket, or read its view over HTTP when their
//! socket cannot open.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::error::Field;
use yishi_core::ids::MeetingId;
use yishi_core::live::room::RoomEvent;

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, json};
use crate::live::Room;
use crate::session;

use super::load;

/// Tells the meeting's room of a change stored at the event's revision, once the answer is on its way:
/// the change is stored, so its request neither waits for the room (which, holding thousands of
/// sockets, may be sending a count) nor fails with it. A room that is not told (it failed, or the
/// runtime stopped first) catches up by itself; tells that arrive out of order wait in the room for
/// the revisions before them.
pub fn tell(ctx: &Ctx, id: &MeetingId, event: RoomEvent) {
    if ctx.config.test_hooks
        && ctx
            .headers
            .get(crate::routes::test_hooks::LOSE_TELL)
            .ok()
            .flatten()
            .as_deref()
            == Some("1")
    {
        return;
    }
    let env = ctx.env.clone();
    let id = id.clone();
    ctx.after_answer(async move {
        let told = match Room::of(&env, &id) {
            Ok(room) => room.tell(&event).await,
            Err(e) => Err(e),
        };
        if let Err(e) = told {
            worker::console_error!(
                "meeting room not told of revision {}: {e}",
                event.revision()
            );
        }
    });
}

/// After a change stored with the meeting's revision raised in its batch (`db::meetings::bump`): tells
/// the room to read the record (a change it does not derive by itself).
pub async fn changed(ctx: &Ctx, id: &MeetingId) -> ApiResult<()> {
    if let Some(revision) = db::meetings::revision(&ctx.db()?, id).await? {
        tell(ctx, id, RoomEvent::Changed { revision });
    }
    Ok(())
}

/// `GET /api/v1/meetings/{id}/live`: the room's view over HTTP, for phones whose socket cannot open.
pub async fn live(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let room = Room::of(&ctx.env, &loaded.meeting.id)?;
    json(200, &room.state(loaded.meeting.revision).await?)
}

/// `GET /api/v1/meetings/{id}/socket` (a WebSocket upgrade): after the same checks as reading the
/// meeting, the connection is handed to the meeting's room, which sends its view (caught up to the
/// revision read here) at once and every change after it.
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
    Ok(room.connect(req, loaded.meeting.revision).await?)
}
