//! Residents' requests (民生诉求): the catalogue that routes each request to the unit that answers for
//! it (`catalogue.rs`), intake by the resident or registered by staff (`intake.rs`), handling with a
//! deadline and the resident's confirmation and rating (`handling.rs`), figures (`figures.rs`), keys of
//! Open311 clients (`open311_keys.rs`) and the scheduled job that escalates overdue requests
//! (`sweep.rs`). This file says who sees a request and how she reads it; the rules are
//! `yishi_core::requests`'.

use chrono::{DateTime, Utc};
use worker::{D1Database, Response};
use yishi_core::DomainError;
use yishi_core::api::requests::{
    RatingView, RequestCounts, RequestEventView, RequestListResponse, RequestPowers,
    RequestResponse, RequestSummary, RequestView, UnitRef,
};
use yishi_core::error::Field;
use yishi_core::ids::{HandlingUnitId, MemberId, PhotoId, RequestId, SubcategoryId};
use yishi_core::members::Actor;
use yishi_core::numbers::RecordKind;
use yishi_core::policy::{Action, Target, authorize, scopes_for};
use yishi_core::requests::{self as rules, Outcome, Parties, Status, Transition};
use yishi_core::territory::ScopeKind;

use crate::db;
use crate::db::members::LoadedMember;
use crate::db::requests::{Filter, RequestRow, Search, StatusFilter};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, next_cursor, page_params, query_param};
use crate::session;

mod catalogue;
mod figures;
mod handling;
mod intake;
mod open311_keys;
mod sweep;

pub use catalogue::{
    add_unit_member, catalogue, export_catalogue, import_catalogue, put_calendar, put_category,
    put_subcategory, put_unit, remove_unit_member,
};
pub use figures::figures;
pub use handling::{change, confirm, split};
pub(crate) use intake::routed;
pub use intake::{create, join, similar};
pub use open311_keys::{create_open311_key, list_open311_keys, revoke_open311_key};
pub use sweep::sweep;

/// How the reader stands to a request.
pub struct Access {
    pub parties: Parties,
    pub follower: bool,
    /// She registered it for a caller: she follows what became of it, with the caller's name.
    pub registrar: bool,
}

/// A request the reader may see: hers (raised or joined), her unit's, within her dispatch area, or one
/// she registered for a caller.
/// Others do not exist for her (404).
pub async fn load(ctx: &Ctx, member: &LoadedMember, id: &str) -> ApiResult<(RequestRow, Access)> {
    let id = RequestId::parse(id).ok_or(rules::not_found())?;
    let db = ctx.db()?;
    let row = db::requests::get(&db, &id)
        .await?
        .ok_or(rules::not_found())?;
    let access = access(&db, &member.actor, &row).await?;
    let p = access.parties;
    if !(p.handler || p.dispatcher || p.requester || access.follower || access.registrar) {
        return Err(rules::not_found().into());
    }
    Ok((row, access))
}

async fn access(db: &D1Database, actor: &Actor, row: &RequestRow) -> ApiResult<Access> {
    let units = db::requests::units_of(db, &actor.member).await?;
    Ok(Access {
        parties: Parties::of(
            actor,
            &row.scope()?,
            (
                &HandlingUnitId::from_trusted(&row.handler_id),
                row.handler_owner().as_ref(),
            ),
            &units,
            row.requester_id
                .as_deref()
                .map(MemberId::from_trusted)
                .as_ref(),
        ),
        follower: db::requests::follows(db, &row.id(), &actor.member).await?,
        registrar: actor.is_active() && row.registered_by.as_deref() == Some(actor.member.as_str()),
    })
}

/// The resident of `place`'s community with this (normalized) phone number, if any: the account a
/// request registered for a caller (by staff, or through an Open311 key) is attached to, so that it
/// shows in her list. A number of someone elsewhere attaches nothing: the request keeps the caller's name
/// and number, and no community files a request into another's resident's list.
pub(crate) async fn resident_with_phone(
    db: &D1Database,
    phone: Option<&str>,
    place: &yishi_core::territory::ScopePath,
) -> ApiResult<Option<MemberId>> {
    match (phone, place.community_id()) {
        (Some(p), Some(community)) => db::members::resident_by_phone(db, p, community).await,
        _ => Ok(None),
    }
}

/// The member with this (normalized) phone number, if any.
pub(super) async fn member_with_phone(
    db: &D1Database,
    phone: Option<&str>,
) -> ApiResult<Option<MemberId>> {
    Ok(match phone {
        Some(p) => db::members::credentials_by_phone(db, p)
            .await?
            .map(|c| MemberId::from_trusted(&c.id)),
        None => None,
    })
}

fn field_invalid(field: Field) -> DomainError {
    DomainError::Invalid { field }
}

fn invalid(field: Field) -> ApiError {
    field_invalid(field).into()
}

fn summary(row: &RequestRow, now: DateTime<Utc>) -> ApiResult<RequestSummary> {
    let status = row.status()?;
    let deadline = row.deadline()?;
    Ok(RequestSummary {
        id: row.id(),
        number: row.number()?,
        subcategory_name: row.subcategory_name.clone(),
        category_name: row.category_name.clone(),
        unit_name: row.handler_name.clone(),
        status,
        place_name: place_label(row),
        description: row.description.clone(),
        received_at: row.received_at()?,
        deadline,
        overdue: rules::is_overdue(status, deadline, row.resolved_at()?, now),
        escalation: row.escalation(),
        followers: u32::try_from(row.followers).unwrap_or(0),
    })
}

/// 「阳光小区 3号楼 · 东门路灯」: the place in the territory and the resident's words for it.
fn place_label(row: &RequestRow) -> String {
    match row.place_text.as_deref() {
        Some(t) => format!("{} · {t}", row.place_name()),
        None => row.place_name(),
    }
}

async fn view(
    ctx: &Ctx,
    actor: &Actor,
    row: &RequestRow,
    access: &Access,
) -> ApiResult<RequestView> {
    let db = ctx.db()?;
    let id = row.id();
    let sub = db::requests::subcategory(&db, &SubcategoryId::from_trusted(&row.subcategory_id))
        .await?
        .ok_or_else(|| ApiError::internal("a request without its subcategory"))?;
    let events = db::requests::events(&db, &id).await?;
    let photos = db::requests::photos(&db, &id).await?;
    let status = row.status()?;
    let deadline = row.deadline()?;
    let resolved_at = row.resolved_at()?;
    let p = access.parties;
    let name_shown =
        p.dispatcher || p.requester || access.registrar || (p.handler && row.show_name != 0);
    let confirm_days = db::requests::confirm_days(&db).await?;
    let rating = match (
        row.outcome.as_deref().and_then(Outcome::parse),
        row.stars,
        &row.rated_at,
    ) {
        (Some(outcome), Some(stars), Some(at)) => Some(RatingView {
            outcome,
            stars: u8::try_from(stars).unwrap_or(0),
            comment: row.rating_comment.clone().unwrap_or_default(),
            at: db::parse_time(at)?,
        }),
        _ => None,
    };
    let scope = row.scope()?;
    let merged_into_number = match &row.merged_into {
        Some(into) => db::requests::get(&db, &RequestId::from_trusted(into))
            .await?
            .map(|t| t.number())
            .transpose()?,
        None => None,
    };
    Ok(RequestView {
        id: id.clone(),
        number: row.number()?,
        subcategory: sub.view(),
        category_name: sub.category_name.clone(),
        unit: UnitRef {
            id: HandlingUnitId::from_trusted(&row.handler_id),
            name: row.handler_name.clone(),
        },
        status,
        description: row.description.clone(),
        place: (scope.kind() != ScopeKind::Community).then(|| scope.to_ref()),
        place_name: row.place_name(),
        place_text: row.place_text.clone(),
        requester_name: name_shown
            .then(|| {
                row.caller_name
                    .clone()
                    .or_else(|| row.requester_name.clone())
            })
            .flatten(),
        caller_phone: (p.dispatcher || access.registrar || (p.handler && row.show_name != 0))
            .then(|| row.caller_phone.clone())
            .flatten(),
        channel: row.channel(),
        received_at: row.received_at()?,
        deadline,
        overdue: rules::is_overdue(status, deadline, resolved_at, ctx.now),
        escalation: row.escalation(),
        resolved_at,
        confirmation_ends: resolved_at
            .filter(|_| status == Status::Resolved)
            .map(|at| rules::confirmation_ends(at, confirm_days)),
        rating,
        returned_to: row.returned_to.as_ref().map(|id| UnitRef {
            id: HandlingUnitId::from_trusted(id),
            name: row.returned_to_name.clone().unwrap_or_default(),
        }),
        merged_into: row.merged_into.as_deref().map(RequestId::from_trusted),
        merged_into_number,
        split_from: row.split_from.as_deref().map(RequestId::from_trusted),
        photos: photos
            .iter()
            .filter(|ph| ph.request_event_id.is_none())
            .map(|ph| PhotoId::from_trusted(&ph.id))
            .collect(),
        followers: u32::try_from(row.followers).unwrap_or(0),
        events: events
            .into_iter()
            .map(|e| {
                Ok(RequestEventView {
                    at: db::parse_time(&e.at)?,
                    actor_name: e.actor_name.unwrap_or_default(),
                    kind: e.kind,
                    status: Status::parse(&e.status).unwrap_or(status),
                    unit_name: e.handler_name,
                    note: e.note,
                    photos: photos
                        .iter()
                        .filter(|ph| ph.request_event_id.as_deref() == Some(e.id.as_str()))
                        .map(|ph| PhotoId::from_trusted(&ph.id))
                        .collect(),
                })
            })
            .collect::<ApiResult<Vec<_>>>()?,
        can: RequestPowers {
            handle: p.handler,
            dispatch: p.dispatcher,
            confirm: status.may(Transition::Close, p).is_ok(),
            join: status.is_open()
                && !p.requester
                && !access.follower
                && authorize(actor, Action::ReportRequest, Target::Scope(&scope)).is_ok(),
        },
    })
}

/// The request as the reader now sees it.
async fn respond(ctx: &Ctx, member: &LoadedMember, id: &str, status: u16) -> ApiResult<Response> {
    let (row, access) = load(ctx, member, id).await?;
    let view = view(ctx, &member.actor, &row, &access).await?;
    json(status, &RequestResponse { request: view })
}

/// `GET /api/v1/requests/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    respond(ctx, &member, id, 200).await
}

/// `GET /api/v1/requests?view=mine|handling|all&status=…&q=…`: `mine` (the default) is what she raised
/// or joined; `handling` her units'; `all` everything within the places she dispatches. `q` is a number
/// (`128`, `#128`, `R-128`) or words. Every answer counts what waits in each of her lists.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (cursor, limit) = page_params(&ctx.url)?;
    let db = ctx.db()?;
    let units = db::requests::units_of(&db, &member.actor.member).await?;
    let scopes = scopes_for(&member.actor, Action::DispatchRequests);
    let mine = Filter::Mine(&member.actor.member);
    let handling = Filter::Handling(&units);
    let within = Filter::Within(&scopes);
    let filter = match query_param(&ctx.url, "view").as_deref() {
        None | Some("mine") => &mine,
        Some("handling") => &handling,
        Some("all") => {
            if scopes.is_empty() {
                return Err(DomainError::Forbidden.into());
            }
            &within
        }
        Some(_) => return Err(invalid(Field::Scope)),
    };
    let status = match query_param(&ctx.url, "status").as_deref() {
        None | Some("") => StatusFilter::Any,
        Some("open") => StatusFilter::Open,
        Some("overdue") => StatusFilter::Overdue(ctx.now),
        Some("escalated") => StatusFilter::Escalated,
        Some(s) => StatusFilter::Is(Status::parse(s).ok_or(invalid(Field::Query))?),
    };
    let q = crate::http::search_param(&ctx.url)?;
    let search = Search::of(RecordKind::Request, q.as_deref());
    let rows = db::requests::list(&db, filter, &status, &search, cursor.as_ref(), limit).await?;
    let (rows, more) = db::take_page(rows, limit);
    let last = rows
        .last()
        .map(|r| {
            db::parse_time(if status.by_deadline() {
                &r.deadline
            } else {
                &r.updated_at
            })
        })
        .transpose()?;
    let (mine_open, _) = db::requests::count_open(&db, &mine, ctx.now).await?;
    let (handling_open, handling_overdue) =
        db::requests::count_open(&db, &handling, ctx.now).await?;
    let (all_open, all_overdue) = db::requests::count_open(&db, &within, ctx.now).await?;
    json(
        200,
        &RequestListResponse {
            next_cursor: next_cursor(
                more,
                last.as_ref()
                    .zip(rows.last())
                    .map(|(t, r)| (*t, r.id.as_str())),
            ),
            requests: rows
                .iter()
                .map(|r| summary(r, ctx.now))
                .collect::<ApiResult<Vec<_>>>()?,
            counts: RequestCounts {
                mine: mine_open,
                handling: handling_open,
                handling_overdue,
                all: all_open,
                all_overdue,
            },
        },
    )
}
