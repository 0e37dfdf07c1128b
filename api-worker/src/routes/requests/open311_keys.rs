//! Keys of Open311 clients: staff issue one for a community they dispatch (shown once, only its hash
//! kept), list and revoke them.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::requests::{
    Open311KeyListResponse, Open311KeyRequest, Open311KeyResponse, Open311KeyView,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::members::Actor;
use yishi_core::policy::{Action, Target, authorize, scopes_for};
use yishi_core::requests as rules;
use yishi_core::territory::{ScopeKind, ScopePath, ScopeRef};
use yishi_core::text::clean_line;

use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, read_json};
use crate::routes::common::audit_entry;
use crate::session;

use super::intake::place;
use super::invalid;

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
        AuditAction::Open311KeyCreate,
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
        AuditAction::Open311KeyRevoke,
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
