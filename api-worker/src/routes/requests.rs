//! Residents' requests (民生诉求): the catalogue that routes each request to the unit that answers for
//! it, intake (by the resident or registered by staff), handling with a deadline, escalation of
//! overdue requests by the scheduled job, the resident's confirmation and rating, and figures.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Request, Response};
use yishi_core::DomainError;
use yishi_core::api::requests::{
    CalendarRequest, CatalogueImportResponse, CatalogueResponse, CategoryRequest, ChangeRequest,
    ConfirmRequest, FigureRow, FiguresResponse, NewRequest, Open311KeyListResponse,
    Open311KeyRequest, Open311KeyResponse, Open311KeyView, PlaceChoice, RatingView, RequestAction,
    RequestEventView, RequestListResponse, RequestPowers, RequestResponse, RequestSummary,
    RequestView, SimilarResponse, SplitRequest, SubcategoryRequest, UnitMemberRequest, UnitRef,
    UnitRequest,
};
use yishi_core::auth::normalize_phone;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{
    EventId, HandlingUnitId, MemberId, PhotoId, RequestCategoryId, RequestId, SubcategoryId,
    is_valid_id,
};
use yishi_core::members::Actor;
use yishi_core::policy::{Action, Target, authorize, can_manage_catalogue, scopes_for};
use yishi_core::requests::{
    self as rules, Channel, Counted, FigureInput, Group, Outcome, Parties, Status, Transition,
    WorkCalendar,
};
use yishi_core::territory::{ScopeKind, ScopePath, ScopeRef};
use yishi_core::text::{clean_line, clean_text};

use crate::db::members::LoadedMember;
use crate::db::requests::{
    Column, Event, Filter, NewRow, RequestRow, StatusFilter, SubcategoryFields,
};
use crate::db::{self, audit, time};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, next_cursor, page_params, query_param, read_json, read_text};
use crate::session;

use super::common::audit_entry;

// ---- Who sees and does what ----

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
            &HandlingUnitId::from_trusted(&row.handler_id),
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

/// The actor's first office that keeps the catalogue: where its audit entries are filed.
fn catalogue_scope(actor: &Actor) -> ApiResult<ScopePath> {
    can_manage_catalogue(actor)?;
    actor
        .grants_of(yishi_core::policy::roles_for(Action::ManageCatalogue))
        .map(|g| g.scope.clone())
        .next()
        .ok_or_else(|| DomainError::Forbidden.into())
}

/// The member with this (normalized) phone number, if any: a caller who has an account.
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
    Ok(RequestView {
        id: id.clone(),
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

// ---- The catalogue ----

/// `GET /api/v1/requests/catalogue`: for every signed-in member (residents choose from it); members of
/// units are listed to those who keep it.
pub async fn catalogue(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    catalogue_for(ctx, &member).await
}

/// The catalogue as `member` reads it (also the answer to every change of it).
async fn catalogue_for(ctx: &Ctx, member: &LoadedMember) -> ApiResult<Response> {
    let db = ctx.db()?;
    let (categories, mut units) = db::requests::catalogue(&db).await?;
    let can_edit = can_manage_catalogue(&member.actor).is_ok();
    if !can_edit {
        for u in &mut units {
            u.members.clear();
        }
    }
    let cal = db::requests::calendar(&db).await?;
    let mut register_places = Vec::new();
    for path in scopes_for(&member.actor, Action::RegisterRequest) {
        register_places.push(PlaceChoice {
            name: db::territory::scope_name(&db, &path).await?,
            scope: path.to_ref(),
        });
    }
    json(
        200,
        &CatalogueResponse {
            categories,
            units,
            holidays: cal.holidays.into_iter().collect(),
            workdays: cal.workdays.into_iter().collect(),
            confirm_days: db::requests::confirm_days(&db).await?,
            can_edit,
            my_units: db::requests::units_of(&db, &member.actor.member).await?,
            dispatches: !scopes_for(&member.actor, Action::DispatchRequests).is_empty(),
            register_places,
        },
    )
}

/// Runs catalogue statements with their audit entry, filed under `scope` (see [`catalogue_scope`]); a
/// name used twice is refused.
async fn save_catalogue(
    ctx: &Ctx,
    (actor, scope): (&Actor, &ScopePath),
    (action, kind, id): (&str, &str, &str),
    detail: serde_json::Value,
    mut statements: Vec<D1PreparedStatement>,
) -> ApiResult<()> {
    let db = ctx.db()?;
    let entry = audit_entry(ctx, &actor.member, action, (kind, id), scope, detail)?;
    statements.push(audit::insert(&db, &entry)?);
    match db::batch(&db, statements).await {
        Err(e) if db::is_unique_violation(&e, "name") => Err(DomainError::NameTaken.into()),
        other => other.map(|_| ()),
    }
}

/// `POST /api/v1/requests/categories`, `PUT /api/v1/requests/categories/{id}`.
pub async fn put_category(ctx: &Ctx, req: &mut Request, id: Option<&str>) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = catalogue_scope(&member.actor)?;
    let body: CategoryRequest = read_json(req).await?;
    let name = clean_line(&body.name, Field::Name, rules::NAME_MAX)?;
    let db = ctx.db()?;
    let (id, statement, action) = match id {
        None => {
            let id = ctx.new_id(RequestCategoryId::generate)?;
            let s = db::requests::insert_category(&db, &id, &name)?;
            (id.to_string(), s, "request_category.create")
        }
        Some(id) => {
            if !is_valid_id(id) || !db::requests::category_exists(&db, id).await? {
                return Err(DomainError::NotFound {
                    entity: Entity::RequestCategory,
                }
                .into());
            }
            let s = db::requests::rename_category(&db, id, &name)?;
            (id.to_owned(), s, "request_category.update")
        }
    };
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        (action, "request_category", &id),
        serde_json::json!({ "name": name }),
        vec![statement],
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// `POST /api/v1/requests/subcategories`, `PUT /api/v1/requests/subcategories/{id}`.
pub async fn put_subcategory(
    ctx: &Ctx,
    req: &mut Request,
    id: Option<&str>,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = catalogue_scope(&member.actor)?;
    let body: SubcategoryRequest = read_json(req).await?;
    let db = ctx.db()?;
    let text = rules::SubcategoryText::clean(
        &body.name,
        &body.legal_basis,
        &body.standard,
        &body.keywords,
        body.limit,
    )?;
    if !is_valid_id(&body.category) || !db::requests::category_exists(&db, &body.category).await? {
        return Err(invalid(Field::Category));
    }
    if !is_valid_id(&body.unit) || db::requests::unit(&db, &body.unit).await?.is_none() {
        return Err(invalid(Field::HandlingUnit));
    }
    let fields = SubcategoryFields {
        category: &body.category,
        name: &text.name,
        unit: &body.unit,
        legal_basis: &text.legal_basis,
        standard: &text.standard,
        keywords: &text.keywords,
        limit: text.limit,
        active: body.active,
    };
    let (id, statement, action) = match id {
        None => {
            let id = ctx.new_id(SubcategoryId::generate)?;
            let s = db::requests::insert_subcategory(&db, &id, &fields)?;
            (id.to_string(), s, "request_subcategory.create")
        }
        Some(id) => {
            let exists = match SubcategoryId::parse(id) {
                Some(sid) => db::requests::subcategory(&db, &sid).await?.is_some(),
                None => false,
            };
            if !exists {
                return Err(DomainError::NotFound {
                    entity: Entity::Subcategory,
                }
                .into());
            }
            let s = db::requests::update_subcategory(&db, id, &fields)?;
            (id.to_owned(), s, "request_subcategory.update")
        }
    };
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        (action, "request_subcategory", &id),
        serde_json::json!({ "name": text.name, "unit": body.unit, "limit": text.limit }),
        vec![statement],
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// `POST /api/v1/requests/units`, `PUT /api/v1/requests/units/{id}`.
pub async fn put_unit(ctx: &Ctx, req: &mut Request, id: Option<&str>) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = catalogue_scope(&member.actor)?;
    let body: UnitRequest = read_json(req).await?;
    let name = clean_line(&body.name, Field::Name, rules::NAME_MAX)?;
    let db = ctx.db()?;
    let (id, statement, action) = match id {
        None => {
            let id = ctx.new_id(HandlingUnitId::generate)?;
            let s = db::requests::insert_unit(&db, &id, &name, body.kind, ctx.now)?;
            (id.to_string(), s, "handling_unit.create")
        }
        Some(id) => {
            unit_or(&db, Some(id), unit_not_found()).await?;
            let s = db::requests::update_unit(&db, id, &name, body.kind)?;
            (id.to_owned(), s, "handling_unit.update")
        }
    };
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        (action, "handling_unit", &id),
        serde_json::json!({ "name": name, "kind": body.kind }),
        vec![statement],
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// The unit `id` names, or `missing` (404 where the path names it, 422 where a body does).
async fn unit_or(db: &D1Database, id: Option<&str>, missing: DomainError) -> ApiResult<UnitRef> {
    let id = id.filter(|i| is_valid_id(i)).ok_or(missing.clone())?;
    Ok(db::requests::unit(db, id).await?.ok_or(missing)?)
}

fn unit_not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::HandlingUnit,
    }
}

/// `POST /api/v1/requests/units/{id}/members`: by phone number, a member of the district.
pub async fn add_unit_member(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = catalogue_scope(&member.actor)?;
    let body: UnitMemberRequest = read_json(req).await?;
    let phone = normalize_phone(&body.phone)?;
    let db = ctx.db()?;
    let unit = unit_or(&db, Some(id), unit_not_found()).await?;
    let who = member_with_phone(&db, Some(&phone))
        .await?
        .ok_or(DomainError::NotFound {
            entity: Entity::Member,
        })?;
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        (
            "handling_unit.add_member",
            "handling_unit",
            unit.id.as_str(),
        ),
        serde_json::json!({ "member": who }),
        vec![db::requests::add_unit_member(
            &db,
            unit.id.as_str(),
            &who,
            ctx.now,
        )?],
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// `DELETE /api/v1/requests/units/{id}/members/{member}`.
pub async fn remove_unit_member(ctx: &Ctx, id: &str, who: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = catalogue_scope(&member.actor)?;
    let db = ctx.db()?;
    let unit = unit_or(&db, Some(id), unit_not_found()).await?;
    if !is_valid_id(who) {
        return Err(DomainError::NotFound {
            entity: Entity::Member,
        }
        .into());
    }
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        (
            "handling_unit.remove_member",
            "handling_unit",
            unit.id.as_str(),
        ),
        serde_json::json!({ "member": who }),
        vec![db::requests::remove_unit_member(
            &db,
            unit.id.as_str(),
            who,
        )?],
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// `PUT /api/v1/requests/calendar`: replaces the holidays and make-up workdays (deadlines already set
/// stay as they were computed), and the days a resolved request waits for the resident.
pub async fn put_calendar(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = catalogue_scope(&member.actor)?;
    let body: CalendarRequest = read_json(req).await?;
    if body.holidays.len() + body.workdays.len() > 2000 {
        return Err(DomainError::OutOfRange {
            field: Field::Dates,
            min: 0,
            max: 2000,
        }
        .into());
    }
    let cal = WorkCalendar::new(body.holidays, body.workdays).map_err(|_| invalid(Field::Dates))?;
    let days = rules::check_confirm_days(body.confirm_days)?;
    let db = ctx.db()?;
    let statements =
        db::requests::replace_calendar(&db, &cal, days, &member.actor.member, ctx.now)?;
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        ("request_calendar.replace", "request_calendar", "calendar"),
        serde_json::json!({ "holidays": cal.holidays.len(), "workdays": cal.workdays.len(), "confirm_days": days }),
        statements,
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// The catalogue's rows, as a file writes them.
async fn catalogue_rows(db: &D1Database) -> ApiResult<Vec<rules::CatalogueRow>> {
    let (categories, units) = db::requests::catalogue(db).await?;
    Ok(categories
        .into_iter()
        .flat_map(|c| {
            let units = &units;
            c.subcategories
                .into_iter()
                .map(move |s| rules::CatalogueRow {
                    line: 0,
                    category: c.name.clone(),
                    unit_kind: units
                        .iter()
                        .find(|u| u.id == s.unit.id)
                        .map_or(rules::UnitKind::CommunityOffice, |u| u.kind),
                    unit: s.unit.name,
                    text: rules::SubcategoryText {
                        name: s.name,
                        legal_basis: s.legal_basis,
                        standard: s.standard,
                        keywords: s.keywords,
                        limit: s.limit,
                    },
                })
        })
        .collect())
}

/// `GET /api/v1/requests/catalogue.csv`: to those who keep the catalogue.
pub async fn export_catalogue(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    can_manage_catalogue(&member.actor)?;
    let rows = catalogue_rows(&ctx.db()?).await?;
    let mut resp = Response::ok(rules::catalogue_csv(&rows))?;
    resp.headers_mut()
        .set("content-type", "text/csv; charset=utf-8")?;
    resp.headers_mut().set(
        "content-disposition",
        "attachment; filename=\"request-catalogue.csv\"",
    )?;
    Ok(resp)
}

/// `POST /api/v1/requests/catalogue.csv` (text/csv): adds what is new and updates subcategories named
/// alike (category and name); units and categories are found by name or created. All or nothing: a
/// bad row refuses the file with every bad line named.
pub async fn import_catalogue(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = catalogue_scope(&member.actor)?;
    let text = read_text(req, rules::CATALOGUE_MAX_BYTES).await?;
    let rows =
        rules::parse_catalogue_csv(&text).map_err(|rows| DomainError::ImportRejected { rows })?;
    let db = ctx.db()?;
    let (mut categories, mut units) = db::requests::names(&db).await?;
    let existing = db::requests::subcategories(&db).await?;
    let mut statements = Vec::new();
    let mut counts = CatalogueImportResponse {
        categories_created: 0,
        units_created: 0,
        subcategories_created: 0,
        subcategories_updated: 0,
    };
    for row in &rows {
        let category = match categories.iter().find(|(n, _)| *n == row.category) {
            Some((_, id)) => id.clone(),
            None => {
                let id = ctx.new_id(RequestCategoryId::generate)?;
                statements.push(db::requests::insert_category(&db, &id, &row.category)?);
                categories.push((row.category.clone(), id.to_string()));
                counts.categories_created += 1;
                id.to_string()
            }
        };
        let unit = match units.iter().find(|(n, _)| *n == row.unit) {
            Some((_, id)) => id.clone(),
            None => {
                let id = ctx.new_id(HandlingUnitId::generate)?;
                statements.push(db::requests::insert_unit(
                    &db,
                    &id,
                    &row.unit,
                    row.unit_kind,
                    ctx.now,
                )?);
                units.push((row.unit.clone(), id.to_string()));
                counts.units_created += 1;
                id.to_string()
            }
        };
        let fields = SubcategoryFields {
            category: &category,
            name: &row.text.name,
            unit: &unit,
            legal_basis: &row.text.legal_basis,
            standard: &row.text.standard,
            keywords: &row.text.keywords,
            limit: row.text.limit,
            active: true,
        };
        match existing
            .iter()
            .find(|s| s.category_id == category && s.name == row.text.name)
        {
            Some(s) => {
                statements.push(db::requests::update_subcategory(&db, &s.id, &fields)?);
                counts.subcategories_updated += 1;
            }
            None => {
                let id = ctx.new_id(SubcategoryId::generate)?;
                statements.push(db::requests::insert_subcategory(&db, &id, &fields)?);
                counts.subcategories_created += 1;
            }
        }
    }
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        ("request_catalogue.import", "request_catalogue", "catalogue"),
        serde_json::to_value(&counts).unwrap_or_default(),
        statements,
    )
    .await?;
    json(200, &counts)
}

// ---- Intake ----

/// The place of a request: a community, compound, building or unit of the territory.
async fn place(db: &D1Database, place: &ScopeRef) -> ApiResult<ScopePath> {
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

/// What a new request needs from its subcategory: the unit and the deadline.
async fn routed(
    db: &D1Database,
    sub: &str,
    received: DateTime<Utc>,
) -> ApiResult<(db::requests::SubcategoryRow, DateTime<Utc>)> {
    let row = match SubcategoryId::parse(sub) {
        Some(id) => db::requests::subcategory(db, &id).await?,
        None => None,
    }
    .filter(|s| s.active != 0)
    .ok_or(invalid(Field::Subcategory))?;
    let cal = db::requests::calendar(db).await?;
    let deadline = rules::deadline(received, row.limit(), &cal);
    Ok((row, deadline))
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
            let requester = member_with_phone(&db, phone.as_deref()).await?;
            (requester, Some((name, phone)), ob.channel)
        }
    };
    let photos = super::matters::own_photos(&db, &body.photos, &member.actor, true).await?;
    let (sub, deadline) = routed(&db, &body.subcategory, ctx.now).await?;
    let id = ctx.new_id(RequestId::generate)?;
    let event_id = ctx.new_id(EventId::generate)?;
    let mut statements = db::requests::receive(
        &db,
        &NewRow {
            id: &id,
            subcategory: &SubcategoryId::from_trusted(&sub.id),
            handler: &sub.unit_id,
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
        statements.push(db::requests::attach_photo(&db, photo, &id, None)?);
    }
    if let Some((name, _)) = &caller {
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            "request.register",
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

// ---- Handling ----

/// `POST /api/v1/requests/{id}/changes`: the unit accepts, starts, resolves or returns it; staff send
/// a returned request on or merge it into another. Each change is one batch with its record entry.
pub async fn change(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ChangeRequest = read_json(req).await?;
    let (row, access) = load(ctx, &member, id).await?;
    let t = body.action.transition();
    let from = row.status()?;
    let to = from.apply(t, access.parties)?;
    let note = rules::change_note(t, &body.note)?;
    let db = ctx.db()?;
    let rid = row.id();
    let event_id = ctx.new_id(EventId::generate)?;
    let mut columns: Vec<(Column, JsValue)> = Vec::new();
    let mut extra: Vec<D1PreparedStatement> = Vec::new();
    let mut event_unit: Option<String> = None;
    match body.action {
        RequestAction::Accept | RequestAction::Start => {}
        RequestAction::Resolve => {
            columns.push((Column::ResolvedAt, db::text(&time(ctx.now))));
            let photos = super::matters::own_photos(&db, &body.photos, &member.actor, true).await?;
            for photo in &photos {
                extra.push(db::requests::attach_photo(
                    &db,
                    photo,
                    &rid,
                    Some(&event_id),
                )?);
            }
        }
        RequestAction::Return => {
            let unit = unit_or(
                &db,
                body.unit.as_deref(),
                field_invalid(Field::HandlingUnit),
            )
            .await?;
            rules::check_return(&HandlingUnitId::from_trusted(&row.handler_id), &unit.id)?;
            columns.push((Column::ReturnedTo, db::text(unit.id.as_str())));
            event_unit = Some(unit.id.to_string());
        }
        RequestAction::Reroute => {
            // The unit staff name, or else the one the returning unit named.
            let named = body.unit.as_deref().or(row.returned_to.as_deref());
            let unit = unit_or(&db, named, field_invalid(Field::HandlingUnit)).await?;
            columns.push((Column::Handler, db::text(unit.id.as_str())));
            columns.push((Column::ReturnedTo, JsValue::NULL));
            event_unit = Some(unit.id.to_string());
        }
        RequestAction::Merge => {
            let into = body
                .into
                .as_deref()
                .and_then(RequestId::parse)
                .filter(|i| *i != rid)
                .ok_or(invalid(Field::Code))?;
            let target = db::requests::get(&db, &into)
                .await?
                .filter(|t| t.path.community_id == row.path.community_id)
                .ok_or(invalid(Field::Code))?;
            if !target.status()?.is_open() {
                return Err(DomainError::RequestStatus.into());
            }
            columns.push((Column::MergedInto, db::text(into.as_str())));
            extra.extend(db::requests::carry_followers(&db, &rid, &into, ctx.now)?);
            let merged_in = ctx.new_id(EventId::generate)?;
            extra.push(db::requests::event(
                &db,
                &Event {
                    id: &merged_in,
                    request: &into,
                    actor: Some(&member.actor.member),
                    kind: "merged_in",
                    status: target.status()?,
                    handler: None,
                    note: rid.as_str(),
                    at: ctx.now,
                },
            )?);
        }
    }
    let mut statements = vec![
        db::requests::set_status(&db, &rid, (from, to), &columns, ctx.now)?,
        db::requests::event(
            &db,
            &Event {
                id: &event_id,
                request: &rid,
                actor: Some(&member.actor.member),
                kind: body.action.as_str(),
                status: to,
                handler: event_unit.as_deref(),
                note: &note,
                at: ctx.now,
            },
        )?,
    ];
    statements.extend(extra);
    if matches!(body.action, RequestAction::Reroute | RequestAction::Merge) {
        let scope = row.scope()?;
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            if body.action == RequestAction::Merge {
                "request.merge"
            } else {
                "request.reroute"
            },
            ("request", rid.as_str()),
            &scope,
            serde_json::json!({ "unit": event_unit, "into": body.into, "note": note }),
        )?;
        statements.push(audit::insert(&db, &entry)?);
    }
    db::batch_guarded(
        &db,
        statements,
        "requests.status",
        None,
        DomainError::RequestChanged,
    )
    .await?;
    respond(ctx, &member, id, 200).await
}

/// `POST /api/v1/requests/{id}/confirmation`: the resident judges the work: fixed or partly fixed
/// closes it with her rating; not fixed reopens it, back with the unit.
pub async fn confirm(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ConfirmRequest = read_json(req).await?;
    let (row, access) = load(ctx, &member, id).await?;
    let t = body.outcome.transition();
    let from = row.status()?;
    let to = from.apply(t, access.parties)?;
    let stars = rules::check_stars(body.stars)?;
    let comment = if body.comment.trim().is_empty() {
        String::new()
    } else {
        clean_text(&body.comment, Field::Comment, rules::NOTE_MAX)?
    };
    let db = ctx.db()?;
    let rid = row.id();
    let mut columns = vec![
        (Column::Outcome, db::text(body.outcome.as_str())),
        (Column::Stars, JsValue::from(stars)),
        (Column::RatingComment, db::text(&comment)),
        (Column::RatedAt, db::text(&time(ctx.now))),
    ];
    if t == Transition::Close {
        columns.push((Column::ClosedAt, db::text(&time(ctx.now))));
    } else {
        columns.push((Column::ResolvedAt, JsValue::NULL));
    }
    let event_id = ctx.new_id(EventId::generate)?;
    let kind = match body.outcome {
        Outcome::Fixed => "confirmed_fixed",
        Outcome::Partly => "confirmed_partly",
        Outcome::NotFixed => "reopened",
    };
    let statements = vec![
        db::requests::set_status(&db, &rid, (from, to), &columns, ctx.now)?,
        db::requests::event(
            &db,
            &Event {
                id: &event_id,
                request: &rid,
                actor: Some(&member.actor.member),
                kind,
                status: to,
                handler: None,
                note: &comment,
                at: ctx.now,
            },
        )?,
    ];
    db::batch_guarded(
        &db,
        statements,
        "requests.status",
        None,
        DomainError::RequestChanged,
    )
    .await?;
    respond(ctx, &member, id, 200).await
}

/// `POST /api/v1/requests/{id}/split`: staff take a part of an open request (a second trouble in the
/// same call) into a request of its own, routed by its subcategory; its deadline counts from the
/// original receipt.
pub async fn split(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: SplitRequest = read_json(req).await?;
    let (row, access) = load(ctx, &member, id).await?;
    row.status()?.may(Transition::Split, access.parties)?;
    let description = clean_text(
        &body.description,
        Field::Description,
        rules::DESCRIPTION_MAX,
    )?;
    let db = ctx.db()?;
    let received = row.received_at()?;
    let (sub, deadline) = routed(&db, &body.subcategory, received).await?;
    let path = row.scope()?;
    let parent = row.id();
    let child = ctx.new_id(RequestId::generate)?;
    let requester = row.requester_id.as_deref().map(MemberId::from_trusted);
    let (e1, e2) = (
        ctx.new_id(EventId::generate)?,
        ctx.new_id(EventId::generate)?,
    );
    let mut statements = db::requests::receive(
        &db,
        &NewRow {
            id: &child,
            subcategory: &SubcategoryId::from_trusted(&sub.id),
            handler: &sub.unit_id,
            path: &path,
            place_text: row.place_text.as_deref(),
            description: &description,
            requester: requester.as_ref(),
            caller: row
                .caller_name
                .as_deref()
                .map(|n| (n, row.caller_phone.as_deref())),
            show_name: row.show_name != 0,
            channel: row.channel(),
            registered_by: Some(&member.actor.member),
            received_at: received,
            deadline,
            split_from: Some(&parent),
            location: row.lat.zip(row.long),
        },
        &e1,
        Some(&member.actor.member),
        ("split_from", parent.as_str()),
        ctx.now,
    )?;
    statements.extend([
        db::requests::event(
            &db,
            &Event {
                id: &e2,
                request: &parent,
                actor: Some(&member.actor.member),
                kind: "split",
                status: row.status()?,
                handler: None,
                note: child.as_str(),
                at: ctx.now,
            },
        )?,
        audit::insert(
            &db,
            &audit_entry(
                ctx,
                &member.actor.member,
                "request.split",
                ("request", parent.as_str()),
                &path,
                serde_json::json!({ "into": child, "subcategory": sub.id }),
            )?,
        )?,
    ]);
    db::batch(&db, statements).await?;
    respond(ctx, &member, child.as_str(), 201).await
}

/// `GET /api/v1/requests/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    respond(ctx, &member, id, 200).await
}

/// `GET /api/v1/requests?view=mine|handling|all&status=…`: `mine` (the default) is what she raised or
/// joined; `handling` her units'; `all` everything within the places she dispatches.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (cursor, limit) = page_params(&ctx.url)?;
    let db = ctx.db()?;
    let units;
    let scopes;
    let filter = match query_param(&ctx.url, "view").as_deref() {
        None | Some("mine") => Filter::Mine(&member.actor.member),
        Some("handling") => {
            units = db::requests::units_of(&db, &member.actor.member).await?;
            Filter::Handling(&units)
        }
        Some("all") => {
            scopes = scopes_for(&member.actor, Action::DispatchRequests);
            if scopes.is_empty() {
                return Err(DomainError::Forbidden.into());
            }
            Filter::Within(&scopes)
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
    let rows = db::requests::list(&db, &filter, &status, cursor.as_ref(), limit).await?;
    let (rows, more) = db::take_page(rows, limit);
    let last = rows
        .last()
        .map(|r| db::parse_time(&r.updated_at))
        .transpose()?;
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
        },
    )
}

// ---- Figures ----

fn date_param(ctx: &Ctx, name: &str, field: Field) -> ApiResult<Option<NaiveDate>> {
    query_param(&ctx.url, name)
        .map(|s| s.parse().map_err(|_| invalid(field)))
        .transpose()
}

/// `GET /api/v1/requests/figures?from=&to=` (China dates, both included; the last 30 days by
/// default), `&format=csv` for a spreadsheet: per unit and per category, within the places the reader
/// dispatches.
pub async fn figures(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scopes = scopes_for(&member.actor, Action::DispatchRequests);
    if scopes.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let to = date_param(ctx, "to", Field::To)?;
    let from = date_param(ctx, "from", Field::From)?;
    let (from, to) = rules::period(rules::china_date(ctx.now), from, to)?;
    let rows = db::requests::figure_rows(
        &ctx.db()?,
        &scopes,
        (
            rules::china_day_start(from),
            rules::china_day_start(to + Duration::days(1)),
        ),
    )
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        items.push(Counted {
            input: FigureInput {
                received_at: db::parse_time(&r.received_at)?,
                deadline: db::parse_time(&r.deadline)?,
                resolved_at: r.resolved_at.as_deref().map(db::parse_time).transpose()?,
                status: Status::parse(&r.status).unwrap_or(Status::Received),
                stars: r.stars.and_then(|s| u8::try_from(s).ok()),
            },
            unit: Group {
                id: r.handler_id,
                name: r.handler_name,
            },
            category: Group {
                id: r.category_id,
                name: r.category_name,
            },
        });
    }
    let report = rules::report(&items, ctx.now);
    if query_param(&ctx.url, "format").as_deref() == Some("csv") {
        let mut resp = Response::ok(rules::report_csv(&report, ctx.lang))?;
        resp.headers_mut()
            .set("content-type", "text/csv; charset=utf-8")?;
        resp.headers_mut().set(
            "content-disposition",
            &format!("attachment; filename=\"request-figures-{from}-{to}.csv\""),
        )?;
        return Ok(resp);
    }
    let rows = |groups: Vec<rules::GroupFigures>| -> Vec<FigureRow> {
        groups
            .into_iter()
            .map(|g| FigureRow {
                id: g.id,
                name: g.name,
                figures: g.figures,
            })
            .collect()
    };
    json(
        200,
        &FiguresResponse {
            from,
            to,
            total: report.total,
            by_unit: rows(report.by_unit),
            by_category: rows(report.by_category),
        },
    )
}

// ---- Open311 keys ----

/// `POST /api/v1/requests/open311-keys`: staff issue a key for an Open311 client that submits requests
/// for their community. The key is shown once; only its hash is kept.
pub async fn create_open311_key(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: Open311KeyRequest = read_json(req).await?;
    let name = clean_line(&body.name, Field::Name, rules::NAME_MAX)?;
    let db = ctx.db()?;
    let community = place(
        &db,
        &ScopeRef {
            kind: ScopeKind::Community,
            id: body.community.clone(),
        },
    )
    .await
    .map_err(|_| invalid(Field::Scope))?;
    authorize(
        &member.actor,
        Action::DispatchRequests,
        Target::Scope(&community),
    )?;
    let key = crate::crypto::random_token::<24>()?;
    let hash = crate::crypto::token_hash(&key).await?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "open311_key.create",
        ("open311_key", &hash[..16]),
        &community,
        serde_json::json!({ "name": name }),
    )?;
    db::batch(
        &db,
        vec![
            db::requests::insert_open311_key(
                &db,
                &hash,
                &name,
                &body.community,
                &member.actor.member,
                ctx.now,
            )?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    json(201, &Open311KeyResponse { name, api_key: key })
}

/// The keys of the communities the reader dispatches, as `(view, hash, community path)`.
async fn open311_keys_of(
    ctx: &Ctx,
    actor: &Actor,
) -> ApiResult<Vec<(Open311KeyView, String, ScopePath)>> {
    let db = ctx.db()?;
    let scopes = scopes_for(actor, Action::DispatchRequests);
    let mut communities: Vec<(String, ScopePath)> = Vec::new();
    for scope in &scopes {
        match scope.community_id() {
            Some(c) => communities.push((
                c.to_string(),
                ScopePath::community(scope.street_id().clone(), c.clone()),
            )),
            None => {
                for c in
                    db::territory::communities_of_street(&db, scope.street_id().as_str()).await?
                {
                    let path = ScopePath::community(
                        scope.street_id().clone(),
                        yishi_core::ids::CommunityId::from_trusted(&c.id),
                    );
                    communities.push((c.id, path));
                }
            }
        }
    }
    let ids: Vec<String> = communities.iter().map(|(id, _)| id.clone()).collect();
    db::requests::open311_keys(&db, &ids)
        .await?
        .into_iter()
        .map(|k| {
            let path = communities
                .iter()
                .find(|(id, _)| *id == k.community_id)
                .map(|(_, p)| p.clone())
                .ok_or_else(|| ApiError::internal("a key of an unknown community"))?;
            Ok((
                Open311KeyView {
                    id: k.key_hash[..16].to_owned(),
                    name: k.name,
                    community: k.community_id,
                    created_at: db::parse_time(&k.created_at)?,
                    revoked_at: k.revoked_at.as_deref().map(db::parse_time).transpose()?,
                },
                k.key_hash,
                path,
            ))
        })
        .collect()
}

/// `GET /api/v1/requests/open311-keys`.
pub async fn list_open311_keys(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    if scopes_for(&member.actor, Action::DispatchRequests).is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    keys_response(ctx, &member.actor).await
}

async fn keys_response(ctx: &Ctx, actor: &Actor) -> ApiResult<Response> {
    let keys = open311_keys_of(ctx, actor).await?;
    json(
        200,
        &Open311KeyListResponse {
            keys: keys.into_iter().map(|(v, _, _)| v).collect(),
        },
    )
}

/// `POST /api/v1/requests/open311-keys/{id}/revoke`: the client can submit no more.
pub async fn revoke_open311_key(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let keys = open311_keys_of(ctx, &member.actor).await?;
    let (view, hash, path) =
        keys.into_iter()
            .find(|(v, _, _)| v.id == id)
            .ok_or(DomainError::NotFound {
                entity: Entity::Route,
            })?;
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "open311_key.revoke",
        ("open311_key", &view.id),
        &path,
        serde_json::json!({ "name": view.name }),
    )?;
    db::batch(
        &db,
        vec![
            db::requests::revoke_open311_key(&db, &hash, ctx.now)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    keys_response(ctx, &member.actor).await
}

// ---- The scheduled job ----

/// Escalates overdue requests one level at a time (community → street → district) and closes resolved
/// requests whose resident said nothing within the confirmation days. Each change is its own batch
/// with its record entry, guarded so that a change made meanwhile by a person wins.
pub async fn sweep(db: &D1Database, now: DateTime<Utc>) -> ApiResult<(u32, u32)> {
    let cal = db::requests::calendar(db).await?;
    let days = db::requests::confirm_days(db).await?;
    let resolved_before = now - Duration::days(i64::from(days));
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or_default();
    let (mut escalated, mut closed) = (0u32, 0u32);
    for r in db::requests::due(db, now, resolved_before).await? {
        let rid = RequestId::from_trusted(&r.id);
        let status = Status::parse(&r.status).unwrap_or(Status::Received);
        let event_id = EventId::generate(millis, crate::crypto::random_bytes::<10>()?);
        if status.is_open() {
            let level = rules::escalation(db::parse_time(&r.deadline)?, now, &cal);
            if i64::from(level.level()) <= r.escalation {
                continue;
            }
            let kind = match level {
                rules::Escalation::Street => "escalated_street",
                rules::Escalation::District => "escalated_district",
                _ => "escalated_community",
            };
            let changed = db::batch_guarded(
                db,
                vec![
                    db::requests::escalate(db, &r.id, r.escalation, level)?,
                    db::requests::event(
                        db,
                        &Event {
                            id: &event_id,
                            request: &rid,
                            actor: None,
                            kind,
                            status,
                            handler: None,
                            note: "",
                            at: now,
                        },
                    )?,
                ],
                "requests.escalation",
                None,
                DomainError::RequestChanged,
            )
            .await;
            escalated += u32::from(changed.is_ok());
        } else if status == Status::Resolved {
            let to = status.apply(Transition::Close, Parties::SCHEDULE)?;
            let statements = vec![
                db::requests::set_status(
                    db,
                    &rid,
                    (status, to),
                    &[(Column::ClosedAt, db::text(&time(now)))],
                    now,
                )?,
                db::requests::event(
                    db,
                    &Event {
                        id: &event_id,
                        request: &rid,
                        actor: None,
                        kind: "closed_unanswered",
                        status: to,
                        handler: None,
                        note: "",
                        at: now,
                    },
                )?,
            ];
            if db::batch_guarded(
                db,
                statements,
                "requests.status",
                None,
                DomainError::RequestChanged,
            )
            .await
            .is_ok()
            {
                closed += 1;
            }
        }
    }
    Ok((escalated, closed))
}
