//! The only module that talks to the network: `fetch` on the same origin, JSON both ways, the wire types of
//! `yishi_core::api`. Every request carries the session cookie (`credentials: same-origin`), asks for JSON
//! in the current language, and every state-changing request carries the CSRF header.
//!
//! The office's calls are compiled into the resident app too, and dropped at link time there.
#![cfg_attr(not(feature = "office"), allow(dead_code))]

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestCredentials, RequestInit, Response};
use yishi_core::api::audit::AuditListResponse;
use yishi_core::api::auth::{
    ChangePasscodeRequest, JoinRequest, ProfileUpdate, SessionListResponse, SessionResponse,
    SignInRequest,
};
use yishi_core::api::covenants::{CovenantListResponse, CovenantResponse, CreateCovenantRequest};
use yishi_core::api::invites::{InviteResponse, InviteSheetResponse, IssueInvitesRequest};
use yishi_core::api::matters::{
    BoardResponse, MatterListResponse, MatterResponse, MatterSettingsResponse, PhotoResponse,
    ProposeRequest,
};
use yishi_core::api::meetings::{
    AttendanceListResponse, CheckInRequest, CreateMeetingRequest, MeetingListResponse, MeetingLive,
    MeetingResponse, MinutesRequest,
};
use yishi_core::api::members::{
    AddHouseholdMemberRequest, BirthYearRequest, MemberListResponse, MemberResponse,
    PasscodeResetResponse, RepresentativeRequest, RoleRequest, VerifyRequest,
};
use yishi_core::api::notices::{
    CreateNoticeRequest, MarkReadRequest, NoticeListResponse, NoticeReadResponse,
    NoticeReadsResponse, NoticeResponse,
};
use yishi_core::api::territory::{
    CreatePlaceRequest, HouseholdsResponse, ImportResponse, PlaceResponse, PostableScopesResponse,
    TerritoryResponse, UpdatePlaceRequest,
};
use yishi_core::api::votes::{
    CastRequest, CastResponse, CreateVoteRequest, PaperBallotRequest, ProxyRequest, ProxyResponse,
    VoteListResponse, VoteResponse, VoterListResponse,
};
use yishi_core::api::{CSRF_HEADER, CSRF_VALUE, ErrorBody, ErrorEnvelope, PREFIX};
use yishi_core::territory::PlaceKind;
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
            ApiError::Offline => t(lang, Msg::OfflineNotSent).to_owned(),
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

/// `PUT /me/passcode`.
pub async fn change_passcode(lang: Lang, req: &ChangePasscodeRequest) -> ApiResult<()> {
    empty(lang, "PUT", "/me/passcode", Some(req)).await
}

/// `PATCH /me/profile`.
pub async fn update_profile(lang: Lang, req: &ProfileUpdate) -> ApiResult<SessionResponse> {
    call(lang, "PATCH", "/me/profile", Some(req)).await
}

/// `GET /sessions`.
pub async fn list_sessions(lang: Lang) -> ApiResult<SessionListResponse> {
    call(lang, "GET", "/sessions", None::<&()>).await
}

/// `DELETE /sessions/{id}`.
pub async fn end_session(lang: Lang, id: &str) -> ApiResult<()> {
    empty(
        lang,
        "DELETE",
        &format!("/sessions/{}", encode(id)),
        None::<&()>,
    )
    .await
}

/// `POST /notices/{id}/reads`.
pub async fn mark_read(
    lang: Lang,
    notice: &str,
    req: &MarkReadRequest,
) -> ApiResult<NoticeReadResponse> {
    call(
        lang,
        "POST",
        &format!("/notices/{}/reads", encode(notice)),
        Some(req),
    )
    .await
}

/// `GET /notices/{id}/reads`.
pub async fn notice_reads(lang: Lang, notice: &str) -> ApiResult<NoticeReadsResponse> {
    call(
        lang,
        "GET",
        &format!("/notices/{}/reads", encode(notice)),
        None::<&()>,
    )
    .await
}

/// `GET /territory`.
pub async fn territory(lang: Lang) -> ApiResult<TerritoryResponse> {
    call(lang, "GET", "/territory", None::<&()>).await
}

/// `POST /{compounds|buildings|units|households}`.
pub async fn create_place(
    lang: Lang,
    kind: PlaceKind,
    req: &CreatePlaceRequest,
) -> ApiResult<PlaceResponse> {
    call(lang, "POST", &format!("/{}", kind.plural()), Some(req)).await
}

/// `PATCH /{kind}/{id}`: rename, set the code, or record a household's floor area.
pub async fn update_place(
    lang: Lang,
    kind: PlaceKind,
    id: &str,
    req: &UpdatePlaceRequest,
) -> ApiResult<PlaceResponse> {
    call(
        lang,
        "PATCH",
        &format!("/{}/{}", kind.plural(), encode(id)),
        Some(req),
    )
    .await
}

/// `POST /{kind}/{id}/archive` or `/restore`.
pub async fn set_archived(
    lang: Lang,
    kind: PlaceKind,
    id: &str,
    archived: bool,
) -> ApiResult<PlaceResponse> {
    let verb = if archived { "archive" } else { "restore" };
    call(
        lang,
        "POST",
        &format!("/{}/{}/{verb}", kind.plural(), encode(id)),
        Some(&()),
    )
    .await
}

/// `POST /communities/{id}/imports` with the CSV text.
pub async fn import_territory(
    lang: Lang,
    community: &str,
    csv: String,
) -> ApiResult<ImportResponse> {
    let (status, text) = send(
        lang,
        "POST",
        &format!("/communities/{}/imports", encode(community)),
        Some((JsValue::from_str(&csv), "text/csv")),
    )
    .await?;
    parse(status, &text)
}

/// `GET /units/{id}/households`.
pub async fn households(lang: Lang, unit: &str) -> ApiResult<HouseholdsResponse> {
    call(
        lang,
        "GET",
        &format!("/units/{}/households", encode(unit)),
        None::<&()>,
    )
    .await
}

/// `POST /households/{id}/members`.
pub async fn add_household_member(
    lang: Lang,
    household: &str,
    req: &AddHouseholdMemberRequest,
) -> ApiResult<MemberResponse> {
    call(
        lang,
        "POST",
        &format!("/households/{}/members", encode(household)),
        Some(req),
    )
    .await
}

/// `PUT /households/{id}/representative`.
pub async fn set_representative(
    lang: Lang,
    household: &str,
    req: &RepresentativeRequest,
) -> ApiResult<MemberResponse> {
    call(
        lang,
        "PUT",
        &format!("/households/{}/representative", encode(household)),
        Some(req),
    )
    .await
}

/// `POST /households/{id}/invites`.
pub async fn issue_invite(
    lang: Lang,
    household: &str,
    req: &IssueInvitesRequest,
) -> ApiResult<InviteResponse> {
    call(
        lang,
        "POST",
        &format!("/households/{}/invites", encode(household)),
        Some(req),
    )
    .await
}

/// `POST /buildings/{id}/invites`.
pub async fn issue_building_invites(
    lang: Lang,
    building: &str,
    req: &IssueInvitesRequest,
) -> ApiResult<InviteSheetResponse> {
    call(
        lang,
        "POST",
        &format!("/buildings/{}/invites", encode(building)),
        Some(req),
    )
    .await
}

/// `GET /buildings/{id}/invites`.
pub async fn invite_sheet(lang: Lang, building: &str) -> ApiResult<InviteSheetResponse> {
    call(
        lang,
        "GET",
        &format!("/buildings/{}/invites", encode(building)),
        None::<&()>,
    )
    .await
}

/// `POST /invites/{code}/revoke`.
pub async fn revoke_invite(lang: Lang, code: &str) -> ApiResult<()> {
    empty(
        lang,
        "POST",
        &format!("/invites/{}/revoke", encode(code)),
        Some(&()),
    )
    .await
}

/// `GET /members?verification=&q=`.
pub async fn members(lang: Lang, pending_only: bool, query: &str) -> ApiResult<MemberListResponse> {
    let mut path = format!("/members?limit=100&q={}", encode(query));
    if pending_only {
        path.push_str("&verification=pending");
    }
    call(lang, "GET", &path, None::<&()>).await
}

/// `GET /members/{id}`.
pub async fn member(lang: Lang, id: &str) -> ApiResult<MemberResponse> {
    call(
        lang,
        "GET",
        &format!("/members/{}", encode(id)),
        None::<&()>,
    )
    .await
}

/// `POST /members/{id}/verification`.
pub async fn verify_member(lang: Lang, id: &str, req: &VerifyRequest) -> ApiResult<MemberResponse> {
    call(
        lang,
        "POST",
        &format!("/members/{}/verification", encode(id)),
        Some(req),
    )
    .await
}

/// `POST /members/{id}/roles` (grant) or `/roles/revoke`.
pub async fn change_role(
    lang: Lang,
    id: &str,
    req: &RoleRequest,
    grant: bool,
) -> ApiResult<MemberResponse> {
    let path = if grant {
        format!("/members/{}/roles", encode(id))
    } else {
        format!("/members/{}/roles/revoke", encode(id))
    };
    call(lang, "POST", &path, Some(req)).await
}

/// `POST /members/{id}/passcode-reset`.
pub async fn reset_passcode(lang: Lang, id: &str) -> ApiResult<PasscodeResetResponse> {
    call(
        lang,
        "POST",
        &format!("/members/{}/passcode-reset", encode(id)),
        Some(&()),
    )
    .await
}

/// `PUT /members/{id}/birth-year`.
pub async fn set_birth_year(
    lang: Lang,
    id: &str,
    req: &BirthYearRequest,
) -> ApiResult<MemberResponse> {
    call(
        lang,
        "PUT",
        &format!("/members/{}/birth-year", encode(id)),
        Some(req),
    )
    .await
}

/// `GET /audit?cursor=`.
pub async fn audit(lang: Lang, cursor: Option<String>) -> ApiResult<AuditListResponse> {
    let path = match cursor {
        Some(c) => format!("/audit?cursor={}", encode(&c)),
        None => "/audit".to_owned(),
    };
    call(lang, "GET", &path, None::<&()>).await
}

/// `GET /votes`.
pub async fn votes(lang: Lang) -> ApiResult<VoteListResponse> {
    call(lang, "GET", "/votes", None::<&()>).await
}

/// `GET /votes/{id}`.
pub async fn vote(lang: Lang, id: &str) -> ApiResult<VoteResponse> {
    call(lang, "GET", &format!("/votes/{}", encode(id)), None::<&()>).await
}

/// `POST /votes`.
pub async fn create_vote(lang: Lang, req: &CreateVoteRequest) -> ApiResult<VoteResponse> {
    call(lang, "POST", "/votes", Some(req)).await
}

/// `POST /votes/{id}/ballots`.
pub async fn cast_ballot(lang: Lang, id: &str, req: &CastRequest) -> ApiResult<CastResponse> {
    call(
        lang,
        "POST",
        &format!("/votes/{}/ballots", encode(id)),
        Some(req),
    )
    .await
}

/// `POST /votes/{id}/proxies`.
pub async fn give_proxy(lang: Lang, id: &str, req: &ProxyRequest) -> ApiResult<ProxyResponse> {
    call(
        lang,
        "POST",
        &format!("/votes/{}/proxies", encode(id)),
        Some(req),
    )
    .await
}

/// `POST /votes/{id}/paper`.
pub async fn paper_ballot(
    lang: Lang,
    id: &str,
    req: &PaperBallotRequest,
) -> ApiResult<CastResponse> {
    call(
        lang,
        "POST",
        &format!("/votes/{}/paper", encode(id)),
        Some(req),
    )
    .await
}

/// `GET /votes/{id}/voters`.
pub async fn vote_voters(lang: Lang, id: &str) -> ApiResult<VoterListResponse> {
    call(
        lang,
        "GET",
        &format!("/votes/{}/voters", encode(id)),
        None::<&()>,
    )
    .await
}

/// Where the browser downloads a vote's result or ballot list (`format` is `csv` or `json`).
#[must_use]
pub fn vote_download_url(id: &str, what: &str, format: &str) -> String {
    format!("{PREFIX}/votes/{}/{what}?format={format}", encode(id))
}

/// `GET /meetings?q=`.
pub async fn meetings(lang: Lang, q: &str) -> ApiResult<MeetingListResponse> {
    let path = if q.trim().is_empty() {
        "/meetings".to_owned()
    } else {
        format!("/meetings?q={}", encode(q.trim()))
    };
    call(lang, "GET", &path, None::<&()>).await
}

/// `GET /meetings/{id}`.
pub async fn meeting(lang: Lang, id: &str) -> ApiResult<MeetingResponse> {
    call(
        lang,
        "GET",
        &format!("/meetings/{}", encode(id)),
        None::<&()>,
    )
    .await
}

/// `POST /meetings`.
pub async fn create_meeting(lang: Lang, req: &CreateMeetingRequest) -> ApiResult<MeetingResponse> {
    call(lang, "POST", "/meetings", Some(req)).await
}

/// `GET /meetings/{id}/live`: the live state, when the socket is down.
pub async fn meeting_live(lang: Lang, id: &str) -> ApiResult<MeetingLive> {
    call(
        lang,
        "GET",
        &format!("/meetings/{}/live", encode(id)),
        None::<&()>,
    )
    .await
}

/// `GET /meetings/{id}/attendance`.
pub async fn meeting_attendance(lang: Lang, id: &str) -> ApiResult<AttendanceListResponse> {
    call(
        lang,
        "GET",
        &format!("/meetings/{}/attendance", encode(id)),
        None::<&()>,
    )
    .await
}

/// Any change to a meeting (`POST /meetings/{id}/{rest}`), answered with the meeting.
pub async fn meeting_post<B: Serialize>(
    lang: Lang,
    id: &str,
    rest: &str,
    body: &B,
) -> ApiResult<MeetingResponse> {
    call(
        lang,
        "POST",
        &format!("/meetings/{}/{rest}", encode(id)),
        Some(body),
    )
    .await
}

/// `POST /meetings/{id}/attendance`.
pub async fn check_in(lang: Lang, id: &str, req: &CheckInRequest) -> ApiResult<MeetingResponse> {
    meeting_post(lang, id, "attendance", req).await
}

/// `PUT /meetings/{id}/minutes`.
pub async fn put_minutes(lang: Lang, id: &str, req: &MinutesRequest) -> ApiResult<MeetingResponse> {
    call(
        lang,
        "PUT",
        &format!("/meetings/{}/minutes", encode(id)),
        Some(req),
    )
    .await
}

/// `POST /meetings/{id}/minutes/publish`.
pub async fn publish_minutes(lang: Lang, id: &str) -> ApiResult<NoticeResponse> {
    call(
        lang,
        "POST",
        &format!("/meetings/{}/minutes/publish", encode(id)),
        Some(&()),
    )
    .await
}

/// `POST /votes/{id}/close`.
pub async fn close_vote(lang: Lang, id: &str) -> ApiResult<VoteResponse> {
    call(
        lang,
        "POST",
        &format!("/votes/{}/close", encode(id)),
        Some(&()),
    )
    .await
}

/// `POST /votes/{id}/notice`: publishes the result on the notice board.
pub async fn publish_vote_result(lang: Lang, id: &str) -> ApiResult<NoticeResponse> {
    call(
        lang,
        "POST",
        &format!("/votes/{}/notice", encode(id)),
        Some(&()),
    )
    .await
}

/// `GET /notices?…` with a filter (`archive=1`, `drafts=1`, `q=…`) built by the caller.
pub async fn notices_where(lang: Lang, filter: &str) -> ApiResult<NoticeListResponse> {
    let path = if filter.is_empty() {
        "/notices".to_owned()
    } else {
        format!("/notices?{filter}")
    };
    call(lang, "GET", &path, None::<&()>).await
}

/// `GET /covenants?q=`.
pub async fn covenants(lang: Lang, q: &str) -> ApiResult<CovenantListResponse> {
    let path = if q.trim().is_empty() {
        "/covenants".to_owned()
    } else {
        format!("/covenants?q={}", encode(q.trim()))
    };
    call(lang, "GET", &path, None::<&()>).await
}

/// `GET /covenants/{id}`.
pub async fn covenant(lang: Lang, id: &str) -> ApiResult<CovenantResponse> {
    call(
        lang,
        "GET",
        &format!("/covenants/{}", encode(id)),
        None::<&()>,
    )
    .await
}

/// `POST /covenants`.
pub async fn create_covenant(
    lang: Lang,
    req: &CreateCovenantRequest,
) -> ApiResult<CovenantResponse> {
    call(lang, "POST", "/covenants", Some(req)).await
}

/// `GET /matters?…`: `query` is the query string without `?` (built by the caller from known values).
pub async fn matters(lang: Lang, query: &str) -> ApiResult<MatterListResponse> {
    let path = if query.is_empty() {
        "/matters".to_owned()
    } else {
        format!("/matters?{query}")
    };
    call(lang, "GET", &path, None::<&()>).await
}

/// `GET /matters/{id}`.
pub async fn matter(lang: Lang, id: &str) -> ApiResult<MatterResponse> {
    call(
        lang,
        "GET",
        &format!("/matters/{}", encode(id)),
        None::<&()>,
    )
    .await
}

/// `POST /matters`.
pub async fn propose_matter(lang: Lang, req: &ProposeRequest) -> ApiResult<MatterResponse> {
    call(lang, "POST", "/matters", Some(req)).await
}

/// `GET /matters/board?community=&level=`.
pub async fn matter_board(lang: Lang, community: &str, level: &str) -> ApiResult<BoardResponse> {
    call(
        lang,
        "GET",
        &format!(
            "/matters/board?community={}&level={}",
            encode(community),
            encode(level)
        ),
        None::<&()>,
    )
    .await
}

/// `GET /communities/{id}/matter-settings`.
pub async fn matter_settings(lang: Lang, community: &str) -> ApiResult<MatterSettingsResponse> {
    call(
        lang,
        "GET",
        &format!("/communities/{}/matter-settings", encode(community)),
        None::<&()>,
    )
    .await
}

/// `PUT /communities/{id}/matter-settings`.
pub async fn put_matter_settings(
    lang: Lang,
    community: &str,
    req: &MatterSettingsResponse,
) -> ApiResult<MatterSettingsResponse> {
    call(
        lang,
        "PUT",
        &format!("/communities/{}/matter-settings", encode(community)),
        Some(req),
    )
    .await
}

/// `POST /photos` with the image itself.
pub async fn upload_photo(lang: Lang, image: &web_sys::Blob) -> ApiResult<PhotoResponse> {
    let content_type = image.type_();
    let (status, text) = send(
        lang,
        "POST",
        "/photos",
        Some((JsValue::from(image.clone()), content_type.as_str())),
    )
    .await?;
    parse(status, &text)
}

/// The address of a stored photo, for `<img src>`.
#[must_use]
pub fn photo_url(id: &str) -> String {
    format!("{PREFIX}/photos/{}", encode(id))
}

/// `GET` on `path` (under the API prefix, query included), answered with a body of type `T`.
pub async fn fetch_json<T: DeserializeOwned>(lang: Lang, path: &str) -> ApiResult<T> {
    call(lang, "GET", path, None::<&()>).await
}

/// `method` on `path` with a JSON body, answered with a body of type `T`.
pub async fn send_json<B: Serialize, T: DeserializeOwned>(
    lang: Lang,
    method: &str,
    path: &str,
    body: &B,
) -> ApiResult<T> {
    call(lang, method, path, Some(body)).await
}

/// `POST` of a CSV file to `path`.
pub async fn post_csv<T: DeserializeOwned>(lang: Lang, path: &str, csv: String) -> ApiResult<T> {
    let (status, text) = send(
        lang,
        "POST",
        path,
        Some((JsValue::from_str(&csv), "text/csv")),
    )
    .await?;
    parse(status, &text)
}

/// The address of `path` under the API prefix, for links (downloads).
#[must_use]
pub fn url(path: &str) -> String {
    format!("{PREFIX}{path}")
}

/// A query value, percent-encoded.
#[must_use]
pub fn encode_value(v: &str) -> String {
    encode(v)
}

/// A change to a record (`POST` or `PUT` on `path`, under the API prefix): the answer's body is not
/// needed, the caller reloads what it shows.
pub async fn change(
    lang: Lang,
    method: &str,
    path: &str,
    body: &serde_json::Value,
) -> ApiResult<()> {
    empty(lang, method, path, Some(body)).await
}

/// A request whose success has no body (204).
async fn empty<B: Serialize>(
    lang: Lang,
    method: &str,
    path: &str,
    body: Option<&B>,
) -> ApiResult<()> {
    let body = match body {
        Some(b) => Some((
            JsValue::from_str(
                &serde_json::to_string(b).map_err(|_| ApiError::Unexpected { status: 0 })?,
            ),
            "application/json",
        )),
        None => None,
    };
    let (status, text) = send(lang, method, path, body).await?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(error_from(status, &text))
    }
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
        Some(b) => Some((
            JsValue::from_str(
                &serde_json::to_string(b).map_err(|_| ApiError::Unexpected { status: 0 })?,
            ),
            "application/json",
        )),
        None => None,
    };
    let (status, text) = send(lang, method, path, body).await?;
    parse(status, &text)
}

fn parse<T: DeserializeOwned>(status: u16, text: &str) -> ApiResult<T> {
    if (200..300).contains(&status) {
        decode(text).ok_or(ApiError::Unexpected { status })
    } else {
        Err(error_from(status, text))
    }
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
async fn send(
    lang: Lang,
    method: &str,
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
    if method != "GET" {
        headers.set(CSRF_HEADER, CSRF_VALUE).map_err(network)?;
    }
    if let Some((_, content_type)) = &body {
        headers.set("Content-Type", content_type).map_err(network)?;
    }

    let init = RequestInit::new();
    init.set_method(method);
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
            if method != "GET" && !offline::online() {
                ApiError::Offline
            } else {
                ApiError::Network
            }
        })?
        .dyn_into()
        .map_err(network)?;
    let status = response.status();
    if method == "GET" {
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
