//! The routing table and the request pipeline: route → CSRF check → handler → error envelope → headers.

mod audit;
mod auth;
mod common;
mod covenants;
mod health;
mod invites;
mod matters;
mod meetings;
mod members;
mod notices;
mod open311;
pub mod requests;
mod territory;
mod votes;

use worker::{Env, Method, Request, Response, console_error};
use yishi_core::DomainError;
use yishi_core::error::Entity;
use yishi_core::territory::PlaceKind;

use crate::error::ApiResult;
use crate::http::{self, Ctx};

/// Every route of the API, under `/api/v1`.
enum Route<'a> {
    Health,
    SignIn,
    SignOut,
    Me,
    Join,
    ChangePasscode,
    UpdateProfile,
    ListSessions,
    RevokeSession(&'a str),
    ListNotices,
    CreateNotice,
    GetNotice(&'a str),
    MarkNoticeRead(&'a str),
    NoticeReads(&'a str),
    PublishNotice(&'a str),
    ObjectToNotice(&'a str),
    AnswerObjection(&'a str, &'a str),
    NoticeFeed(&'a str),
    PostableScopes,
    Territory,
    CreatePlace(PlaceKind),
    UpdatePlace(PlaceKind, &'a str),
    ArchivePlace(PlaceKind, &'a str),
    RestorePlace(PlaceKind, &'a str),
    ImportTerritory(&'a str),
    UnitHouseholds(&'a str),
    AddHouseholdMember(&'a str),
    SetRepresentative(&'a str),
    IssueHouseholdInvite(&'a str),
    IssueBuildingInvites(&'a str),
    BuildingInvites(&'a str),
    RevokeInvite(&'a str),
    ListMembers,
    GetMember(&'a str),
    VerifyMember(&'a str),
    GrantRole(&'a str),
    RevokeRole(&'a str),
    ResetPasscode(&'a str),
    SetBirthYear(&'a str),
    Audit,
    CreateVote,
    ListVotes,
    GetVote(&'a str),
    CastBallot(&'a str),
    CloseVote(&'a str),
    VoteBallots(&'a str),
    VoteResult(&'a str),
    VoteVoters(&'a str),
    CreateMeeting,
    ListMeetings,
    GetMeeting(&'a str),
    MeetingLive(&'a str),
    MeetingSocket(&'a str),
    SetMeetingOpen(&'a str, bool),
    CheckIn(&'a str),
    Attendance(&'a str),
    Leave(&'a str),
    SetItem(&'a str, &'a str, bool),
    RequestToSpeak(&'a str),
    UpdateSpeaker(&'a str, &'a str),
    PutMotion(&'a str),
    CloseMotion(&'a str, &'a str),
    PutMinutes(&'a str),
    PublishMinutes(&'a str),
    AddProxy(&'a str),
    PaperBallot(&'a str),
    PublishVoteResult(&'a str),
    ListMatters,
    ProposeMatter,
    MatterBoard,
    GetMatter(&'a str),
    SupportMatter(&'a str),
    CommentMatter(&'a str),
    HideComment(&'a str, &'a str),
    SummarizeMatter(&'a str),
    DeclineMatter(&'a str),
    MergeMatter(&'a str),
    MatterBallot(&'a str),
    MatterAgenda(&'a str),
    MatterDecision(&'a str),
    ReconsiderMatter(&'a str),
    MatterOwner(&'a str),
    AdoptMatter(&'a str),
    AddMilestone(&'a str),
    MilestoneDone(&'a str, &'a str),
    MatterProgress(&'a str),
    MatterReady(&'a str),
    MatterAcceptance(&'a str),
    RateMatter(&'a str),
    MatterSettings(&'a str),
    PutMatterSettings(&'a str),
    UploadPhoto,
    GetPhoto(&'a str),
    ListCovenants,
    CreateCovenant,
    GetCovenant(&'a str),
    EditCovenantDraft(&'a str),
    CommentCovenant(&'a str),
    CovenantBallot(&'a str),
    CovenantAdoption(&'a str),
    AmendCovenant(&'a str),
    SignCovenant(&'a str),
    RequestCatalogue,
    PutRequestCategory(Option<&'a str>),
    PutSubcategory(Option<&'a str>),
    PutHandlingUnit(Option<&'a str>),
    AddUnitMember(&'a str),
    RemoveUnitMember(&'a str, &'a str),
    PutRequestCalendar,
    ExportCatalogue,
    ImportCatalogue,
    SimilarRequests,
    CreateRequest,
    ListRequests,
    RequestFigures,
    CreateOpen311Key,
    ListOpen311Keys,
    RevokeOpen311Key(&'a str),
    GetRequest(&'a str),
    JoinRequest(&'a str),
    ChangeRequest(&'a str),
    ConfirmRequest(&'a str),
    SplitRequest(&'a str),
}

fn kind(plural: &str) -> Option<PlaceKind> {
    PlaceKind::from_plural(plural)
}

fn matching<'a>(method: &Method, segments: &[&'a str]) -> Option<Route<'a>> {
    use Method::{Delete, Get, Patch, Post, Put};
    Some(match (segments, method) {
        (["health"], Get) => Route::Health,
        (["sessions"], Post) => Route::SignIn,
        (["sessions"], Get) => Route::ListSessions,
        (["sessions", "current"], Delete) => Route::SignOut,
        (["sessions", id], Delete) => Route::RevokeSession(id),
        (["me"], Get) => Route::Me,
        (["me", "passcode"], Put) => Route::ChangePasscode,
        (["me", "profile"], Patch) => Route::UpdateProfile,
        (["residents"], Post) => Route::Join,
        (["notices"], Get) => Route::ListNotices,
        (["notices"], Post) => Route::CreateNotice,
        (["notices", id], Get) => Route::GetNotice(id),
        (["notices", id, "reads"], Post) => Route::MarkNoticeRead(id),
        (["notices", id, "reads"], Get) => Route::NoticeReads(id),
        (["notices", id, "publish"], Post) => Route::PublishNotice(id),
        (["notices", id, "objections"], Post) => Route::ObjectToNotice(id),
        (["notices", id, "objections", objection, "answer"], Post) => {
            Route::AnswerObjection(id, objection)
        }
        (["communities", id, "notices.atom"], Get) => Route::NoticeFeed(id),
        (["territory"], Get) => Route::Territory,
        (["territory", "postable"], Get) => Route::PostableScopes,
        (["communities", id, "imports"], Post) => Route::ImportTerritory(id),
        (["units", id, "households"], Get) => Route::UnitHouseholds(id),
        (["households", id, "members"], Post) => Route::AddHouseholdMember(id),
        (["households", id, "representative"], Put) => Route::SetRepresentative(id),
        (["households", id, "invites"], Post) => Route::IssueHouseholdInvite(id),
        (["buildings", id, "invites"], Post) => Route::IssueBuildingInvites(id),
        (["buildings", id, "invites"], Get) => Route::BuildingInvites(id),
        (["invites", code, "revoke"], Post) => Route::RevokeInvite(code),
        // Guarded, so that other plural nouns fall through to their own routes.
        ([plural], Post) if kind(plural).is_some() => Route::CreatePlace(kind(plural)?),
        ([plural, id], Patch) if kind(plural).is_some() => Route::UpdatePlace(kind(plural)?, id),
        ([plural, id, "archive"], Post) if kind(plural).is_some() => {
            Route::ArchivePlace(kind(plural)?, id)
        }
        ([plural, id, "restore"], Post) if kind(plural).is_some() => {
            Route::RestorePlace(kind(plural)?, id)
        }
        (["members"], Get) => Route::ListMembers,
        (["members", id], Get) => Route::GetMember(id),
        (["members", id, "verification"], Post) => Route::VerifyMember(id),
        (["members", id, "roles"], Post) => Route::GrantRole(id),
        (["members", id, "roles", "revoke"], Post) => Route::RevokeRole(id),
        (["members", id, "passcode-reset"], Post) => Route::ResetPasscode(id),
        (["members", id, "birth-year"], Put) => Route::SetBirthYear(id),
        (["audit"], Get) => Route::Audit,
        (["votes"], Post) => Route::CreateVote,
        (["votes"], Get) => Route::ListVotes,
        (["votes", id], Get) => Route::GetVote(id),
        (["votes", id, "ballots"], Post) => Route::CastBallot(id),
        (["votes", id, "ballots"], Get) => Route::VoteBallots(id),
        (["votes", id, "result"], Get) => Route::VoteResult(id),
        (["votes", id, "voters"], Get) => Route::VoteVoters(id),
        (["votes", id, "close"], Post) => Route::CloseVote(id),
        (["votes", id, "proxies"], Post) => Route::AddProxy(id),
        (["votes", id, "paper"], Post) => Route::PaperBallot(id),
        (["votes", id, "notice"], Post) => Route::PublishVoteResult(id),
        (["meetings"], Post) => Route::CreateMeeting,
        (["meetings"], Get) => Route::ListMeetings,
        (["meetings", id], Get) => Route::GetMeeting(id),
        (["meetings", id, "live"], Get) => Route::MeetingLive(id),
        (["meetings", id, "socket"], Get) => Route::MeetingSocket(id),
        (["meetings", id, "open"], Post) => Route::SetMeetingOpen(id, true),
        (["meetings", id, "close"], Post) => Route::SetMeetingOpen(id, false),
        (["meetings", id, "attendance"], Post) => Route::CheckIn(id),
        (["meetings", id, "attendance"], Get) => Route::Attendance(id),
        (["meetings", id, "attendance", "leave"], Post) => Route::Leave(id),
        (["meetings", id, "items", position, "open"], Post) => Route::SetItem(id, position, true),
        (["meetings", id, "items", position, "close"], Post) => Route::SetItem(id, position, false),
        (["meetings", id, "speakers"], Post) => Route::RequestToSpeak(id),
        (["meetings", id, "speakers", speaker], Post) => Route::UpdateSpeaker(id, speaker),
        (["meetings", id, "motions"], Post) => Route::PutMotion(id),
        (["meetings", id, "motions", vote, "close"], Post) => Route::CloseMotion(id, vote),
        (["meetings", id, "minutes"], Put) => Route::PutMinutes(id),
        (["meetings", id, "minutes", "publish"], Post) => Route::PublishMinutes(id),
        (["matters"], Get) => Route::ListMatters,
        (["matters"], Post) => Route::ProposeMatter,
        (["matters", "board"], Get) => Route::MatterBoard,
        (["matters", id], Get) => Route::GetMatter(id),
        (["matters", id, "supports"], Post) => Route::SupportMatter(id),
        (["matters", id, "comments"], Post) => Route::CommentMatter(id),
        (["matters", id, "comments", comment, "hide"], Post) => Route::HideComment(id, comment),
        (["matters", id, "summary"], Put) => Route::SummarizeMatter(id),
        (["matters", id, "decline"], Post) => Route::DeclineMatter(id),
        (["matters", id, "merge"], Post) => Route::MergeMatter(id),
        (["matters", id, "ballot"], Post) => Route::MatterBallot(id),
        (["matters", id, "agenda"], Post) => Route::MatterAgenda(id),
        (["matters", id, "decision"], Post) => Route::MatterDecision(id),
        (["matters", id, "reconsider"], Post) => Route::ReconsiderMatter(id),
        (["matters", id, "owner"], Put) => Route::MatterOwner(id),
        (["matters", id, "adopt"], Post) => Route::AdoptMatter(id),
        (["matters", id, "milestones"], Post) => Route::AddMilestone(id),
        (["matters", id, "milestones", position, "done"], Post) => {
            Route::MilestoneDone(id, position)
        }
        (["matters", id, "progress"], Post) => Route::MatterProgress(id),
        (["matters", id, "ready"], Post) => Route::MatterReady(id),
        (["matters", id, "acceptance"], Post) => Route::MatterAcceptance(id),
        (["matters", id, "ratings"], Post) => Route::RateMatter(id),
        (["communities", id, "matter-settings"], Get) => Route::MatterSettings(id),
        (["communities", id, "matter-settings"], Put) => Route::PutMatterSettings(id),
        (["photos"], Post) => Route::UploadPhoto,
        (["photos", id], Get) => Route::GetPhoto(id),
        (["covenants"], Get) => Route::ListCovenants,
        (["covenants"], Post) => Route::CreateCovenant,
        (["covenants", id], Get) => Route::GetCovenant(id),
        (["covenants", id, "draft"], Put) => Route::EditCovenantDraft(id),
        (["covenants", id, "comments"], Post) => Route::CommentCovenant(id),
        (["covenants", id, "ballot"], Post) => Route::CovenantBallot(id),
        (["covenants", id, "adoption"], Post) => Route::CovenantAdoption(id),
        (["covenants", id, "versions"], Post) => Route::AmendCovenant(id),
        (["covenants", id, "signatures"], Post) => Route::SignCovenant(id),
        (["requests", "catalogue"], Get) => Route::RequestCatalogue,
        (["requests", "categories"], Post) => Route::PutRequestCategory(None),
        (["requests", "categories", id], Put) => Route::PutRequestCategory(Some(id)),
        (["requests", "subcategories"], Post) => Route::PutSubcategory(None),
        (["requests", "subcategories", id], Put) => Route::PutSubcategory(Some(id)),
        (["requests", "units"], Post) => Route::PutHandlingUnit(None),
        (["requests", "units", id], Put) => Route::PutHandlingUnit(Some(id)),
        (["requests", "units", id, "members"], Post) => Route::AddUnitMember(id),
        (["requests", "units", id, "members", member], Delete) => {
            Route::RemoveUnitMember(id, member)
        }
        (["requests", "calendar"], Put) => Route::PutRequestCalendar,
        (["requests", "catalogue.csv"], Get) => Route::ExportCatalogue,
        (["requests", "catalogue.csv"], Post) => Route::ImportCatalogue,
        (["requests", "similar"], Get) => Route::SimilarRequests,
        (["requests"], Post) => Route::CreateRequest,
        (["requests"], Get) => Route::ListRequests,
        (["requests", "figures"], Get) => Route::RequestFigures,
        (["requests", "open311-keys"], Post) => Route::CreateOpen311Key,
        (["requests", "open311-keys"], Get) => Route::ListOpen311Keys,
        (["requests", "open311-keys", id, "revoke"], Post) => Route::RevokeOpen311Key(id),
        (["requests", id], Get) => Route::GetRequest(id),
        (["requests", id, "join"], Post) => Route::JoinRequest(id),
        (["requests", id, "changes"], Post) => Route::ChangeRequest(id),
        (["requests", id, "confirmation"], Post) => Route::ConfirmRequest(id),
        (["requests", id, "split"], Post) => Route::SplitRequest(id),
        _ => return None,
    })
}

fn route<'a>(method: &Method, segments: &[&'a str]) -> Result<Route<'a>, DomainError> {
    if let Some(route) = matching(method, segments) {
        return Ok(route);
    }
    let other_methods = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];
    if other_methods
        .iter()
        .any(|m| matching(m, segments).is_some())
    {
        Err(DomainError::MethodNotAllowed)
    } else {
        Err(DomainError::NotFound {
            entity: Entity::Route,
        })
    }
}

/// Where Open311 clients find the GeoReport v2 endpoints.
pub const OPEN311_PREFIX: &str = "/api/open311/v2/";

pub async fn handle(mut req: Request, env: Env) -> worker::Result<Response> {
    let lang = http::request_lang(&req);
    if let Some(rest) = req.path().strip_prefix(OPEN311_PREFIX).map(str::to_owned) {
        // Open311 clients authenticate with a key in the request, never a cookie: no CSRF to defend.
        let mut resp = match Ctx::new(&req, env) {
            Ok(ctx) => open311::serve(&ctx, &mut req, &rest).await?,
            Err(err) => http::error_response(&err, lang)?,
        };
        http::harden(&mut resp, lang)?;
        return Ok(resp);
    }
    let mut resp = match serve(&mut req, env).await {
        Ok(resp) => resp,
        Err(err) => {
            if let Some(cause) = &err.cause {
                console_error!("{:?} {}: {cause}", req.method(), req.path());
            }
            http::error_response(&err, lang)?
        }
    };
    // A WebSocket handshake's headers belong to the runtime.
    if resp.status_code() != 101 {
        http::harden(&mut resp, lang)?;
    }
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
        Route::ChangePasscode => auth::change_passcode(&ctx, req).await,
        Route::UpdateProfile => auth::update_profile(&ctx, req).await,
        Route::ListSessions => auth::list_sessions(&ctx).await,
        Route::RevokeSession(id) => auth::revoke_session(&ctx, id).await,
        Route::ListNotices => notices::list(&ctx).await,
        Route::CreateNotice => notices::create(&ctx, req).await,
        Route::GetNotice(id) => notices::get(&ctx, id).await,
        Route::MarkNoticeRead(id) => notices::mark_read(&ctx, req, id).await,
        Route::NoticeReads(id) => notices::reads(&ctx, id).await,
        Route::PublishNotice(id) => notices::publish(&ctx, id).await,
        Route::ObjectToNotice(id) => notices::object(&ctx, req, id).await,
        Route::AnswerObjection(id, objection) => notices::answer(&ctx, req, id, objection).await,
        Route::NoticeFeed(id) => notices::feed(&ctx, id).await,
        Route::PostableScopes => territory::postable(&ctx).await,
        Route::Territory => territory::tree(&ctx).await,
        Route::CreatePlace(kind) => territory::create(&ctx, req, kind).await,
        Route::UpdatePlace(kind, id) => territory::update(&ctx, req, kind, id).await,
        Route::ArchivePlace(kind, id) => territory::archive(&ctx, kind, id).await,
        Route::RestorePlace(kind, id) => territory::restore(&ctx, kind, id).await,
        Route::ImportTerritory(id) => territory::import(&ctx, req, id).await,
        Route::UnitHouseholds(id) => territory::households(&ctx, id).await,
        Route::AddHouseholdMember(id) => members::add_to_household(&ctx, req, id).await,
        Route::SetRepresentative(id) => members::set_representative(&ctx, req, id).await,
        Route::IssueHouseholdInvite(id) => invites::issue_for_household(&ctx, req, id).await,
        Route::IssueBuildingInvites(id) => invites::issue_for_building(&ctx, req, id).await,
        Route::BuildingInvites(id) => invites::sheet(&ctx, id).await,
        Route::RevokeInvite(code) => invites::revoke(&ctx, code).await,
        Route::ListMembers => members::list(&ctx).await,
        Route::GetMember(id) => members::get(&ctx, id).await,
        Route::VerifyMember(id) => members::verify(&ctx, req, id).await,
        Route::GrantRole(id) => members::grant_role(&ctx, req, id).await,
        Route::RevokeRole(id) => members::revoke_role(&ctx, req, id).await,
        Route::SetBirthYear(id) => members::set_birth_year(&ctx, req, id).await,
        Route::ResetPasscode(id) => members::reset_passcode(&ctx, id).await,
        Route::Audit => audit::list(&ctx).await,
        Route::CreateVote => votes::create(&ctx, req).await,
        Route::ListVotes => votes::list(&ctx).await,
        Route::GetVote(id) => votes::get(&ctx, id).await,
        Route::CastBallot(id) => votes::cast(&ctx, req, id).await,
        Route::CloseVote(id) => votes::close(&ctx, id).await,
        Route::VoteBallots(id) => votes::ballots(&ctx, id).await,
        Route::VoteResult(id) => votes::result(&ctx, id).await,
        Route::VoteVoters(id) => votes::voters(&ctx, id).await,
        Route::AddProxy(id) => votes::add_proxy(&ctx, req, id).await,
        Route::PaperBallot(id) => votes::paper(&ctx, req, id).await,
        Route::PublishVoteResult(id) => votes::publish_result(&ctx, id).await,
        Route::CreateMeeting => meetings::create(&ctx, req).await,
        Route::ListMeetings => meetings::list(&ctx).await,
        Route::GetMeeting(id) => meetings::get(&ctx, id).await,
        Route::MeetingLive(id) => meetings::live(&ctx, id).await,
        Route::MeetingSocket(id) => meetings::socket(&ctx, req, id).await,
        Route::SetMeetingOpen(id, open) => meetings::set_open(&ctx, id, open).await,
        Route::CheckIn(id) => meetings::check_in(&ctx, req, id).await,
        Route::Attendance(id) => meetings::attendance(&ctx, id).await,
        Route::Leave(id) => meetings::leave(&ctx, req, id).await,
        Route::SetItem(id, position, open) => meetings::set_item(&ctx, id, position, open).await,
        Route::RequestToSpeak(id) => meetings::request_to_speak(&ctx, id).await,
        Route::UpdateSpeaker(id, speaker) => meetings::update_speaker(&ctx, req, id, speaker).await,
        Route::PutMotion(id) => meetings::put_motion(&ctx, req, id).await,
        Route::CloseMotion(id, vote) => meetings::close_motion(&ctx, id, vote).await,
        Route::PutMinutes(id) => meetings::put_minutes(&ctx, req, id).await,
        Route::PublishMinutes(id) => meetings::publish_minutes(&ctx, id).await,
        Route::ListMatters => matters::list(&ctx).await,
        Route::ProposeMatter => matters::propose(&ctx, req).await,
        Route::MatterBoard => matters::board(&ctx).await,
        Route::GetMatter(id) => matters::get(&ctx, id).await,
        Route::SupportMatter(id) => matters::support(&ctx, id).await,
        Route::CommentMatter(id) => matters::comment(&ctx, req, id).await,
        Route::HideComment(id, comment) => matters::hide_comment(&ctx, req, id, comment).await,
        Route::SummarizeMatter(id) => matters::summarize(&ctx, req, id).await,
        Route::DeclineMatter(id) => matters::decline(&ctx, req, id).await,
        Route::MergeMatter(id) => matters::merge(&ctx, req, id).await,
        Route::MatterBallot(id) => matters::put_to_ballot(&ctx, req, id).await,
        Route::MatterAgenda(id) => matters::put_to_meeting(&ctx, req, id).await,
        Route::MatterDecision(id) => matters::record_decision(&ctx, req, id).await,
        Route::ReconsiderMatter(id) => matters::reconsider(&ctx, id).await,
        Route::MatterOwner(id) => matters::set_owner(&ctx, req, id).await,
        Route::AdoptMatter(id) => matters::adopt(&ctx, id).await,
        Route::AddMilestone(id) => matters::add_milestone(&ctx, req, id).await,
        Route::MilestoneDone(id, position) => matters::milestone_done(&ctx, id, position).await,
        Route::MatterProgress(id) => matters::post_progress(&ctx, req, id).await,
        Route::MatterReady(id) => matters::request_acceptance(&ctx, id).await,
        Route::MatterAcceptance(id) => matters::acceptance(&ctx, req, id).await,
        Route::RateMatter(id) => matters::rate(&ctx, req, id).await,
        Route::MatterSettings(id) => matters::settings(&ctx, id).await,
        Route::PutMatterSettings(id) => matters::put_settings(&ctx, req, id).await,
        Route::UploadPhoto => matters::upload_photo(&ctx, req).await,
        Route::GetPhoto(id) => matters::photo(&ctx, id).await,
        Route::ListCovenants => covenants::list(&ctx).await,
        Route::CreateCovenant => covenants::create(&ctx, req).await,
        Route::GetCovenant(id) => covenants::get(&ctx, id).await,
        Route::EditCovenantDraft(id) => covenants::edit_draft(&ctx, req, id).await,
        Route::CommentCovenant(id) => covenants::comment(&ctx, req, id).await,
        Route::CovenantBallot(id) => covenants::put_to_vote(&ctx, req, id).await,
        Route::CovenantAdoption(id) => covenants::record_adoption(&ctx, id).await,
        Route::AmendCovenant(id) => covenants::amend(&ctx, req, id).await,
        Route::SignCovenant(id) => covenants::sign(&ctx, req, id).await,
        Route::RequestCatalogue => requests::catalogue(&ctx).await,
        Route::PutRequestCategory(id) => requests::put_category(&ctx, req, id).await,
        Route::PutSubcategory(id) => requests::put_subcategory(&ctx, req, id).await,
        Route::PutHandlingUnit(id) => requests::put_unit(&ctx, req, id).await,
        Route::AddUnitMember(id) => requests::add_unit_member(&ctx, req, id).await,
        Route::RemoveUnitMember(id, member) => requests::remove_unit_member(&ctx, id, member).await,
        Route::PutRequestCalendar => requests::put_calendar(&ctx, req).await,
        Route::ExportCatalogue => requests::export_catalogue(&ctx).await,
        Route::ImportCatalogue => requests::import_catalogue(&ctx, req).await,
        Route::SimilarRequests => requests::similar(&ctx).await,
        Route::CreateRequest => requests::create(&ctx, req).await,
        Route::ListRequests => requests::list(&ctx).await,
        Route::RequestFigures => requests::figures(&ctx).await,
        Route::CreateOpen311Key => requests::create_open311_key(&ctx, req).await,
        Route::ListOpen311Keys => requests::list_open311_keys(&ctx).await,
        Route::RevokeOpen311Key(id) => requests::revoke_open311_key(&ctx, id).await,
        Route::GetRequest(id) => requests::get(&ctx, id).await,
        Route::JoinRequest(id) => requests::join(&ctx, id).await,
        Route::ChangeRequest(id) => requests::change(&ctx, req, id).await,
        Route::ConfirmRequest(id) => requests::confirm(&ctx, req, id).await,
        Route::SplitRequest(id) => requests::split(&ctx, req, id).await,
    }
}
