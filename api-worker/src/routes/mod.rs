//! The routing table and the request pipeline: route → CSRF check → handler → error envelope → headers.

mod auth;
mod health;
mod notices;
mod territory;

use worker::{Env, Method, Request, Response, console_error};
use yishi_core::DomainError;
use yishi_core::error::Entity;

use crate::error::ApiResult;
use crate::http::{self, Ctx};

/// Every route of the API, under `/api/v1`.
enum Route<'a> {
    Health,
    SignIn,
    SignOut,
    Me,
    Join,
    ListNotices,
    CreateNotice,
    GetNotice(&'a str),
    PostableScopes,
}

fn route<'a>(method: &Method, segments: &[&'a str]) -> Result<Route<'a>, DomainError> {
    Ok(match (segments, method) {
        (["health"], Method::Get) => Route::Health,
        (["sessions"], Method::Post) => Route::SignIn,
        (["sessions", "current"], Method::Delete) => Route::SignOut,
        (["me"], Method::Get) => Route::Me,
        (["residents"], Method::Post) => Route::Join,
        (["notices"], Method::Get) => Route::ListNotices,
        (["notices"], Method::Post) => Route::CreateNotice,
        (["notices", id], Method::Get) => Route::GetNotice(id),
        (["territory", "postable"], Method::Get) => Route::PostableScopes,
        (
            ["health"]
            | ["sessions"]
            | ["sessions", "current"]
            | ["me"]
            | ["residents"]
            | ["notices"]
            | ["notices", _]
            | ["territory", "postable"],
            _,
        ) => return Err(DomainError::MethodNotAllowed),
        _ => {
            return Err(DomainError::NotFound {
                entity: Entity::Route,
            });
        }
    })
}

pub async fn handle(mut req: Request, env: Env) -> worker::Result<Response> {
    let lang = http::request_lang(&req);
    let mut resp = match serve(&mut req, env).await {
        Ok(resp) => resp,
        Err(err) => {
            if let Some(cause) = &err.cause {
                console_error!("{:?} {}: {cause}", req.method(), req.path());
            }
            http::error_response(&err, lang)?
        }
    };
    http::harden(&mut resp, lang)?;
    Ok(resp)
}

async fn serve(req: &mut Request, env: Env) -> ApiResult<Response> {
    let path = req.path();
    let rest = path
        .strip_prefix(yishi_core::api::PREFIX)
        .and_then(|r| r.strip_prefix('/'))
        .ok_or(DomainError::NotFound {
            entity: Entity::Route,
        })?;
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let route = route(&req.method(), &segments)?;
    let ctx = Ctx::new(req, env)?;
    http::check_csrf(req, &ctx.url)?;
    match route {
        Route::Health => health::get(&ctx).await,
        Route::SignIn => auth::sign_in(&ctx, req).await,
        Route::SignOut => auth::sign_out(&ctx).await,
        Route::Me => auth::me(&ctx).await,
        Route::Join => auth::join(&ctx, req).await,
        Route::ListNotices => notices::list(&ctx).await,
        Route::CreateNotice => notices::create(&ctx, req).await,
        Route::GetNotice(id) => notices::get(&ctx, id).await,
        Route::PostableScopes => territory::postable(&ctx).await,
    }
}
