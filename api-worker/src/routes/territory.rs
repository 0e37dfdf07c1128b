//! The territory: the tree staff manage (create, rename, archive, restore, import), the households of a
//! unit, and the places a member may publish to.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::territory::{
    BuildingNode, CommunityNode, CommunityTree, CompoundNode, CreatePlaceRequest,
    HouseholdMemberView, HouseholdView, HouseholdsResponse, ImportResponse, PlaceFigures,
    PlaceNode, PlaceResponse, PlaceView, PostableScopesResponse, TerritoryResponse,
    UpdatePlaceRequest,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::Field;
use yishi_core::ids::{
    AuditId, BuildingId, CommunityId, CompoundId, HouseholdId, MemberId, StreetId, UnitId,
    is_valid_id,
};
use yishi_core::members::{Actor, Verification};
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::territory::import::{
    ExistingPlace, IMPORT_MAX_BYTES, NewPlace, parse_csv, plan_import,
};
use yishi_core::territory::{
    PlaceKind, ScopeKind, ScopePath, ScopeRef, normalize_place_code, normalize_place_name,
    parse_floor_area,
};

use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, query_param, read_json, read_text};
use crate::session;

use super::common::{audit_entry, place_in_reach, place_not_found};

/// `GET /api/v1/territory/postable`: the places the member may publish notices to, as a tree. A
/// community or compound appears when it or something below it is postable.
pub async fn postable(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let actor = &member.actor;
    let mut streets: Vec<StreetId> = actor
        .grants
        .iter()
        .map(|g| g.scope.street_id().clone())
        .collect();
    streets.sort();
    streets.dedup();
    let db = ctx.db()?;
    let mut communities = Vec::new();
    for street in &streets {
        let tree = db::territory::tree_of_street(&db, street).await?;
        for (c, c_path) in &tree.communities {
            let compounds: Vec<CompoundNode> = tree
                .compounds
                .iter()
                .filter(|(cp, _)| cp.community_id == c.id)
                .filter_map(|(cp, cp_path)| {
                    let buildings: Vec<BuildingNode> = tree
                        .buildings
                        .iter()
                        .filter(|(b, b_path)| {
                            b.compound_id == cp.id && policy::can_post_notice(actor, b_path).is_ok()
                        })
                        .map(|(b, _)| BuildingNode {
                            id: BuildingId::from_trusted(&b.id),
                            name: b.name.clone(),
                        })
                        .collect();
                    let postable = policy::can_post_notice(actor, cp_path).is_ok();
                    (postable || !buildings.is_empty()).then(|| CompoundNode {
                        id: CompoundId::from_trusted(&cp.id),
                        name: cp.name.clone(),
                        postable,
                        buildings,
                    })
                })
                .collect();
            let postable = policy::can_post_notice(actor, c_path).is_ok();
            if postable || !compounds.is_empty() {
                communities.push(CommunityNode {
                    id: CommunityId::from_trusted(&c.id),
                    name: c.name.clone(),
                    postable,
                    compounds,
                });
            }
        }
    }
    json(200, &PostableScopesResponse { communities })
}

/// `GET /api/v1/territory?community=`: the tree of the communities the member may see, pruned to the
/// places she may see (with their ancestors, for names).
pub async fn tree(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let actor = &member.actor;
    let reach = policy::scopes_for(actor, Action::ViewTerritory);
    if reach.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let db = ctx.db()?;
    let mut community_ids: Vec<String> = reach
        .iter()
        .filter_map(|s| s.community_id().map(ToString::to_string))
        .collect();
    let mut streets: Vec<String> = reach
        .iter()
        .filter(|s| s.kind() == ScopeKind::Street)
        .map(|s| s.street_id().to_string())
        .collect();
    streets.dedup();
    let mut communities = db::territory::communities(&db, &community_ids).await?;
    for street in &streets {
        communities.extend(db::territory::communities_of_street(&db, street).await?);
    }
    communities.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    communities.dedup_by(|a, b| a.id == b.id);
    if let Some(wanted) = query_param(&ctx.url, "community") {
        communities.retain(|c| c.id == wanted);
        if communities.is_empty() {
            return Err(place_not_found().into());
        }
    }
    community_ids.clear();

    let mut out = Vec::new();
    for c in communities {
        let c_path = ScopePath::community(
            StreetId::from_trusted(&c.street_id),
            CommunityId::from_trusted(&c.id),
        );
        let places = db::territory::places_of_community(&db, &c.id).await?;
        let figures = db::territory::unit_figures(&db, &c.id).await?;
        let node = |kind: PlaceKind, view: &PlaceView, path: ScopePath| PlaceNodeDraft {
            kind,
            view: view.clone(),
            path,
        };
        // Paths of every compound, building and unit.
        let mut drafts: Vec<PlaceNodeDraft> = Vec::new();
        for (kind, view) in places.iter().filter(|(k, _)| *k != PlaceKind::Household) {
            let parent_path = match kind {
                PlaceKind::Compound => Some(c_path.clone()),
                _ => drafts
                    .iter()
                    .find(|d| d.view.id == view.parent_id)
                    .map(|d| d.path.clone()),
            };
            let Some(parent_path) = parent_path else {
                continue;
            };
            let path = child_path(&parent_path, *kind, &view.id);
            drafts.push(node(*kind, view, path));
        }
        let unit_figures = |unit: &str| {
            figures
                .iter()
                .find(|f| f.unit_id == unit)
                .map_or(PlaceFigures::default(), |f| PlaceFigures {
                    households: f.households,
                    residents: f.residents,
                    pending: f.pending,
                })
        };
        let build = |parent: &str, kind: PlaceKind| -> Vec<PlaceNode> {
            fn go(
                drafts: &[PlaceNodeDraft],
                actor: &Actor,
                parent: &str,
                kind: PlaceKind,
                unit_figures: &dyn Fn(&str) -> PlaceFigures,
            ) -> Vec<PlaceNode> {
                drafts
                    .iter()
                    .filter(|d| d.kind == kind && d.view.parent_id == parent)
                    .filter_map(|d| {
                        let children = match kind {
                            PlaceKind::Compound => {
                                go(drafts, actor, &d.view.id, PlaceKind::Building, unit_figures)
                            }
                            PlaceKind::Building => {
                                go(drafts, actor, &d.view.id, PlaceKind::Unit, unit_figures)
                            }
                            PlaceKind::Unit | PlaceKind::Household => Vec::new(),
                        };
                        let visible =
                            authorize(actor, Action::ViewTerritory, Target::Scope(&d.path)).is_ok();
                        if !visible && children.is_empty() {
                            return None;
                        }
                        let figures = if kind == PlaceKind::Unit {
                            unit_figures(&d.view.id)
                        } else {
                            children.iter().filter(|n| !n.archived).fold(
                                PlaceFigures::default(),
                                |acc, n| PlaceFigures {
                                    households: acc.households + n.figures.households,
                                    residents: acc.residents + n.figures.residents,
                                    pending: acc.pending + n.figures.pending,
                                },
                            )
                        };
                        Some(PlaceNode {
                            kind,
                            id: d.view.id.clone(),
                            name: d.view.name.clone(),
                            code: d.view.code.clone(),
                            archived: d.view.archived,
                            figures,
                            children,
                        })
                    })
                    .collect()
            }
            go(&drafts, actor, parent, kind, &unit_figures)
        };
        let compounds = build(&c.id, PlaceKind::Compound);
        let figures =
            compounds
                .iter()
                .filter(|n| !n.archived)
                .fold(PlaceFigures::default(), |acc, n| PlaceFigures {
                    households: acc.households + n.figures.households,
                    residents: acc.residents + n.figures.residents,
                    pending: acc.pending + n.figures.pending,
                });
        out.push(CommunityTree {
            id: CommunityId::from_trusted(&c.id),
            name: c.name,
            code: c.code,
            manageable: authorize(actor, Action::ManageTerritory, Target::Scope(&c_path)).is_ok(),
            figures,
            compounds,
        });
    }
    json(200, &TerritoryResponse { communities: out })
}

struct PlaceNodeDraft {
    kind: PlaceKind,
    view: PlaceView,
    path: ScopePath,
}

fn child_path(parent: &ScopePath, kind: PlaceKind, id: &str) -> ScopePath {
    let street = parent.street_id().clone();
    let community = parent
        .community_id()
        .cloned()
        .unwrap_or_else(|| CommunityId::from_trusted(""));
    match kind {
        PlaceKind::Compound => ScopePath::compound(street, community, CompoundId::from_trusted(id)),
        PlaceKind::Building => ScopePath::building(
            street,
            community,
            parent
                .compound_id()
                .cloned()
                .unwrap_or_else(|| CompoundId::from_trusted("")),
            BuildingId::from_trusted(id),
        ),
        PlaceKind::Unit | PlaceKind::Household => ScopePath::unit(
            street,
            community,
            parent
                .compound_id()
                .cloned()
                .unwrap_or_else(|| CompoundId::from_trusted("")),
            parent
                .building_id()
                .cloned()
                .unwrap_or_else(|| BuildingId::from_trusted("")),
            UnitId::from_trusted(id),
        ),
    }
}

/// `POST /api/v1/{compounds|buildings|units|households}`: a new place under `parent_id`; a new building
/// may bring its layout of units and households. All of it is written in one transaction.
pub async fn create(ctx: &Ctx, req: &mut Request, kind: PlaceKind) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CreatePlaceRequest = read_json(req).await?;
    let name = normalize_place_name(&body.name, kind.field())?;
    let code = match kind {
        PlaceKind::Household => None,
        _ => normalize_place_code(body.code.as_deref())?,
    };
    let layout = match (kind, body.layout) {
        (PlaceKind::Building, Some(l)) => Some(l.validate()?),
        (_, Some(_)) => {
            return Err(DomainError::Invalid {
                field: Field::Units,
            }
            .into());
        }
        (_, None) => None,
    };
    let db = ctx.db()?;
    let parent_missing = DomainError::Invalid {
        field: Field::Scope,
    };
    if !is_valid_id(&body.parent_id) {
        return Err(parent_missing.into());
    }
    let (parent_path, parent_archived) = db::territory::parent(&db, kind, &body.parent_id)
        .await?
        .ok_or(parent_missing)?;
    authorize(
        &member.actor,
        Action::ManageTerritory,
        Target::Scope(&parent_path),
    )?;
    if parent_archived {
        return Err(DomainError::PlaceArchived.into());
    }
    let new_id = |k: PlaceKind| -> ApiResult<String> {
        Ok(format!(
            "{}_{}",
            k.id_prefix(),
            yishi_core::ids::ulid(
                u64::try_from(ctx.now.timestamp_millis()).unwrap_or_default(),
                crate::crypto::random_bytes::<10>()?
            )
        ))
    };
    let place = NewPlace {
        kind,
        id: new_id(kind)?,
        parent_id: body.parent_id.clone(),
        name,
        code,
    };
    let mut below: Vec<NewPlace> = Vec::new();
    if let Some(layout) = layout {
        for (unit_name, doors) in layout.expand(ctx.lang) {
            let unit_id = new_id(PlaceKind::Unit)?;
            for door in doors {
                below.push(NewPlace {
                    kind: PlaceKind::Household,
                    id: new_id(PlaceKind::Household)?,
                    parent_id: unit_id.clone(),
                    name: door,
                    code: None,
                });
            }
            below.push(NewPlace {
                kind: PlaceKind::Unit,
                id: unit_id,
                parent_id: place.id.clone(),
                name: unit_name,
                code: None,
            });
        }
    }
    let scope = child_path(&parent_path, kind, &place.id);
    let scope = if kind == PlaceKind::Household {
        parent_path.clone()
    } else {
        scope
    };
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::PlaceCreate,
        (kind.as_str(), &place.id),
        &scope,
        serde_json::json!({ "name": place.name, "layout": layout }),
    )?;
    let mut statements = vec![db::territory::insert_place(&db, &place, ctx.now)?];
    for k in [PlaceKind::Unit, PlaceKind::Household] {
        let of_kind: Vec<&NewPlace> = below.iter().filter(|p| p.kind == k).collect();
        if !of_kind.is_empty() {
            statements.push(db::territory::insert_places(&db, k, &of_kind, ctx.now)?);
        }
    }
    statements.push(audit::insert(&db, &entry)?);
    match db::batch(&db, statements).await {
        Ok(_) => {}
        Err(e) if db::is_unique_violation(&e, ".name") => {
            return Err(DomainError::NameTaken.into());
        }
        Err(e) => return Err(e),
    }
    let (view, _) = db::territory::place(&db, kind, &place.id)
        .await?
        .ok_or_else(|| ApiError::internal("place vanished after insert"))?;
    json(201, &PlaceResponse { place: view })
}

/// `PATCH /api/v1/{kind}/{id}`: rename, or set the code.
pub async fn update(
    ctx: &Ctx,
    req: &mut Request,
    kind: PlaceKind,
    id: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: UpdatePlaceRequest = read_json(req).await?;
    let (view, path) =
        place_in_reach(ctx, &member.actor, kind, id, Action::ManageTerritory).await?;
    let name = match &body.name {
        Some(n) => normalize_place_name(n, kind.field())?,
        None => view.name.clone(),
    };
    let code = match (&body.code, kind) {
        (Some(_), PlaceKind::Household) => {
            return Err(DomainError::Invalid { field: Field::Code }.into());
        }
        (Some(c), _) => normalize_place_code(Some(c))?,
        (None, _) => view.code.clone(),
    };
    let floor_area = match (&body.floor_area, kind) {
        (Some(text), PlaceKind::Household) => Some(parse_floor_area(text)?),
        (Some(_), _) => {
            return Err(DomainError::Invalid {
                field: Field::FloorArea,
            }
            .into());
        }
        (None, _) => None,
    };
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::PlaceUpdate,
        (kind.as_str(), id),
        &path,
        serde_json::json!({
            "from": { "name": view.name, "code": view.code },
            "to": { "name": name, "code": code, "floor_area": floor_area },
        }),
    )?;
    match db::batch(
        &db,
        vec![
            db::territory::update_place(&db, kind, id, &name, code.as_deref(), floor_area)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await
    {
        Ok(_) => {}
        Err(e) if db::is_unique_violation(&e, ".name") => {
            return Err(DomainError::NameTaken.into());
        }
        Err(e) => return Err(e),
    }
    place_response(ctx, &member.actor, kind, id).await
}

/// The place as it is now.
async fn place_response(
    ctx: &Ctx,
    actor: &Actor,
    kind: PlaceKind,
    id: &str,
) -> ApiResult<Response> {
    let (view, _) = place_in_reach(ctx, actor, kind, id, Action::ViewTerritory).await?;
    json(200, &PlaceResponse { place: view })
}

/// `POST /api/v1/{kind}/{id}/archive`: hides the place and what lies below it from pickers and joining,
/// keeping every record. Refused while any household there has residents: those must move out (or be
/// rejected) first, so nobody is silently cut off.
pub async fn archive(ctx: &Ctx, kind: PlaceKind, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (view, path) =
        place_in_reach(ctx, &member.actor, kind, id, Action::ManageTerritory).await?;
    let db = ctx.db()?;
    if view.archived {
        return json(200, &PlaceResponse { place: view });
    }
    let inhabited = db::territory::inhabited_households(&db, kind, id).await?;
    if inhabited > 0 {
        return Err(DomainError::PlaceNotEmpty {
            households: inhabited,
        }
        .into());
    }
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::PlaceArchive,
        (kind.as_str(), id),
        &path,
        serde_json::json!({ "name": view.name }),
    )?;
    let mut statements = db::territory::archive(&db, kind, id, ctx.now)?;
    statements.push(audit::insert(&db, &entry)?);
    let changes = db::batch(&db, statements).await?;
    if changes.first() != Some(&1) {
        // Someone joined a household there between the check and the write.
        let households = db::territory::inhabited_households(&db, kind, id).await?;
        return Err(DomainError::PlaceNotEmpty { households }.into());
    }
    place_response(ctx, &member.actor, kind, id).await
}

/// `POST /api/v1/{kind}/{id}/restore`: undoes an archive, with what was archived together with it.
pub async fn restore(ctx: &Ctx, kind: PlaceKind, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (view, path) =
        place_in_reach(ctx, &member.actor, kind, id, Action::ManageTerritory).await?;
    let db = ctx.db()?;
    let Some(archived_at) = db::territory::archived_at(&db, kind, id).await? else {
        return json(200, &PlaceResponse { place: view });
    };
    if kind != PlaceKind::Compound {
        let (_, parent_archived) = db::territory::parent(&db, kind, &view.parent_id)
            .await?
            .ok_or_else(|| ApiError::internal("archived place without parent"))?;
        if parent_archived {
            return Err(DomainError::PlaceArchived.into());
        }
    }
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::PlaceRestore,
        (kind.as_str(), id),
        &path,
        serde_json::json!({ "name": view.name }),
    )?;
    let mut statements = db::territory::restore(&db, kind, id, &archived_at)?;
    statements.push(audit::insert(&db, &entry)?);
    db::batch(&db, statements).await?;
    place_response(ctx, &member.actor, kind, id).await
}

/// Rows of new places per statement of an import (each statement carries them as one JSON value).
const IMPORT_CHUNK: usize = 1000;

/// `POST /api/v1/communities/{id}/imports` with a CSV body: the whole file is checked first; a bad file
/// is refused with every bad row; a good one is written in one transaction.
pub async fn import(ctx: &Ctx, req: &mut Request, community: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let db = ctx.db()?;
    let not_found = place_not_found();
    if !is_valid_id(community) {
        return Err(not_found.into());
    }
    let path = db::territory::resolve(
        &db,
        &ScopeRef {
            kind: ScopeKind::Community,
            id: community.to_owned(),
        },
    )
    .await?
    .ok_or(not_found)?;
    authorize(&member.actor, Action::ManageTerritory, Target::Scope(&path))?;
    let text = read_text(req, IMPORT_MAX_BYTES).await?;
    let rows = parse_csv(&text).map_err(|rows| DomainError::ImportRejected { rows })?;
    let existing: Vec<ExistingPlace> = db::territory::places_of_community(&db, community)
        .await?
        .into_iter()
        .map(|(kind, v)| ExistingPlace {
            kind,
            id: v.id,
            parent_id: v.parent_id,
            name: v.name,
            archived: v.archived,
        })
        .collect();
    let millis = u64::try_from(ctx.now.timestamp_millis()).unwrap_or_default();
    let mut randomness_failed = false;
    let plan = plan_import(community, &rows, &existing, |kind| {
        let random = crate::crypto::random_bytes::<10>().unwrap_or_else(|_| {
            randomness_failed = true;
            [0; 10]
        });
        format!(
            "{}_{}",
            kind.id_prefix(),
            yishi_core::ids::ulid(millis, random)
        )
    })
    .map_err(|rows| DomainError::ImportRejected { rows })?;
    if randomness_failed {
        return Err(ApiError::internal("no randomness for import ids"));
    }
    let counts = ImportResponse {
        compounds: count(&plan, PlaceKind::Compound),
        buildings: count(&plan, PlaceKind::Building),
        units: count(&plan, PlaceKind::Unit),
        households: count(&plan, PlaceKind::Household),
        existing_households: u32::try_from(plan.existing_households).unwrap_or(u32::MAX),
    };
    let entry = audit::Entry {
        id: ctx.new_id(AuditId::generate)?,
        at: ctx.now,
        actor: &member.actor.member,
        action: AuditAction::TerritoryImport,
        target_kind: "community",
        target_id: community,
        scope: Some(&path),
        on_behalf: None,
        detail: serde_json::to_value(counts)?,
    };
    let mut statements = Vec::new();
    for kind in PlaceKind::ALL {
        let of_kind: Vec<&NewPlace> = plan.new_places.iter().filter(|p| p.kind == kind).collect();
        for chunk in of_kind.chunks(IMPORT_CHUNK) {
            statements.push(db::territory::insert_places(&db, kind, chunk, ctx.now)?);
        }
    }
    statements.push(audit::insert(&db, &entry)?);
    match db::batch(&db, statements).await {
        Ok(_) => {}
        // Another import or a staff member created one of these places meanwhile: nothing was written.
        Err(e) if db::is_unique_violation(&e, ".name") => {
            return Err(DomainError::NameTaken.into());
        }
        Err(e) => return Err(e),
    }
    json(200, &counts)
}

fn count(plan: &yishi_core::territory::import::ImportPlan, kind: PlaceKind) -> u32 {
    u32::try_from(plan.count(kind)).unwrap_or(u32::MAX)
}

/// `GET /api/v1/units/{id}/households`.
pub async fn households(ctx: &Ctx, unit: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (view, path) = place_in_reach(
        ctx,
        &member.actor,
        PlaceKind::Unit,
        unit,
        Action::ViewTerritory,
    )
    .await?;
    let db = ctx.db()?;
    let (households, members) = db::territory::households_of_unit(&db, unit).await?;
    let households = households
        .into_iter()
        .map(|h| HouseholdView {
            members: members
                .iter()
                .filter(|m| m.household_id == h.id)
                .map(|m| HouseholdMemberView {
                    id: MemberId::from_trusted(&m.id),
                    name: m.name.clone(),
                    verification: m
                        .verification
                        .as_deref()
                        .and_then(Verification::parse)
                        .unwrap_or(Verification::Pending),
                    representative: h.representative_id.as_deref() == Some(m.id.as_str()),
                    has_phone: m.has_phone != 0,
                })
                .collect(),
            id: HouseholdId::from_trusted(&h.id),
            name: h.name,
            archived: h.archived_at.is_some(),
            floor_area: h.floor_area,
            live_invites: h.live_invites,
        })
        .collect();
    json(
        200,
        &HouseholdsResponse {
            unit_name: db::territory::scope_name(&db, &path).await?,
            unit: view,
            households,
        },
    )
}
