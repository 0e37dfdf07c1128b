//! The catalogue that routes each request to the unit that answers for it: categories,
//! subcategories, responsible units and their members, the working-day calendar, and the catalogue as
//! a spreadsheet file. Kept by those the policy lets manage it.

use worker::{D1Database, D1PreparedStatement, Request, Response};
use yishi_core::DomainError;
use yishi_core::api::requests::{
    CalendarRequest, CatalogueImportResponse, CatalogueResponse, CategoryRequest, PlaceChoice,
    SubcategoryRequest, UnitMemberRequest, UnitRequest, UnitView,
};
use yishi_core::audit::AuditAction;
use yishi_core::auth::normalize_phone;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{CommunityId, HandlingUnitId, RequestCategoryId, SubcategoryId, is_valid_id};
use yishi_core::members::Actor;
use yishi_core::policy::{Action, can_join_unit, can_keep_unit, can_manage_catalogue, scopes_for};
use yishi_core::requests::{self as rules, WorkCalendar};
use yishi_core::territory::{ScopeKind, ScopePath, ScopeRef};
use yishi_core::text::clean_line;

use crate::db::members::LoadedMember;
use crate::db::requests::{SubcategoryFields, UnitRecord};
use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json, read_text};
use crate::routes::common::audit_entry;
use crate::session;

use super::{invalid, member_with_phone};

/// Where a catalogue change is filed in the audit log: the actor's first office among those that keep
/// units (the street for the street admin, her community for community staff); refused to others.
fn office_scope(actor: &Actor) -> ApiResult<ScopePath> {
    actor
        .grants_of(yishi_core::policy::roles_for(Action::ManageUnits))
        .map(|g| g.scope.clone())
        .next()
        .ok_or_else(|| DomainError::Forbidden.into())
}

/// The office of one who edits the district's catalogue (the street admin).
fn catalogue_scope(actor: &Actor) -> ApiResult<ScopePath> {
    can_manage_catalogue(actor)?;
    office_scope(actor)
}

/// `GET /api/v1/requests/catalogue`: for every signed-in member (residents choose from it); members of
/// units are listed to those who keep it.
pub async fn catalogue(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    catalogue_for(ctx, &member).await
}

/// The catalogue as `member` reads it (also the answer to every change of it).
async fn catalogue_for(ctx: &Ctx, member: &LoadedMember) -> ApiResult<Response> {
    let db = ctx.db()?;
    let (categories, units) = db::requests::catalogue(&db).await?;
    let can_edit = can_manage_catalogue(&member.actor).is_ok();
    let staff = office_scope(&member.actor).is_ok();
    let units = units
        .into_iter()
        .map(|(mut unit, owner)| {
            unit.can_edit = can_keep_unit(&member.actor, owner.as_ref()).is_ok();
            // Who works in a unit is for staff, who dispatch requests to it.
            if !staff {
                unit.members.clear();
            }
            unit
        })
        .collect();
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
            can_add_unit: yishi_core::policy::new_unit_owner(&member.actor).is_ok(),
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
    (action, kind, id): (AuditAction, &str, &str),
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
            (id.to_string(), s, AuditAction::RequestCategoryCreate)
        }
        Some(id) => {
            if !is_valid_id(id) || !db::requests::category_exists(&db, id).await? {
                return Err(DomainError::NotFound {
                    entity: Entity::RequestCategory,
                }
                .into());
            }
            let s = db::requests::rename_category(&db, id, &name)?;
            (id.to_owned(), s, AuditAction::RequestCategoryUpdate)
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
            (id.to_string(), s, AuditAction::RequestSubcategoryCreate)
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
            (id.to_owned(), s, AuditAction::RequestSubcategoryUpdate)
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

/// The community a new unit belongs to (`None`: the whole district's): the one named, which she must
/// keep; else her own community's for community staff, the district's for the street admin.
async fn new_unit_owner(
    db: &D1Database,
    actor: &Actor,
    named: Option<&CommunityId>,
) -> ApiResult<Option<CommunityId>> {
    let owner = match named {
        Some(id) => {
            let community = db::territory::resolve(
                db,
                &ScopeRef {
                    kind: ScopeKind::Community,
                    id: id.to_string(),
                },
            )
            .await?
            .ok_or(invalid(Field::Scope))?;
            can_keep_unit(actor, Some(&community))?;
            Some(community)
        }
        // Checked by core: she keeps what she would add.
        None => yishi_core::policy::new_unit_owner(actor)?,
    };
    Ok(owner.and_then(|p| p.community_id().cloned()))
}

/// The unit `id` names, if the actor keeps it (404 if there is none, 403 if it is another's).
async fn kept_unit(db: &D1Database, actor: &Actor, id: &str) -> ApiResult<UnitRecord> {
    let unit = unit_or(db, Some(id), unit_not_found()).await?;
    can_keep_unit(actor, unit.owner.as_ref())?;
    Ok(unit)
}

/// `POST /api/v1/requests/units`, `PUT /api/v1/requests/units/{id}`: a community's unit is kept by its
/// staff and the street admin, the district's by the street admin alone.
pub async fn put_unit(ctx: &Ctx, req: &mut Request, id: Option<&str>) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = office_scope(&member.actor)?;
    let body: UnitRequest = read_json(req).await?;
    let name = clean_line(&body.name, Field::Name, rules::NAME_MAX)?;
    let db = ctx.db()?;
    let (id, statement, action, community) = match id {
        None => {
            let community = new_unit_owner(&db, &member.actor, body.community.as_ref()).await?;
            let id = ctx.new_id(HandlingUnitId::generate)?;
            let s = db::requests::insert_unit(
                &db,
                &id,
                (&name, body.kind),
                community.as_ref(),
                ctx.now,
            )?;
            (
                id.to_string(),
                s,
                AuditAction::HandlingUnitCreate,
                community,
            )
        }
        Some(id) => {
            let unit = kept_unit(&db, &member.actor, id).await?;
            let s = db::requests::update_unit(&db, id, &name, body.kind)?;
            let community = unit.owner.as_ref().and_then(|o| o.community_id().cloned());
            (id.to_owned(), s, AuditAction::HandlingUnitUpdate, community)
        }
    };
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        (action, "handling_unit", &id),
        serde_json::json!({ "name": name, "kind": body.kind, "community": community }),
        vec![statement],
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// The unit `id` names, or `missing` (404 where the path names it, 422 where a body does).
pub(super) async fn unit_or(
    db: &D1Database,
    id: Option<&str>,
    missing: DomainError,
) -> ApiResult<UnitRecord> {
    let id = id.filter(|i| is_valid_id(i)).ok_or(missing.clone())?;
    Ok(db::requests::unit(db, id).await?.ok_or(missing)?)
}

fn unit_not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::HandlingUnit,
    }
}

/// `POST /api/v1/requests/units/{id}/members`: by phone number. A community's unit takes only its own
/// people and those with no place in the district (`policy::can_join_unit`), so that nobody reaches
/// another community's requests through it.
pub async fn add_unit_member(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scope = office_scope(&member.actor)?;
    let body: UnitMemberRequest = read_json(req).await?;
    let phone = normalize_phone(&body.phone)?;
    let db = ctx.db()?;
    let unit = kept_unit(&db, &member.actor, id).await?;
    let not_found = || DomainError::NotFound {
        entity: Entity::Member,
    };
    let who = member_with_phone(&db, Some(&phone))
        .await?
        .ok_or_else(not_found)?;
    let joining = db::members::load(&db, &who).await?.ok_or_else(not_found)?;
    can_join_unit(&joining.actor, unit.owner.as_ref())?;
    save_catalogue(
        ctx,
        (&member.actor, &scope),
        (
            AuditAction::HandlingUnitAddMember,
            "handling_unit",
            unit.unit.id.as_str(),
        ),
        serde_json::json!({ "member": who }),
        vec![db::requests::add_unit_member(
            &db,
            unit.unit.id.as_str(),
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
    let scope = office_scope(&member.actor)?;
    let db = ctx.db()?;
    let unit = kept_unit(&db, &member.actor, id).await?;
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
            AuditAction::HandlingUnitRemoveMember,
            "handling_unit",
            unit.unit.id.as_str(),
        ),
        serde_json::json!({ "member": who }),
        vec![db::requests::remove_unit_member(
            &db,
            unit.unit.id.as_str(),
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
        (AuditAction::RequestCalendarReplace, "request_calendar", "calendar"),
        serde_json::json!({ "holidays": cal.holidays.len(), "workdays": cal.workdays.len(), "confirm_days": days }),
        statements,
    )
    .await?;
    catalogue_for(ctx, &member).await
}

/// The catalogue's rows, as a file writes them.
async fn catalogue_rows(db: &D1Database) -> ApiResult<Vec<rules::CatalogueRow>> {
    let (categories, units) = db::requests::catalogue(db).await?;
    let units: Vec<UnitView> = units.into_iter().map(|(u, _)| u).collect();
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

/// `GET /api/v1/requests/catalogue.csv`: to staff (those who keep units or the catalogue).
pub async fn export_catalogue(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    office_scope(&member.actor)?;
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
    // Units the file names that do not exist yet are hers, as if she added them one by one.
    let mut new_units_owner = None;
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
                let owner = match &new_units_owner {
                    Some(owner) => owner,
                    None => new_units_owner.insert(new_unit_owner(&db, &member.actor, None).await?),
                };
                let id = ctx.new_id(HandlingUnitId::generate)?;
                statements.push(db::requests::insert_unit(
                    &db,
                    &id,
                    (&row.unit, row.unit_kind),
                    owner.as_ref(),
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
        (
            AuditAction::RequestCatalogueImport,
            "request_catalogue",
            "catalogue",
        ),
        serde_json::to_value(&counts).unwrap_or_default(),
        statements,
    )
    .await?;
    json(200, &counts)
}
