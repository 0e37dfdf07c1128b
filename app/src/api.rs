//! The only module that talks to the network: `fetch` on the same origin, JSON both ways, the wire types of
//! `yishi_core::api`. Every request carries the session cookie (`credentials: same-origin`), asks for JSON
//! in the current language, and every state-changing request carries the CSRF header.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestCredentials, RequestInit, Response};
use yishi_core::api::auth::{JoinRequest, SessionResponse, SignInRequest};
use yishi_core::api::notices::{CreateNoticeRequest, NoticeListResponse, NoticeResponse};
use yishi_core::api::territory::PostableScopesResponse;
use yishi_core::api::{CSRF_HEADER, CSRF_VALUE, ErrorBody, ErrorEnvelope, PREFIX};
use yishi_core::{DomainError, Lang};

use crate::i18n::{Msg, t};

/// Why a request failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection dropped.
    Network,
    /// The API refused with an error envelope; its message is already in the request's language.
    Server { status: u16, body: ErrorBody },
    /// An answer that is not what the contract promises (a proxy's HTML page, say).
    Unexpected { status: u16 },
    /// Rejected in the app before sending, by the same rules the API applies.
    Invalid(DomainError),
}

impl ApiError {
    /// The stable error code (`invalid_credentials`, `required`, …), when there is one.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } => Some(&body.code),
            ApiError::Invalid(err) => Some(err.code()),
            ApiError::Network | ApiError::Unexpected { .. } => None,
        }
    }

    /// The request field at fault (`phone`, `title`, …), for marking it in a form.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } => body.field.as_deref(),
            ApiError::Invalid(err) => err.field().map(yishi_core::error::Field::as_str),
            ApiError::Network | ApiError::Unexpected { .. } => None,
        }
    }

    /// Whether the member must sign in (again).
    #[must_use]
    pub fn is_unauthenticated(&self) -> bool {
        match self {
            ApiError::Server { status, body } => *status == 401 || body.code == "unauthenticated",
            ApiError::Unexpected { status } => *status == 401,
            ApiError::Network | ApiError::Invalid(_) => false,
        }
    }

    /// Whether the thing asked for does not exist.
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Server { status: 404, .. })
    }

    /// The text shown to the user.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ApiError::Network => t(lang, Msg::NetworkError).to_owned(),
            ApiError::Server { body, .. } => body.message.clone(),
            ApiError::Unexpected { .. } => t(lang, Msg::UnexpectedResponse).to_owned(),
            ApiError::Invalid(err) => err.message(lang),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// `POST /sessions`.
pub async fn sign_in(lang: Lang, req: &SignInRequest) -> ApiResult<SessionResponse> {
    call(lang, "POST", "/sessions", Some(req)).await
}

/// `DELETE /sessions/current`.
pub async fn sign_out(lang: Lang) -> ApiResult<()> {
    send(lang, "DELETE", "/sessions/current", None)
        .await
        .and_then(|(status, text)| {
            if (200..300).contains(&status) {
                Ok(())
            } else {
                Err(error_from(status, &text))
            }
        })
}

/// `GET /me`.
pub async fn me(lang: Lang) -> ApiResult<SessionResponse> {
    call(lang, "GET", "/me", None::<&()>).await
}

/// `POST /residents`.
pub async fn join(lang: Lang, req: &JoinRequest) -> ApiResult<SessionResponse> {
    call(lang, "POST", "/residents", Some(req)).await
}

/// `GET /notices?cursor=`: a page of notices, newest first.
pub async fn list_notices(lang: Lang, cursor: Option<&str>) -> ApiResult<NoticeListResponse> {
    let path = match cursor {
        Some(c) => format!("/notices?cursor={}", encode(c)),
        None => "/notices".to_owned(),
    };
    call(lang, "GET", &path, None::<&()>).await
}

/// `GET /notices/{id}`.
pub async fn get_notice(lang: Lang, id: &str) -> ApiResult<NoticeResponse> {
    call(
        lang,
        "GET",
        &format!("/notices/{}", encode(id)),
        None::<&()>,
    )
    .await
}

/// `POST /notices`.
pub async fn create_notice(lang: Lang, req: &CreateNoticeRequest) -> ApiResult<NoticeResponse> {
    call(lang, "POST", "/notices", Some(req)).await
}

/// `GET /territory/postable`.
pub async fn postable_scopes(lang: Lang) -> ApiResult<PostableScopesResponse> {
    call(lang, "GET", "/territory/postable", None::<&()>).await
}

fn encode(component: &str) -> String {
    String::from(js_sys::encode_uri_component(component))
}

async fn call<B: Serialize, T: DeserializeOwned>(
    lang: Lang,
    method: &str,
    path: &str,
    body: Option<&B>,
) -> ApiResult<T> {
    let body = match body {
        Some(b) => Some(serde_json::to_string(b).map_err(|_| ApiError::Unexpected { status: 0 })?),
        None => None,
    };
    let (status, text) = send(lang, method, path, body).await?;
    if (200..300).contains(&status) {
        serde_json::from_str(&text).map_err(|_| ApiError::Unexpected { status })
    } else {
        Err(error_from(status, &text))
    }
}

fn error_from(status: u16, text: &str) -> ApiError {
    match serde_json::from_str::<ErrorEnvelope>(text) {
        Ok(envelope) => ApiError::Server {
            status,
            body: envelope.error,
        },
        Err(_) => ApiError::Unexpected { status },
    }
}

/// Sends one request and reads the whole answer as text.
async fn send(
    lang: Lang,
    method: &str,
    path: &str,
    body: Option<String>,
) -> ApiResult<(u16, String)> {
    let network = |_: JsValue| ApiError::Network;
    let window = web_sys::window().ok_or(ApiError::Network)?;

    let headers = Headers::new().map_err(network)?;
    headers.set("Accept", "application/json").map_err(network)?;
    headers
        .set("Accept-Language", lang.tag())
        .map_err(network)?;
    if method != "GET" {
        headers.set(CSRF_HEADER, CSRF_VALUE).map_err(network)?;
        headers
            .set("Content-Type", "application/json")
            .map_err(network)?;
    }

    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_headers(&headers);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(&body));
    }

    let request =
        Request::new_with_str_and_init(&format!("{PREFIX}{path}"), &init).map_err(network)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    let status = response.status();
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    Ok((status, text.as_string().unwrap_or_default()))
}
