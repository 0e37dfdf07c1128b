//! HTTP plumbing shared by every route: the request context, JSON in and out, cookies, the CSRF check
//! and the error envelope.

use std::future::Future;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use worker::{D1Database, Env, Headers, KvStore, Method, Request, Response, Url};
use yishi_core::api::{
    CSRF_HEADER, CSRF_VALUE, Cursor, ErrorEnvelope, PAGE_DEFAULT, PAGE_MAX, SEARCH_MAX,
};
use yishi_core::error::Field;
use yishi_core::{DomainError, Lang};

use crate::config::Config;
use crate::crypto;
use crate::error::{ApiError, ApiResult};

/// Largest request body accepted (a notice body of 5,000 Chinese characters is about 15 KB).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What every handler knows about the request it serves.
pub struct Ctx {
    pub env: Env,
    pub config: Config,
    pub now: DateTime<Utc>,
    /// The client's address as Cloudflare saw it.
    pub ip: String,
    /// Whether the request came over https (then cookies are `Secure`).
    pub secure: bool,
    pub url: Url,
    pub headers: Headers,
    /// The language of the answer (and of names the server makes up, such as 「1单元」).
    pub lang: Lang,
    later: Later,
}

/// The request's hold on the runtime: work handed to it runs after the answer has been sent.
pub type Later = std::rc::Rc<worker::Context>;

impl Ctx {
    pub fn new(req: &Request, env: Env, later: Later) -> ApiResult<Ctx> {
        let config = Config::from_env(&env)?;
        let url = req.url()?;
        Ok(Ctx {
            config,
            now: now(),
            ip: req
                .headers()
                .get("cf-connecting-ip")?
                .unwrap_or_else(|| "unknown".into()),
            secure: url.scheme() == "https",
            url,
            headers: req.headers().clone(),
            lang: request_lang(req),
            env,
            later,
        })
    }

    /// Runs `job` once the answer is on its way: the client does not wait for it, and the runtime keeps
    /// the request alive until it ends.
    pub fn after_answer(&self, job: impl Future<Output = ()> + 'static) {
        self.later.wait_until(job);
    }

    pub fn db(&self) -> ApiResult<D1Database> {
        Ok(self.env.d1("DB")?)
    }

    pub fn kv(&self) -> ApiResult<KvStore> {
        Ok(self.env.kv("KV")?)
    }

    /// A fresh time-ordered id of the given kind.
    pub fn new_id<T>(&self, generate: fn(u64, [u8; 10]) -> T) -> ApiResult<T> {
        let millis = u64::try_from(self.now.timestamp_millis()).unwrap_or_default();
        Ok(generate(millis, crypto::random_bytes::<10>()?))
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        let header = self.headers.get("cookie").ok().flatten()?;
        header.split(';').find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then(|| v.to_owned())
        })
    }
}

/// The time now, from the runtime's clock (which stands still during a request, as Workers' clocks do).
pub fn now() -> DateTime<Utc> {
    let millis = i64::try_from(worker::Date::now().as_millis()).unwrap_or_default();
    DateTime::<Utc>::from_timestamp_millis(millis).unwrap_or_default()
}

/// The language of the answer: the one the client asks for, Chinese by default.
pub fn request_lang(req: &Request) -> Lang {
    req.headers()
        .get("accept-language")
        .ok()
        .flatten()
        .map_or(Lang::ZhCn, |h| Lang::from_accept_language(&h))
}

/// State-changing requests must come from our own pages: they carry the custom header (which a
/// cross-site form cannot send, and a cross-site script cannot without a CORS preflight we never grant),
/// and a browser's `Origin`/`Sec-Fetch-Site`, when present, must say same-origin.
pub fn check_csrf(req: &Request, url: &Url) -> ApiResult<()> {
    if matches!(req.method(), Method::Get | Method::Head | Method::Options) {
        return Ok(());
    }
    let headers = req.headers();
    if headers.get(CSRF_HEADER)?.as_deref() != Some(CSRF_VALUE) {
        return Err(DomainError::CsrfRejected.into());
    }
    if headers
        .get("origin")?
        .is_some_and(|origin| origin != url.origin().ascii_serialization())
    {
        return Err(DomainError::CsrfRejected.into());
    }
    if headers
        .get("sec-fetch-site")?
        .is_some_and(|s| s == "cross-site" || s == "same-site")
    {
        return Err(DomainError::CsrfRejected.into());
    }
    Ok(())
}

/// Reads a JSON body of at most [`MAX_BODY_BYTES`], its text cleaned by core's one rule
/// ([`yishi_core::api::read_body`]).
pub async fn read_json<T: DeserializeOwned>(req: &mut Request) -> ApiResult<T> {
    let too_large = DomainError::PayloadTooLarge {
        max_bytes: MAX_BODY_BYTES,
    };
    let declared = req
        .headers()
        .get("content-length")?
        .and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|l| l > MAX_BODY_BYTES) {
        return Err(too_large.into());
    }
    let bytes = req.bytes().await?;
    if bytes.len() > MAX_BODY_BYTES {
        return Err(too_large.into());
    }
    Ok(yishi_core::api::read_body(&bytes)?)
}

/// Reads a text body (an uploaded CSV file) of at most `max` bytes, which must be UTF-8.
pub async fn read_text(req: &mut Request, max: usize) -> ApiResult<String> {
    let too_large = DomainError::PayloadTooLarge { max_bytes: max };
    let declared = req
        .headers()
        .get("content-length")?
        .and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|l| l > max) {
        return Err(too_large.into());
    }
    let bytes = req.bytes().await?;
    if bytes.len() > max {
        return Err(too_large.into());
    }
    let text = String::from_utf8(bytes).map_err(|_| DomainError::Invalid { field: Field::Csv })?;
    // Every cell and form field through core's one rule for text (a BOM at the start is dropped).
    Ok(yishi_core::text::clean(&text, Field::Csv)?)
}

/// The `cursor` and `limit` query parameters of a list.
pub fn page_params(url: &Url) -> ApiResult<(Option<Cursor>, u32)> {
    let limit = match query_param(url, "limit") {
        None => PAGE_DEFAULT,
        Some(l) => l
            .parse::<u32>()
            .ok()
            .filter(|l| (1..=PAGE_MAX).contains(l))
            .ok_or(DomainError::Invalid {
                field: Field::Limit,
            })?,
    };
    let cursor = query_param(url, "cursor")
        .map(|c| {
            Cursor::decode(&c).ok_or(DomainError::Invalid {
                field: Field::Cursor,
            })
        })
        .transpose()?;
    Ok((cursor, limit))
}

/// The next cursor of a page whose last item has this sort key, if more follow.
pub fn next_cursor(more: bool, last: Option<(DateTime<Utc>, &str)>) -> Option<String> {
    if !more {
        return None;
    }
    last.map(|(at, id)| {
        Cursor {
            at,
            id: id.to_owned(),
        }
        .encode()
    })
}

pub fn json<T: Serialize>(status: u16, body: &T) -> ApiResult<Response> {
    Ok(Response::from_json(body)?.with_status(status))
}

pub fn no_content() -> ApiResult<Response> {
    Ok(Response::empty()?.with_status(204))
}

pub fn error_response(err: &ApiError, lang: Lang) -> worker::Result<Response> {
    let mut resp = Response::from_json(&ErrorEnvelope::from_error(&err.error, lang))?
        .with_status(err.status());
    if let DomainError::RateLimited { retry_after_secs } = err.error {
        resp.headers_mut()
            .set("retry-after", &retry_after_secs.to_string())?;
    }
    Ok(resp)
}

/// Headers on every API answer: nothing is cached, nothing sniffed, nothing framed.
pub fn harden(resp: &mut Response, lang: Lang) -> worker::Result<()> {
    let h = resp.headers_mut();
    h.set("cache-control", "no-store")?;
    h.set("x-content-type-options", "nosniff")?;
    h.set("x-frame-options", "DENY")?;
    h.set("referrer-policy", "same-origin")?;
    h.set("content-language", lang.tag())?;
    Ok(())
}

/// The search of a list (`?q=`): trimmed, `None` when empty, at most [`SEARCH_MAX`] characters (else
/// `too_long`).
pub fn search_param(url: &Url) -> ApiResult<Option<String>> {
    let query = query_param(url, "q")
        .map(|q| yishi_core::text::clean(&q, Field::Query))
        .transpose()?
        .map(|q| q.trim().to_owned())
        .filter(|q| !q.is_empty());
    if query
        .as_ref()
        .is_some_and(|q| q.chars().count() > SEARCH_MAX)
    {
        return Err(DomainError::TooLong {
            field: Field::Query,
            max: SEARCH_MAX,
        }
        .into());
    }
    Ok(query)
}

/// A query-string parameter.
pub fn query_param(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
