//! Meetings in residents' calendars: one meeting's `.ics` file (for whoever may read the meeting), and
//! the feed of a community's meetings called for the whole community, public as its notices' feed is,
//! which a phone's calendar subscribes to without signing in.

use worker::Response;
use yishi_core::i18n::CalendarText;
use yishi_core::ics::{CalendarEvent, MeetingRecord, Method, calendar};
use yishi_core::ids::CommunityId;

use crate::db::{self, meetings::StoredMeeting};
use crate::error::ApiResult;
use crate::http::Ctx;
use crate::session;

use super::load;

fn event(ctx: &Ctx, m: &StoredMeeting) -> CalendarEvent {
    CalendarEvent::of_meeting(
        &MeetingRecord {
            id: &m.id,
            settings: &m.settings,
            scope_name: &m.scope_name,
            state: m.state,
            closed_at: m.closed_at,
            revision: m.revision,
        },
        &ctx.url.origin().ascii_serialization(),
        ctx.lang,
    )
}

fn ics(body: String, file: &str) -> ApiResult<Response> {
    let mut resp = Response::ok(body)?;
    let headers = resp.headers_mut();
    headers.set("content-type", "text/calendar; charset=utf-8")?;
    headers.set(
        "content-disposition",
        &format!("attachment; filename=\"{file}\""),
    )?;
    Ok(resp)
}

/// `GET /api/v1/meetings/{id}/calendar.ics`.
pub async fn one(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    let body = calendar(
        &m.settings.title,
        &[event(ctx, m)],
        Method::Publish,
        ctx.now,
    );
    ics(body, &format!("{}.ics", m.id))
}

/// `GET /api/v1/communities/{id}/meetings.ics`: the community's meetings from a month ago on.
pub async fn feed(ctx: &Ctx, community: &str) -> ApiResult<Response> {
    let id = CommunityId::parse(community).ok_or_else(super::super::common::place_not_found)?;
    let db = ctx.db()?;
    let name = db::matters::community_name(&db, &id)
        .await?
        .ok_or_else(super::super::common::place_not_found)?;
    let since = ctx.now - chrono::Duration::days(31);
    let meetings = db::meetings::community_calendar(&db, &id, since).await?;
    let events: Vec<CalendarEvent> = meetings.iter().map(|m| event(ctx, m)).collect();
    let body = calendar(
        &CalendarText::Feed(&name).text(ctx.lang),
        &events,
        Method::Publish,
        ctx.now,
    );
    ics(body, "meetings.ics")
}
