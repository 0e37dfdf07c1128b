//! Open311 GeoReport v2 (JSON), under `/api/open311/v2/`: services (the catalogue's subcategories),
//! service definitions, the public list of requests, one request, and submitting one with a key issued
//! by staff. Errors follow the specification (`[{ "code", "description" }]`), not the app's envelope,
//! because Open311 clients read those.
//!
//! What the public list shows is deliberately less than the app: the service, status, dates, unit and
//! place, never the resident's words or name (they may describe a neighbour); lat/long only when the
//! client that submitted gave them.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::error::Field;
use yishi_core::i18n::Lang;
use yishi_core::ids::{EventId, RequestId, SubcategoryId, is_valid_id};
use yishi_core::requests::open311::{Open311Problem, Submission};
use yishi_core::requests::{self as rules, Channel, Status};
use yishi_core::territory::{ScopeKind, ScopePath, ScopeRef};
use yishi_core::text::{clean_line, clean_text};

use crate::db::requests::{NewRow, PublicQuery, RequestRow};
use crate::db::{self};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, query_param, read_text};

/// Requests one Open311 key may submit per throttle window (15 minutes by default).
const OPEN311_PER_WINDOW: u32 = 300;

/// Every Open311 route, after `/api/open311/v2/`.
pub async fn serve(ctx: &Ctx, req: &mut Request, rest: &str) -> worker::Result<Response> {
    let method = req.method();
    let result = match (rest, method) {
        ("services.json", worker::Method::Get) => services(ctx).await,
        ("requests.json", worker::Method::Get) => list(ctx).await,
        ("requests.json", worker::Method::Post) => create(ctx, req).await,
        (path, worker::Method::Get) if path.starts_with("services/") => {
            definition(ctx, &path["services/".len()..]).await
        }
        (path, worker::Method::Get) if path.starts_with("requests/") => {
            one(ctx, &path["requests/".len()..]).await
        }
        _ => Err(Open311Error::new(
            404,
            "not found: JSON endpoints are services.json, services/{code}.json, requests.json and requests/{id}.json",
        )),
    };
    match result {
        Ok(resp) => Ok(resp),
        Err(e) => e.response(ctx.lang),
    }
}

/// An error as the specification writes it.
pub struct Open311Error {
    status: u16,
    description: String,
    domain: Option<DomainError>,
}

impl Open311Error {
    fn new(status: u16, description: &str) -> Open311Error {
        Open311Error {
            status,
            description: description.to_owned(),
            domain: None,
        }
    }

    fn response(self, lang: Lang) -> worker::Result<Response> {
        #[derive(Serialize)]
        struct Body {
            code: u16,
            description: String,
        }
        let description = match &self.domain {
            Some(e) => e.message(lang),
            None => self.description,
        };
        let mut resp = Response::from_json(&vec![Body {
            code: self.status,
            description,
        }])?
        .with_status(self.status);
        resp.headers_mut().set("cache-control", "no-store")?;
        Ok(resp)
    }
}

impl From<ApiError> for Open311Error {
    fn from(e: ApiError) -> Open311Error {
        if let Some(cause) = &e.cause {
            worker::console_error!("open311: {cause}");
        }
        Open311Error {
            status: e.status(),
            description: String::new(),
            domain: Some(e.error),
        }
    }
}

impl From<DomainError> for Open311Error {
    fn from(e: DomainError) -> Open311Error {
        ApiError::from(e).into()
    }
}

impl From<Open311Problem> for Open311Error {
    fn from(p: Open311Problem) -> Open311Error {
        Open311Error::new(p.status, &p.description)
    }
}

impl From<worker::Error> for Open311Error {
    fn from(e: worker::Error) -> Open311Error {
        ApiError::from(e).into()
    }
}

type Result311<T> = std::result::Result<T, Open311Error>;

fn json<T: Serialize>(status: u16, body: &T) -> Result311<Response> {
    Ok(Response::from_json(body)?.with_status(status))
}

/// `{code}.json` → `code`, refusing other formats.
fn strip_json(s: &str) -> Result311<&str> {
    s.strip_suffix(".json")
        .ok_or_else(|| Open311Error::new(400, "only the JSON format is served (.json)"))
}

#[derive(Serialize)]
struct Service {
    service_code: String,
    service_name: String,
    description: String,
    metadata: bool,
    #[serde(rename = "type")]
    kind: &'static str,
    keywords: String,
    group: String,
}

/// `GET services.json`: the catalogue's active subcategories.
async fn services(ctx: &Ctx) -> Result311<Response> {
    let subs = db::requests::subcategories(&ctx.db()?).await?;
    let list: Vec<Service> = subs
        .into_iter()
        .filter(|s| s.active != 0)
        .map(|s| Service {
            service_code: s.id.clone(),
            description: s.standard.clone(),
            metadata: false,
            kind: "realtime",
            keywords: s.keywords.replace('、', ","),
            service_name: s.name,
            group: s.category_name,
        })
        .collect();
    json(200, &list)
}

/// `GET services/{code}.json`: no service asks for attributes beyond the request itself.
async fn definition(ctx: &Ctx, path: &str) -> Result311<Response> {
    let code = strip_json(path)?;
    let sub = match SubcategoryId::parse(code) {
        Some(id) => db::requests::subcategory(&ctx.db()?, &id).await?,
        None => None,
    }
    .ok_or_else(|| Open311Error::new(404, "service_code not found"))?;
    #[derive(Serialize)]
    struct Definition {
        service_code: String,
        attributes: Vec<serde_json::Value>,
    }
    json(
        200,
        &Definition {
            service_code: sub.id,
            attributes: Vec::new(),
        },
    )
}

#[derive(Serialize)]
struct PublicRequest {
    service_request_id: String,
    status: &'static str,
    status_notes: Option<String>,
    service_name: String,
    service_code: String,
    description: Option<String>,
    agency_responsible: String,
    service_notice: Option<String>,
    requested_datetime: String,
    updated_datetime: String,
    expected_datetime: String,
    address: String,
    address_id: Option<String>,
    zipcode: Option<String>,
    lat: Option<f64>,
    long: Option<f64>,
    media_url: Option<String>,
}

/// W3C date-time in China time, as the specification's examples give local offsets.
fn w3c(t: DateTime<Utc>) -> String {
    t.with_timezone(&rules::china())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn public(row: &RequestRow) -> ApiResult<PublicRequest> {
    let status = row.status()?;
    let closed = !status.is_open();
    Ok(PublicRequest {
        service_request_id: row.id.clone(),
        status: if closed { "closed" } else { "open" },
        status_notes: (status == Status::Merged).then(|| {
            format!(
                "merged into {}",
                row.merged_into.as_deref().unwrap_or_default()
            )
        }),
        service_name: row.subcategory_name.clone(),
        service_code: row.subcategory_id.clone(),
        description: None,
        agency_responsible: row.handler_name.clone(),
        service_notice: None,
        requested_datetime: w3c(row.received_at()?),
        updated_datetime: w3c(db::parse_time(&row.updated_at)?),
        expected_datetime: w3c(row.deadline()?),
        address: row.place_name(),
        address_id: row
            .path
            .building_id
            .clone()
            .or_else(|| row.path.compound_id.clone()),
        zipcode: None,
        lat: row.lat,
        long: row.long,
        media_url: None,
    })
}

fn parse_w3c(s: &str, what: &str) -> Result311<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Open311Error::new(400, &format!("{what} is not a W3C date-time")))
}

/// `GET requests.json?service_request_id=&service_code=&start_date=&end_date=&status=`: as the
/// specification says, the last 90 days by default, at most 1,000, and at most 90 days per query.
async fn list(ctx: &Ctx) -> Result311<Response> {
    let ids: Vec<RequestId> = match query_param(&ctx.url, "service_request_id") {
        Some(s) => s
            .split(',')
            .map(|id| RequestId::parse(id.trim()))
            .collect::<Option<Vec<_>>>()
            .filter(|v| !v.is_empty() && v.len() <= 100)
            .ok_or_else(|| {
                Open311Error::new(
                    400,
                    "service_request_id must be request ids, separated by commas",
                )
            })?,
        None => Vec::new(),
    };
    let end = match query_param(&ctx.url, "end_date") {
        Some(s) => parse_w3c(&s, "end_date")?,
        None => ctx.now,
    };
    let start = match query_param(&ctx.url, "start_date") {
        Some(s) => parse_w3c(&s, "start_date")?,
        None => end - Duration::days(90),
    };
    if start > end || end - start > Duration::days(90) {
        return Err(Open311Error::new(
            400,
            "start_date must precede end_date, by at most 90 days",
        ));
    }
    let open = match query_param(&ctx.url, "status").as_deref() {
        None | Some("") | Some("open,closed") | Some("closed,open") => None,
        Some("open") => Some(true),
        Some("closed") => Some(false),
        Some(_) => return Err(Open311Error::new(400, "status is open or closed")),
    };
    let code = query_param(&ctx.url, "service_code");
    if code.as_deref().is_some_and(|c| !is_valid_id(c)) {
        return Err(Open311Error::new(400, "service_code not found"));
    }
    let rows = db::requests::public_list(
        &ctx.db()?,
        &PublicQuery {
            ids: &ids,
            subcategory: code.as_deref(),
            start,
            end: end + Duration::milliseconds(1),
            open,
            limit: 1000,
        },
    )
    .await?;
    let list = rows.iter().map(public).collect::<ApiResult<Vec<_>>>()?;
    json(200, &list)
}

/// `GET requests/{id}.json`: a list of one, as the specification has it.
async fn one(ctx: &Ctx, path: &str) -> Result311<Response> {
    let id = strip_json(path)?;
    let id = RequestId::parse(id)
        .ok_or_else(|| Open311Error::new(404, "service_request_id not found"))?;
    let row = db::requests::get(&ctx.db()?, &id)
        .await?
        .ok_or_else(|| Open311Error::new(404, "service_request_id not found"))?;
    json(200, &vec![public(&row)?])
}

/// `POST requests.json` (form-encoded, as the specification says; JSON bodies are read too): with an
/// `api_key` issued by staff for a community. The location is `address_id` (a compound, building or
/// unit of that community), or `lat`/`long` or `address_string` (kept as the place's description).
async fn create(ctx: &Ctx, req: &mut Request) -> Result311<Response> {
    let form = Submission::read(&read_text(req, 64 * 1024).await?)?;
    let db = ctx.db()?;
    let hash = crate::crypto::token_hash(form.api_key()?).await?;
    let (key_name, community) = db::requests::open311_key(&db, &hash)
        .await?
        .ok_or_else(|| Open311Error::new(403, "api_key not valid"))?;
    // A leaked key cannot flood the units: at most this many requests per key and window.
    let counter =
        crate::throttle::Counter::check(ctx, format!("open311:{hash}"), OPEN311_PER_WINDOW).await?;
    let community_path = db::territory::resolve(
        &db,
        &ScopeRef {
            kind: ScopeKind::Community,
            id: community.clone(),
        },
    )
    .await?
    .ok_or_else(|| ApiError::internal("an Open311 key's community is gone"))?;
    let code = form.service_code()?;
    let description = clean_text(
        form.description(),
        Field::Description,
        rules::DESCRIPTION_MAX,
    )?;
    let location = form.location()?;
    let path: ScopePath = match form.address_id()? {
        Some((kind, id)) => {
            let path = if is_valid_id(id) {
                let id = id.to_owned();
                db::territory::resolve(&db, &ScopeRef { kind, id }).await?
            } else {
                None
            };
            path.filter(|p| community_path.contains(p))
                .ok_or_else(|| Open311Error::new(400, "address_id not found"))?
        }
        None => community_path.clone(),
    };
    let place_text = match (form.address_string(), location) {
        (Some(a), _) => Some(clean_line(a, Field::Place, rules::PLACE_MAX)?),
        (None, Some((lat, long))) => Some(format!("{lat:.6},{long:.6}")),
        (None, None) if path.kind() == ScopeKind::Community => {
            return Err(Open311Error::new(
                400,
                "a location is required: address_id, lat and long, or address_string",
            ));
        }
        (None, None) => None,
    };
    let caller_name = match form.caller_name() {
        Some(name) => clean_line(&name, Field::Name, rules::NAME_MAX)?,
        None => key_name.clone(),
    };
    let phone = form.phone();
    // Only a resident of the key's community is attached by her number; anyone else's request is filed
    // with the caller's name and number alone.
    let requester = super::requests::resident_with_phone(&db, phone.as_deref(), &path).await?;
    if SubcategoryId::parse(code).is_none() {
        return Err(Open311Error::new(400, "service_code not found"));
    }
    let (sub, unit, deadline) = match super::requests::routed(&db, code, &path, ctx.now).await {
        Err(e)
            if e.error
                == (DomainError::Invalid {
                    field: Field::Subcategory,
                }) =>
        {
            return Err(Open311Error::new(400, "service_code not found"));
        }
        other => other?,
    };
    let id = ctx.new_id(RequestId::generate)?;
    let event_id = ctx.new_id(EventId::generate)?;
    let note = format!("Open311: {key_name}");
    let statements = db::requests::receive(
        &db,
        &NewRow {
            id: &id,
            subcategory: &SubcategoryId::from_trusted(&sub.id),
            handler: unit.unit.id.as_str(),
            path: &path,
            place_text: place_text.as_deref(),
            description: &description,
            requester: requester.as_ref(),
            caller: Some((&caller_name, phone.as_deref())),
            show_name: false,
            channel: Channel::Open311,
            registered_by: None,
            received_at: ctx.now,
            deadline,
            split_from: None,
            location,
        },
        &event_id,
        None,
        ("received", &note),
        ctx.now,
    )?;
    db::batch(&db, statements).await?;
    counter.record();
    #[derive(Serialize)]
    struct Created {
        service_request_id: String,
        service_notice: String,
        account_id: Option<String>,
    }
    json(
        201,
        &vec![Created {
            service_request_id: id.to_string(),
            service_notice: String::new(),
            account_id: None,
        }],
    )
}
