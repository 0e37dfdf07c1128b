//! What the tests and benchmarks need of a local worker, only where `TEST_HOOKS = "1"` (the test
//! scripts set it with `--var`; wrangler.toml never does, so a deployed worker answers none of this):
//!
//! - `POST /api/test/meetings/{id}/room/forget`: the meeting's room forgets its view, as a room that
//!   restarts; it reads the record again when next asked.
//! - `POST /api/test/meetings/{id}/room/echo`: the room sends the body, as it is, to every socket (the
//!   benchmark's floor: what the runtime takes to carry one message to every phone, with no D1 and no
//!   tally).
//! - the request header `x-yishi-test-lose-tell: 1`: the route stores its change but does not tell the
//!   meeting's room, as when the worker stops between the two.
//! - every answer carries `x-yishi-d1-round-trips`: the D1 round trips made while serving it (exact
//!   when requests do not overlap, as in the benchmarks).

use worker::{Env, Request, Response};
use yishi_core::ids::MeetingId;

use crate::db;
use crate::live::Room;

/// The header that makes a route lose what it would tell the room.
pub const LOSE_TELL: &str = "x-yishi-test-lose-tell";

pub async fn handle(req: Request, env: Env, later: crate::http::Later) -> worker::Result<Response> {
    let lang = crate::http::request_lang(&req);
    let path = req.path();
    if let Some(rest) = path.strip_prefix("/api/test/") {
        let parts: Vec<&str> = rest.split('/').collect();
        return match (req.method(), parts.as_slice()) {
            (worker::Method::Post, ["meetings", id, "room", "forget"]) => {
                let Some(id) = MeetingId::parse(id) else {
                    return Response::error("no such meeting", 404);
                };
                Room::of(&env, &id)?.forget().await?;
                Response::empty()
            }
            (worker::Method::Post, ["meetings", id, "room", "echo"]) => {
                let Some(id) = MeetingId::parse(id) else {
                    return Response::error("no such meeting", 404);
                };
                let mut req = req;
                let text = req.text().await?;
                Room::of(&env, &id)?.echo(&text).await?;
                Response::empty()
            }
            _ => Response::error("no such test hook", 404),
        };
    }
    let before = db::round_trips();
    let mut resp = super::answer(req, env, later, lang).await?;
    if resp.status_code() != 101 {
        let trips = db::round_trips().wrapping_sub(before);
        resp.headers_mut()
            .set("x-yishi-d1-round-trips", &trips.to_string())?;
    }
    Ok(resp)
}
