//! Intake: a resident raises a request about a place of her community, or staff and grid workers
//! register a call or a visit; before she submits, she sees similar open requests nearby and may join
//! one instead (并案).

use chrono::{DateTime, Utc};
use worker::{D1Database, Request, Response};
use yishi_core::DomainError;
use yishi_core::api::requests::{NewRequest, SimilarResponse};
use yishi_core::audit::AuditAction;
use yishi_core::auth::normalize_phone;
use yishi_core::error::Field;
use yishi_core::ids::{EventId, RequestId, SubcategoryId, is_valid_id};
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::requests::{self as rules, Channel};
use yishi_core::territory::{ScopeKind, ScopePath, ScopeRef};
use yishi_core::text::{clean_line, clean_text};

use crate::db::requests::{Event, NewRow};
use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, json, query_param, read_json};
use crate::routes::common::audit_entry;
use crate::session;

use super::{invalid, resident_with_phone, respond, summary};

/// The place of a request: a community, compound, building or unit of the territory.
pub(super) async fn place(db: &D1Database, place: &ScopeRef) -> ApiResult<ScopePath> {
    if !is_valid_id(&place.id) || place.kind == ScopeKind::Street {
        return Err(invalid(Field::Place));
    }
    db::territory::resolve(db, place)
        .await?
        .ok_or(invalid(Field::Place))
}

/// The compound around a place, or its community: where "nearby" requests are looked for.
fn neighbourhood(path: &ScopePath) -> ScopePath {
    match (path.community_id(), path.compound_id()) {
        (Some(community), Some(compound)) => ScopePath::compound(
            path.street_id().clone(),
            community.clone(),
            compound.clone(),
        ),
        (Some(community), None) => {
            ScopePath::community(path.street_id().clone(), community.clone())
        }
        _ => path.clone(),
    }
}

/// `GET /api/v1/requests/similar?subcategory=&place_kind=&place_id=`: before she submits, a resident
/// sees open requests about the same trouble nearby, and may join one instead.
pub async fn similar(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let sub = query_param(&ctx.url, "subcategory")
        .as_deref()
        .and_then(SubcategoryId::parse)
        .ok_or(invalid(Field::Subcategory))?;
    let kind = query_param(&ctx.url, "place_kind")
        .as_deref()
        .and_then(ScopeKind::parse)
        .ok_or(invalid(Field::Place))?;
    let id = query_param(&ctx.url, "place_id").unwrap_or_default();
    let db = ctx.db()?;
    if db::requests::subcategory(&db, &sub).await?.is_none() {
        return Err(invalid(Field::Subcategory));
    }
    let path = place(&db, &ScopeRef { kind, id }).await?;
    if authorize(&member.actor, Action::ReportRequest, Target::Scope(&path)).is_err() {
        authorize(&member.actor, Action::RegisterRequest, Target::Scope(&path))?;
    }
    let rows = db::requests::similar(&db, &sub, &neighbourhood(&path)).await?;
    json(
        200,
        &SimilarResponse {
            requests: rows
                .iter()
                .map(|r| summary(r, ctx.now))
                .collect::<ApiResult<Vec<_>>>()?,
        },
    )
}

/// What a new request about `place` needs from its subcategory: the unit it goes to (the one the
/// subcategory names, or the place's community's own of that kind: `db::requests::route_unit`) and the
/// deadline.
pub(crate) async fn routed(
    db: &D1Database,
    sub: &str,
    place: &ScopePath,
    received: DateTime<Utc>,
) -> ApiResult<(
    db::requests::SubcategoryRow,
    db::requests::UnitRecord,
    DateTime<Utc>,
)> {
    let row = match SubcategoryId::parse(sub) {
        Some(id) => db::requests::subcategory(db, &id).await?,
        None => None,
    }
    .filter(|s| s.active != 0)
    .ok_or(invalid(Field::Subcategory))?;
    let unit = db::requests::route_unit(db, &row.unit_id, place)
        .await?
        .ok_or(DomainError::NoHandlingUnit)?;
    let cal = db::requests::calendar(db).await?;
    let deadline = rules::deadline(received, row.limit(), &cal);
    Ok((row, unit, deadline))
}

/// `POST /api/v1/requests`: a resident about a place of her community, or staff and grid workers
/// registering a call or a visit (`on_behalf`). The request goes to the subcategory's unit at once.
pub async fn create(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: NewRequest = read_json(req).await?;
    let db = ctx.db()?;
    let path = place(&db, &body.place).await?;
    let precise = matches!(path.kind(), ScopeKind::Building | ScopeKind::Unit);
    let place_text = rules::check_location(precise, body.place_text.as_deref())?;
    let description = clean_text(
        &body.description,
        Field::Description,
        rules::DESCRIPTION_MAX,
    )?;
    let (requester, caller, channel) = match &body.on_behalf {
        None => {
            authorize(&member.actor, Action::ReportRequest, Target::Scope(&path))?;
            (Some(member.actor.member.clone()), None, Channel::App)
        }
        Some(ob) => {
            authorize(&member.actor, Action::RegisterRequest, Target::Scope(&path))?;
            if !matches!(ob.channel, Channel::Phone | Channel::InPerson) {
                return Err(invalid(Field::Channel));
            }
            let name = clean_line(&ob.name, Field::Name, rules::NAME_MAX)?;
            let phone = match ob.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
                Some(p) => Some(normalize_phone(p)?),
                None => None,
            };
            let requester = resident_with_phone(&db, phone.as_deref(), &path).await?;
            (requester, Some((name, phone)), ob.channel)
        }
    };
    let photos = crate::routes::photos::own_photos(&db, &body.photos, &member.actor, true).await?;
    let (sub, unit, deadline) = routed(&db, &body.subcategory, &path, ctx.now).await?;
    let id = ctx.new_id(RequestId::generate)?;
    let event_id = ctx.new_id(EventId::generate)?;
    let mut statements = db::requests::receive(
        &db,
        &NewRow {
            id: &id,
            subcategory: &SubcategoryId::from_trusted(&sub.id),
            handler: unit.unit.id.as_str(),
            path: &path,
            place_text: place_text.as_deref(),
            description: &description,
            requester: requester.as_ref(),
            caller: caller.as_ref().map(|(n, p)| (n.as_str(), p.as_deref())),
            show_name: body.show_name,
            channel,
            registered_by: body.on_behalf.is_some().then_some(&member.actor.member),
            received_at: ctx.now,
            deadline,
            split_from: None,
            location: None,
        },
        &event_id,
        Some(&member.actor.member),
        ("received", ""),
        ctx.now,
    )?;
    for photo in &photos {
        statements.push(db::photos::attach_to_request(&db, photo, &id, None)?);
    }
    if let Some((name, _)) = &caller {
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            AuditAction::RequestRegister,
            ("request", id.as_str()),
            &path,
            serde_json::json!({ "channel": channel, "caller": name }),
        )?;
        statements.push(audit::insert(&db, &entry)?);
    }
    db::batch(&db, statements).await?;
    respond(ctx, &member, id.as_str(), 201).await
}

/// `POST /api/v1/requests/{id}/join`: a neighbour with the same trouble follows an open request
/// instead of raising another (并案); she sees its progress in her list.
pub async fn join(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let rid = RequestId::parse(id).ok_or(rules::not_found())?;
    let db = ctx.db()?;
    let row = db::requests::get(&db, &rid)
        .await?
        .ok_or(rules::not_found())?;
    let scope = row.scope()?;
    authorize(&member.actor, Action::ReportRequest, Target::Scope(&scope))
        .map_err(|_| rules::not_found())?;
    if !row.status()?.is_open() {
        return Err(DomainError::RequestStatus.into());
    }
    if row.requester_id.as_deref() != Some(member.actor.member.as_str())
        && !db::requests::follows(&db, &rid, &member.actor.member).await?
    {
        let event_id = ctx.new_id(EventId::generate)?;
        db::batch(
            &db,
            vec![
                db::requests::follow(&db, &rid, &member.actor.member, ctx.now)?,
                db::requests::event(
                    &db,
                    &Event {
                        id: &event_id,
                        request: &rid,
                        actor: Some(&member.actor.member),
                        kind: "joined",
                        status: row.status()?,
                        handler: None,
                        note: "",
                        at: ctx.now,
                    },
                )?,
            ],
        )
        .await?;
    }
    respond(ctx, &member, id, 200).await
}
