//! Web Push subscriptions: a phone (a session) subscribes, replaces or ends its subscription. What is
//! pushed, and when, is the postman's (`crate::postman`).

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::notifications::{PushStatusResponse, PushSubscriptionRequest};
use yishi_core::error::Field;
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::push::{Subscription, SubscriptionField, SubscriptionKeys};

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json};
use crate::session;

fn status(ctx: &Ctx, subscribed: bool) -> ApiResult<Response> {
    let public_key = ctx
        .config
        .push
        .as_ref()
        .map(|p| p.public_key())
        .transpose()?;
    json(
        200,
        &PushStatusResponse {
            public_key,
            subscribed,
        },
    )
}

/// `GET /api/v1/push/subscription`.
pub async fn get(ctx: &Ctx) -> ApiResult<Response> {
    let (member, session, _) = session::require_session(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    let subscribed = db::push::exists(&ctx.db()?, &session).await?;
    status(ctx, subscribed)
}

/// `PUT /api/v1/push/subscription`: checked as a browser's subscription; refused with
/// `push_unavailable` where the district sends no push.
pub async fn put(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, session, record) = session::require_session(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    let body: PushSubscriptionRequest = read_json(req).await?;
    if ctx.config.push.is_none() {
        return Err(DomainError::PushUnavailable.into());
    }
    let checked = Subscription {
        endpoint: body.endpoint.clone(),
        keys: SubscriptionKeys {
            p256dh: body.keys.p256dh.clone(),
            auth: body.keys.auth.clone(),
        },
    }
    .validate();
    if let Err(e) = checked {
        let field = match e.field() {
            Some(SubscriptionField::P256dh) => Field::PushP256dh,
            Some(SubscriptionField::Auth) => Field::PushAuth,
            Some(SubscriptionField::Endpoint) | None => Field::PushEndpoint,
        };
        return Err(DomainError::Invalid { field }.into());
    }
    db::push::put(
        &ctx.db()?,
        &session,
        &member.view.id,
        &body,
        ctx.now,
        record.expires_at,
    )
    .await?;
    status(ctx, true)
}

/// `DELETE /api/v1/push/subscription`: this phone is no longer pushed to (done even if it was not).
pub async fn delete(ctx: &Ctx) -> ApiResult<Response> {
    let (member, session, _) = session::require_session(ctx).await?;
    authorize(&member.actor, Action::ManageOwnAccount, Target::Own)?;
    db::push::remove(&ctx.db()?, &session).await?;
    status(ctx, false)
}
