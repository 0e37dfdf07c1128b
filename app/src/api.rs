//! The only module that talks to the network: `fetch` on the same origin, JSON both ways, the wire types of
//! `yishi_core::api`. Every request carries the session cookie (`credentials: same-origin`), asks for JSON
//! in the current language, and every state-changing request carries the CSRF header.
//!
//! The office's calls are compiled into the resident app too, and dropped at link time there.
#![cfg_attr(not(feature = "office"), allow(dead_code))]

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestCredentials, RequestInit, Response};
use yishi_core::api::endpoint::{CsvFile, Endpoint, ImageFile, Media, Method, Payload};
use yishi_core::api::{CSRF_HEADER, CSRF_VALUE, ErrorBody, ErrorEnvelope, PREFIX};
use yishi_core::error::Entity;
use yishi_core::{DomainError, Lang};

use crate::i18n::{Msg, t};
use crate::offline;

/// Why a request failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection dropped.
    Network,
    /// A change not sent because the device is offline: it is never queued to be sent later behind her
    /// back (a ballot, say); she sends it again once online.
    Offline,
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
            ApiError::Network | ApiError::Offline | ApiError::Unexpected { .. } => None,
        }
    }

    /// The request field at fault (`phone`, `title`, …), for marking it in a form.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } => body.field.as_deref(),
            ApiError::Invalid(err) => err.field().map(yishi_core::error::Field::as_str),
            ApiError::Network | ApiError::Offline | ApiError::Unexpected { .. } => None,
        }
    }

    /// Whether the member must sign in (again).
    #[must_use]
    pub fn is_unauthenticated(&self) -> bool {
        match self {
            ApiError::Server { status, body } => *status == 401 || body.code == "unauthenticated",
            ApiError::Unexpected { status } => *status == 401,
            ApiError::Network | ApiError::Offline | ApiError::Invalid(_) => false,
        }
    }

    /// Whether the thing asked for does not exist (or its id, from the address bar, cannot be one).
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            ApiError::Server { status: 404, .. } | ApiError::Invalid(DomainError::NotFound { .. })
        )
    }

    /// The text shown to the user.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ApiError::Network => t(lang, Msg::NetworkError).to_owned(),
            ApiError::Offline => t(lang, Msg::OfflineNotSent).to_owned(),
            ApiError::Server { body, .. } => body.message.clone(),
            ApiError::Unexpected { .. } => t(lang, Msg::UnexpectedResponse).to_owned(),
            ApiError::Invalid(err) => err.message(lang),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// An id read from the address bar or a form (`MatterId::parse(&id)`), or "not found", as the API answers a
/// path with an id of the wrong shape.
pub fn found<T>(id: Option<T>) -> ApiResult<T> {
    id.ok_or(ApiError::Invalid(DomainError::NotFound {
        entity: Entity::Route,
    }))
}

/// Query parameters of a call, each a key the endpoint reads (see `Endpoint::QUERY`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(Vec<(&'static str, String)>);

impl Query {
    #[must_use]
    pub fn new() -> Query {
        Query::default()
    }

    /// Adds `key=value`; an empty value is left out.
    #[must_use]
    pub fn set(mut self, key: &'static str, value: impl Into<String>) -> Query {
        let value = value.into();
        if !value.is_empty() {
            self.0.push((key, value));
        }
        self
    }

    /// Adds `key=value` when there is a value.
    #[must_use]
    pub fn maybe(self, key: &'static str, value: Option<impl Into<String>>) -> Query {
        match value {
            Some(v) => self.set(key, v),
            None => self,
        }
    }

    /// `?a=1&b=2`, values percent-encoded; nothing when empty.
    fn write(&self, path: &mut String, allowed: &[&str]) {
        for (i, (key, value)) in self.0.iter().enumerate() {
            debug_assert!(allowed.contains(key), "{key} is not a query key of {path}");
            path.push(if i == 0 { '?' } else { '&' });
            path.push_str(key);
            path.push('=');
            path.push_str(&encode(value));
        }
    }
}

/// The address of `endpoint` (with `query`) under the API prefix, for a link, a download or an image.
#[must_use]
pub fn url<E: Endpoint>(endpoint: &E, query: &Query) -> String {
    let mut path = format!("{PREFIX}{}", endpoint.path());
    query.write(&mut path, E::QUERY);
    path
}

/// One call of the contract, ready to send: the endpoint's method and address, the body as JSON text.
/// What [`crate::changes::Change`] queues, whatever the endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    method: Method,
    path: String,
    body: Option<String>,
}

impl Call {
    /// `endpoint` with `body` (JSON, or nothing for `()`).
    pub fn new<E: Endpoint>(endpoint: &E, query: &Query, body: &E::Body) -> ApiResult<Call> {
        let mut path = endpoint.path();
        query.write(&mut path, E::QUERY);
        let body = match <E::Body as Payload>::MEDIA {
            Media::Empty => None,
            Media::Json => {
                Some(serde_json::to_string(body).map_err(|_| ApiError::Unexpected { status: 0 })?)
            }
            // Files travel by `send_csv` and `upload`.
            Media::Csv | Media::Image | Media::Atom | Media::Calendar | Media::Socket => {
                return Err(ApiError::Unexpected { status: 0 });
            }
        };
        Ok(Call {
            method: E::METHOD,
            path,
            body,
        })
    }

    /// Sends it; the answer's body is not read beyond its status and error.
    pub async fn send(&self, lang: Lang) -> ApiResult<()> {
        let (status, text) = self.transfer(lang).await?;
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(error_from(status, &text))
        }
    }

    async fn transfer(&self, lang: Lang) -> ApiResult<(u16, String)> {
        let body = self
            .body
            .as_deref()
            .map(|b| (JsValue::from_str(b), "application/json"));
        raw(lang, self.method, &self.path, body).await
    }
}

/// A [`Call`] whose answer is an `A`: what one action sends to whichever of several endpoints that answer
/// alike (every change to a meeting answers with the meeting).
#[derive(Clone, Debug)]
pub struct CallFor<A> {
    call: Call,
    answer: PhantomData<fn() -> A>,
}

impl<A: DeserializeOwned + Payload> CallFor<A> {
    pub fn new<E: Endpoint<Answer = A>>(endpoint: &E, body: &E::Body) -> ApiResult<CallFor<A>> {
        Ok(CallFor {
            call: Call::new(endpoint, &Query::new(), body)?,
            answer: PhantomData,
        })
    }

    /// Sends it and reads its answer.
    pub async fn send(&self, lang: Lang) -> ApiResult<A> {
        let (status, text) = self.call.transfer(lang).await?;
        read(A::MEDIA, status, &text)
    }
}

/// Sends `endpoint` with `body` and reads its answer.
pub async fn send<E: Endpoint>(lang: Lang, endpoint: &E, body: &E::Body) -> ApiResult<E::Answer> {
    send_query(lang, endpoint, &Query::new(), body).await
}

/// `GET` (or any call without a body) of `endpoint`.
pub async fn get<E: Endpoint<Body = ()>>(lang: Lang, endpoint: &E) -> ApiResult<E::Answer> {
    send_query(lang, endpoint, &Query::new(), &()).await
}

/// Sends `endpoint` with `query` and `body` and reads its answer.
pub async fn send_query<E: Endpoint>(
    lang: Lang,
    endpoint: &E,
    query: &Query,
    body: &E::Body,
) -> ApiResult<E::Answer> {
    let (status, text) = Call::new(endpoint, query, body)?.transfer(lang).await?;
    answer::<E>(status, &text)
}

/// Sends a CSV file to `endpoint`.
pub async fn send_csv<E: Endpoint<Body = CsvFile>>(
    lang: Lang,
    endpoint: &E,
    csv: &str,
) -> ApiResult<E::Answer> {
    let body = Some((JsValue::from_str(csv), "text/csv"));
    let (status, text) = raw(lang, E::METHOD, &endpoint.path(), body).await?;
    answer::<E>(status, &text)
}

/// Uploads an image (its bytes, with its own content type) to `endpoint`.
pub async fn upload<E: Endpoint<Body = ImageFile>>(
    lang: Lang,
    endpoint: &E,
    image: &web_sys::Blob,
) -> ApiResult<E::Answer> {
    let content_type = image.type_();
    let body = Some((JsValue::from(image.clone()), content_type.as_str()));
    let (status, text) = raw(lang, E::METHOD, &endpoint.path(), body).await?;
    answer::<E>(status, &text)
}

/// The endpoint's answer from a response: its JSON, or nothing for an empty answer.
fn answer<E: Endpoint>(status: u16, text: &str) -> ApiResult<E::Answer> {
    read(<E::Answer as Payload>::MEDIA, status, text)
}

fn read<T: DeserializeOwned>(media: Media, status: u16, text: &str) -> ApiResult<T> {
    if !(200..300).contains(&status) {
        return Err(error_from(status, text));
    }
    let value = match media {
        Media::Empty => Some(JsValue::NULL),
        _ => js_sys::JSON::parse(text).ok(),
    };
    value
        .and_then(|v| serde_wasm_bindgen::from_value(v).ok())
        .ok_or(ApiError::Unexpected { status })
}

fn encode(component: &str) -> String {
    String::from(js_sys::encode_uri_component(component))
}

fn error_from(status: u16, text: &str) -> ApiError {
    match decode::<ErrorEnvelope>(text) {
        Some(envelope) => ApiError::Server {
            status,
            body: envelope.error,
        },
        None => ApiError::Unexpected { status },
    }
}

/// JSON text to a wire type: the browser's own `JSON.parse`, then serde straight from the JS value
/// (`serde_wasm_bindgen`), which costs the phone fewer bytes than serde_json's parser. `None` for text that
/// is not JSON of that shape.
pub fn decode<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// Sends one request (with a body and its content type) and reads the whole answer as text.
async fn raw(
    lang: Lang,
    method: Method,
    path: &str,
    body: Option<(JsValue, &str)>,
) -> ApiResult<(u16, String)> {
    let network = |_: JsValue| ApiError::Network;
    let window = web_sys::window().ok_or(ApiError::Network)?;

    let headers = Headers::new().map_err(network)?;
    headers.set("Accept", "application/json").map_err(network)?;
    headers
        .set("Accept-Language", lang.tag())
        .map_err(network)?;
    if method.changes() {
        headers.set(CSRF_HEADER, CSRF_VALUE).map_err(network)?;
    }
    if let Some((_, content_type)) = &body {
        headers.set("Content-Type", content_type).map_err(network)?;
    }

    let init = RequestInit::new();
    init.set_method(method.as_str());
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_headers(&headers);
    if let Some((body, _)) = body {
        init.set_body(&body);
    }

    let request =
        Request::new_with_str_and_init(&format!("{PREFIX}{path}"), &init).map_err(network)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| {
            if method.changes() && !offline::online() {
                ApiError::Offline
            } else {
                ApiError::Network
            }
        })?
        .dyn_into()
        .map_err(network)?;
    let status = response.status();
    if !method.changes() {
        offline::answered(
            response
                .headers()
                .has(offline::CACHED_HEADER)
                .unwrap_or(false),
        );
    }
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    Ok((status, text.as_string().unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use yishi_core::api::endpoint::Token;
    use yishi_core::api::matters::ReasonRequest;
    use yishi_core::api::meetings::SpeakerUpdate;
    use yishi_core::api::requests::{ChangeRequest, RequestAction};
    use yishi_core::api::routes;
    use yishi_core::ids::{CommentId, MatterId, MeetingId, RequestId};
    use yishi_core::meetings::SpeakerState;

    use super::*;

    #[test]
    fn a_call_takes_its_method_and_path_from_the_endpoint_and_its_body_from_the_request_type()
    -> ApiResult<()> {
        let hide = routes::HideComment {
            id: MatterId::from_trusted("mat_1"),
            comment: CommentId::from_trusted("cmt_2"),
        };
        let call = Call::new(
            &hide,
            &Query::new(),
            &ReasonRequest {
                reason: "重复".to_owned(),
            },
        )?;
        assert_eq!(call.method, Method::Post);
        assert_eq!(call.path, "/matters/mat_1/comments/cmt_2/hide");
        assert_eq!(call.body.as_deref(), Some(r#"{"reason":"重复"}"#));
        Ok(())
    }

    #[test]
    fn optional_fields_travel_as_null_and_a_call_without_a_body_sends_none() -> ApiResult<()> {
        let accept = Call::new(
            &routes::ChangeRequestStatus {
                id: RequestId::from_trusted("req_1"),
            },
            &Query::new(),
            &ChangeRequest::new(RequestAction::Accept),
        )?;
        assert_eq!(
            accept.body.as_deref(),
            Some(r#"{"action":"accept","note":"","unit":null,"into":null,"photos":[]}"#)
        );
        let withdraw = Call::new(
            &routes::UpdateSpeaker {
                id: MeetingId::from_trusted("mtg_1"),
                speaker: Token::from_trusted("spk_1"),
            },
            &Query::new(),
            &SpeakerUpdate {
                state: SpeakerState::Withdrawn,
                seconds: None,
            },
        )?;
        assert_eq!(withdraw.path, "/meetings/mtg_1/speakers/spk_1");
        assert_eq!(
            withdraw.body.as_deref(),
            Some(r#"{"state":"withdrawn","seconds":null}"#)
        );
        let support = Call::new(
            &routes::SupportMatter {
                id: MatterId::from_trusted("mat_1"),
            },
            &Query::new(),
            &(),
        )?;
        assert_eq!(support.body, None);
        Ok(())
    }
}
