//! Handling: the unit accepts, starts, resolves or returns a request; staff send a returned request
//! on, merge duplicates or split a request in two; the resident confirms the work or reopens it. Each
//! change goes through `yishi_core::requests::Status::apply` and is one batch with its record entry.

use wasm_bindgen::JsValue;
use worker::{D1PreparedStatement, Request, Response};
use yishi_core::DomainError;
use yishi_core::api::requests::{ChangeRequest, ConfirmRequest, RequestAction, SplitRequest};
use yishi_core::audit::AuditAction;
use yishi_core::error::Field;
use yishi_core::ids::{EventId, HandlingUnitId, MemberId, RequestId, SubcategoryId};
use yishi_core::numbers::{RecordKind, RecordNumber};
use yishi_core::requests::{self as rules, Outcome, Transition};
use yishi_core::text::clean_text;

use crate::db::requests::{Column, Event, NewRow};
use crate::db::{self, audit, time};
use crate::error::ApiResult;
use crate::http::{Ctx, read_json};
use crate::routes::common::audit_entry;
use crate::session;

use super::catalogue::unit_or;
use super::intake::routed;
use super::{field_invalid, load, respond};

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
    let mut merged_into: Option<String> = None;
    match body.action {
        RequestAction::Accept | RequestAction::Start => {}
        RequestAction::Resolve => {
            columns.push((Column::ResolvedAt, db::text(&time(ctx.now))));
            let photos =
                crate::routes::photos::own_photos(&db, &body.photos, &member.actor, true).await?;
            for photo in &photos {
                extra.push(db::photos::attach_to_request(
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
            rules::check_return(
                &HandlingUnitId::from_trusted(&row.handler_id),
                &unit.unit.id,
            )?;
            if !rules::serves(unit.owner.as_ref(), &row.scope()?) {
                return Err(field_invalid(Field::HandlingUnit).into());
            }
            columns.push((Column::ReturnedTo, db::text(unit.unit.id.as_str())));
            event_unit = Some(unit.unit.id.to_string());
        }
        RequestAction::Reroute => {
            // The unit staff name, or else the one the returning unit named.
            let named = body.unit.as_deref().or(row.returned_to.as_deref());
            let unit = unit_or(&db, named, field_invalid(Field::HandlingUnit)).await?;
            // Only to a unit that serves the request's place: the district's or its community's own.
            if !rules::serves(unit.owner.as_ref(), &row.scope()?) {
                return Err(field_invalid(Field::HandlingUnit).into());
            }
            columns.push((Column::Handler, db::text(unit.unit.id.as_str())));
            columns.push((Column::ReturnedTo, JsValue::NULL));
            event_unit = Some(unit.unit.id.to_string());
        }
        RequestAction::Merge => {
            // Staff type the number they see on the list (`128`, `#128`, `R-128`); an id still works.
            let typed = body.into.as_deref().map(str::trim).unwrap_or_default();
            let target = match (
                RecordNumber::parse(RecordKind::Request, typed),
                row.path.community_id.as_deref(),
            ) {
                (Some(n), Some(community)) => db::requests::by_number(&db, community, n).await?,
                _ => match RequestId::parse(typed) {
                    Some(id) => db::requests::get(&db, &id).await?,
                    None => None,
                },
            }
            .filter(|t| t.path.community_id == row.path.community_id && t.id != rid.as_str())
            .ok_or(DomainError::UnknownRequestNumber)?;
            let into = target.id();
            if !target.status()?.is_open() {
                return Err(DomainError::RequestStatus.into());
            }
            columns.push((Column::MergedInto, db::text(into.as_str())));
            merged_into = Some(into.to_string());
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
                    note: &row.number()?.to_string(),
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
                AuditAction::RequestMerge
            } else {
                AuditAction::RequestReroute
            },
            ("request", rid.as_str()),
            &scope,
            serde_json::json!({ "unit": event_unit, "into": merged_into, "note": note }),
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
    let path = row.scope()?;
    let (sub, unit, deadline) = routed(&db, &body.subcategory, &path, received).await?;
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
            handler: unit.unit.id.as_str(),
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
                AuditAction::RequestSplit,
                ("request", parent.as_str()),
                &path,
                serde_json::json!({ "into": child, "subcategory": sub.id }),
            )?,
        )?,
    ]);
    db::batch(&db, statements).await?;
    respond(ctx, &member, child.as_str(), 201).await
}
