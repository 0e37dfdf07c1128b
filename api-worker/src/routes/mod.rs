//! The routing table and the request pipeline: route → CSRF check → handler → error envelope → headers.

mod audit;
mod auth;
pub(crate) mod common;
mod covenants;
mod health;
mod invites;
mod matters;
mod meetings;
mod members;
mod notices;
pub mod notifications;
mod open311;
mod photos;
mod projects;
mod push;
pub mod requests;
mod territory;
mod test_hooks;
mod votes;

use worker::{Env, Method, Request, Response, console_error};
use yishi_core::DomainError;
use yishi_core::api::endpoint::{self, segments};
use yishi_core::api::routes::Route;
use yishi_core::error::Entity;

use crate::error::ApiResult;
use crate::http::{self, Ctx};

/// The endpoint a request names, or why none: 405 when the path exists with another method.
fn route(method: &Method, segments: &[&str]) -> Result<Route, DomainError> {
    if let Some(route) =
        endpoint::Method::parse(method.as_ref()).and_then(|m| Route::parse(m, segments))
    {
        return Ok(route);
    }
    if endpoint::Method::ALL
        .iter()
        .any(|m| Route::parse(*m, segments).is_some())
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

pub async fn handle(req: Request, env: Env, later: http::Later) -> worker::Result<Response> {
    let lang = http::request_lang(&req);
    if crate::config::test_hooks(&env) {
        return test_hooks::handle(req, env, later).await;
    }
    answer(req, env, later, lang).await
}

async fn answer(
    mut req: Request,
    env: Env,
    later: http::Later,
    lang: yishi_core::Lang,
) -> worker::Result<Response> {
    if let Some(rest) = req.path().strip_prefix(OPEN311_PREFIX).map(str::to_owned) {
        // Open311 clients authenticate with a key in the request, never a cookie: no CSRF to defend.
        let mut resp = match Ctx::new(&req, env, later) {
            Ok(ctx) => open311::serve(&ctx, &mut req, &rest).await?,
            Err(err) => http::error_response(&err, lang)?,
        };
        http::harden(&mut resp, lang)?;
        return Ok(resp);
    }
    let mut resp = match serve(&mut req, env, later).await {
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

async fn serve(req: &mut Request, env: Env, later: http::Later) -> ApiResult<Response> {
    let path = req.path();
    let rest = path
        .strip_prefix(yishi_core::api::PREFIX)
        .and_then(|r| r.strip_prefix('/'))
        .ok_or(DomainError::NotFound {
            entity: Entity::Route,
        })?;
    let route = route(&req.method(), &segments(rest))?;
    let ctx = Ctx::new(req, env, later)?;
    http::check_csrf(req, &ctx.url)?;
    let tells = may_tell(&route);
    use Route as R;
    let answer = match route {
        R::Health(_) => health::get(&ctx).await,
        R::SignIn(_) => auth::sign_in(&ctx, req).await,
        R::ListSessions(_) => auth::list_sessions(&ctx).await,
        R::SignOut(_) => auth::sign_out(&ctx).await,
        R::RevokeSession(e) => auth::revoke_session(&ctx, e.id.as_str()).await,
        R::Me(_) => auth::me(&ctx).await,
        R::ChangePasscode(_) => auth::change_passcode(&ctx, req).await,
        R::UpdateProfile(_) => auth::update_profile(&ctx, req).await,
        R::Join(_) => auth::join(&ctx, req).await,
        R::InvitePlace(e) => auth::invite_place(&ctx, e.code.as_str()).await,
        R::ListNotices(_) => notices::list(&ctx).await,
        R::CreateNotice(_) => notices::create(&ctx, req).await,
        R::GetNotice(e) => notices::get(&ctx, e.id.as_str()).await,
        R::MarkNoticeRead(e) => notices::mark_read(&ctx, req, e.id.as_str()).await,
        R::NoticeReads(e) => notices::reads(&ctx, e.id.as_str()).await,
        R::PublishNotice(e) => notices::publish(&ctx, e.id.as_str()).await,
        R::ObjectToNotice(e) => notices::object(&ctx, req, e.id.as_str()).await,
        R::AnswerObjection(e) => {
            notices::answer(&ctx, req, e.id.as_str(), e.objection.as_str()).await
        }
        R::NoticeFeed(e) => notices::feed(&ctx, e.id.as_str()).await,
        R::ListNotifications(_) => notifications::list(&ctx).await,
        R::UnreadNotifications(_) => notifications::unread(&ctx).await,
        R::ReadNotification(e) => notifications::read(&ctx, e.id.as_str()).await,
        R::ReadAllNotifications(_) => notifications::read_all(&ctx).await,
        R::PushStatus(_) => push::get(&ctx).await,
        R::SubscribePush(_) => push::put(&ctx, req).await,
        R::UnsubscribePush(_) => push::delete(&ctx).await,
        R::Territory(_) => territory::tree(&ctx).await,
        R::PostableScopes(_) => territory::postable(&ctx).await,
        R::ImportTerritory(e) => territory::import(&ctx, req, e.id.as_str()).await,
        R::UnitHouseholds(e) => territory::households(&ctx, e.id.as_str()).await,
        R::AddHouseholdMember(e) => members::add_to_household(&ctx, req, e.id.as_str()).await,
        R::SetRepresentative(e) => members::set_representative(&ctx, req, e.id.as_str()).await,
        R::IssueHouseholdInvite(e) => invites::issue_for_household(&ctx, req, e.id.as_str()).await,
        R::IssueBuildingInvites(e) => invites::issue_for_building(&ctx, req, e.id.as_str()).await,
        R::BuildingInvites(e) => invites::sheet(&ctx, e.id.as_str()).await,
        R::RevokeInvite(e) => invites::revoke(&ctx, e.code.as_str()).await,
        R::CreatePlace(e) => territory::create(&ctx, req, e.kind).await,
        R::UpdatePlace(e) => territory::update(&ctx, req, e.kind, e.id.as_str()).await,
        R::ArchivePlace(e) => territory::archive(&ctx, e.kind, e.id.as_str()).await,
        R::RestorePlace(e) => territory::restore(&ctx, e.kind, e.id.as_str()).await,
        R::ListMembers(_) => members::list(&ctx).await,
        R::GetMember(e) => members::get(&ctx, e.id.as_str()).await,
        R::VerifyMember(e) => members::verify(&ctx, req, e.id.as_str()).await,
        R::GrantRole(e) => members::grant_role(&ctx, req, e.id.as_str()).await,
        R::RevokeRole(e) => members::revoke_role(&ctx, req, e.id.as_str()).await,
        R::ResetPasscode(e) => members::reset_passcode(&ctx, e.id.as_str()).await,
        R::SetBirthYear(e) => members::set_birth_year(&ctx, req, e.id.as_str()).await,
        R::Audit(_) => audit::list(&ctx).await,
        R::CreateVote(_) => votes::create(&ctx, req).await,
        R::ListVotes(_) => votes::list(&ctx).await,
        R::MyBallots(_) => votes::my_ballots(&ctx).await,
        R::GetVote(e) => votes::get(&ctx, e.id.as_str()).await,
        R::CastBallot(e) => votes::cast(&ctx, req, e.id.as_str()).await,
        R::VoteBallots(e) => votes::ballots(&ctx, e.id.as_str()).await,
        R::VoteResult(e) => votes::result(&ctx, e.id.as_str()).await,
        R::VoteVoters(e) => votes::voters(&ctx, e.id.as_str()).await,
        R::CloseVote(e) => votes::close(&ctx, e.id.as_str()).await,
        R::AddProxy(e) => votes::add_proxy(&ctx, req, e.id.as_str()).await,
        R::PaperBallot(e) => votes::paper(&ctx, req, e.id.as_str()).await,
        R::PublishVoteResult(e) => votes::publish_result(&ctx, e.id.as_str()).await,
        R::CreateMeeting(_) => meetings::create(&ctx, req).await,
        R::ListMeetings(_) => meetings::list(&ctx).await,
        R::GetMeeting(e) => meetings::get(&ctx, e.id.as_str()).await,
        R::MeetingCalendar(e) => meetings::calendar::one(&ctx, e.id.as_str()).await,
        R::MeetingsCalendar(e) => meetings::calendar::feed(&ctx, e.id.as_str()).await,
        R::GetMeetingLive(e) => meetings::live(&ctx, e.id.as_str()).await,
        R::MeetingSocket(e) => meetings::socket(&ctx, req, e.id.as_str()).await,
        R::OpenMeeting(e) => meetings::set_open(&ctx, e.id.as_str(), true).await,
        R::CloseMeeting(e) => meetings::set_open(&ctx, e.id.as_str(), false).await,
        R::CheckIn(e) => meetings::check_in(&ctx, req, e.id.as_str()).await,
        R::Attendance(e) => meetings::attendance(&ctx, e.id.as_str()).await,
        R::Leave(e) => meetings::leave(&ctx, req, e.id.as_str()).await,
        R::UndoCheckIn(e) => meetings::undo_check_in(&ctx, e.id.as_str(), &e.member).await,
        R::OpenItem(e) => {
            meetings::set_item(&ctx, e.id.as_str(), &e.position.to_string(), true).await
        }
        R::CloseItem(e) => {
            meetings::set_item(&ctx, e.id.as_str(), &e.position.to_string(), false).await
        }
        R::RequestToSpeak(e) => meetings::request_to_speak(&ctx, e.id.as_str()).await,
        R::UpdateSpeaker(e) => {
            meetings::update_speaker(&ctx, req, e.id.as_str(), e.speaker.as_str()).await
        }
        R::PutMotion(e) => meetings::put_motion(&ctx, req, e.id.as_str()).await,
        R::CloseMotion(e) => meetings::close_motion(&ctx, e.id.as_str(), e.vote.as_str()).await,
        R::PutMinutes(e) => meetings::put_minutes(&ctx, req, e.id.as_str()).await,
        R::PublishMinutes(e) => meetings::publish_minutes(&ctx, e.id.as_str()).await,
        R::ListMatters(_) => matters::list(&ctx).await,
        R::ProposeMatter(_) => matters::propose(&ctx, req).await,
        R::MatterBoard(_) => matters::board(&ctx).await,
        R::GetMatter(e) => matters::get(&ctx, e.id.as_str()).await,
        R::SupportMatter(e) => matters::support(&ctx, e.id.as_str()).await,
        R::CommentMatter(e) => matters::comment(&ctx, req, e.id.as_str()).await,
        R::HideComment(e) => {
            matters::hide_comment(&ctx, req, e.id.as_str(), e.comment.as_str()).await
        }
        R::SummarizeMatter(e) => matters::summarize(&ctx, req, e.id.as_str()).await,
        R::DeclineMatter(e) => matters::decline(&ctx, req, e.id.as_str()).await,
        R::MergeMatter(e) => matters::merge(&ctx, req, e.id.as_str()).await,
        R::MatterBallot(e) => matters::put_to_ballot(&ctx, req, e.id.as_str()).await,
        R::MatterAgenda(e) => matters::put_to_meeting(&ctx, req, e.id.as_str()).await,
        R::MatterDecision(e) => matters::record_decision(&ctx, req, e.id.as_str()).await,
        R::ReconsiderMatter(e) => matters::reconsider(&ctx, e.id.as_str()).await,
        R::MatterOwner(e) => matters::set_owner(&ctx, req, e.id.as_str()).await,
        R::AdoptMatter(e) => matters::adopt(&ctx, e.id.as_str()).await,
        R::AddMilestone(e) => matters::add_milestone(&ctx, req, e.id.as_str()).await,
        R::MilestoneDone(e) => {
            matters::milestone_done(&ctx, e.id.as_str(), &e.position.to_string()).await
        }
        R::MatterProgress(e) => matters::post_progress(&ctx, req, e.id.as_str()).await,
        R::MatterReady(e) => matters::request_acceptance(&ctx, e.id.as_str()).await,
        R::MatterAcceptance(e) => matters::acceptance(&ctx, req, e.id.as_str()).await,
        R::RateMatter(e) => matters::rate(&ctx, req, e.id.as_str()).await,
        R::MatterSettings(e) => matters::settings(&ctx, e.id.as_str()).await,
        R::PutMatterSettings(e) => matters::put_settings(&ctx, req, e.id.as_str()).await,
        R::UploadPhoto(_) => photos::upload_photo(&ctx, req).await,
        R::GetPhoto(e) => photos::photo(&ctx, e.id.as_str()).await,
        R::ListCovenants(_) => covenants::list(&ctx).await,
        R::CreateCovenant(_) => covenants::create(&ctx, req).await,
        R::GetCovenant(e) => covenants::get(&ctx, e.id.as_str()).await,
        R::EditCovenantDraft(e) => covenants::edit_draft(&ctx, req, e.id.as_str()).await,
        R::CommentCovenant(e) => covenants::comment(&ctx, req, e.id.as_str()).await,
        R::CovenantBallot(e) => covenants::put_to_vote(&ctx, req, e.id.as_str()).await,
        R::CovenantAdoption(e) => covenants::record_adoption(&ctx, e.id.as_str()).await,
        R::AmendCovenant(e) => covenants::amend(&ctx, req, e.id.as_str()).await,
        R::SignCovenant(e) => covenants::sign(&ctx, req, e.id.as_str()).await,
        R::ListRounds(_) => projects::list(&ctx).await,
        R::CreateRound(_) => projects::create(&ctx, req).await,
        R::GetRound(e) => projects::get(&ctx, e.id.as_str()).await,
        R::PublicRound(e) => projects::public(&ctx, e.id.as_str()).await,
        R::MoveRoundPhase(e) => projects::move_phase(&ctx, req, e.id.as_str()).await,
        R::PostNeed(e) => projects::post_need(&ctx, req, e.id.as_str()).await,
        R::SupportNeed(e) => projects::support(&ctx, e.id.as_str(), e.need.as_str()).await,
        R::RequestCatalogue(_) => requests::catalogue(&ctx).await,
        R::CreateRequestCategory(_) => requests::put_category(&ctx, req, None).await,
        R::UpdateRequestCategory(e) => requests::put_category(&ctx, req, Some(e.id.as_str())).await,
        R::CreateSubcategory(_) => requests::put_subcategory(&ctx, req, None).await,
        R::UpdateSubcategory(e) => requests::put_subcategory(&ctx, req, Some(e.id.as_str())).await,
        R::CreateHandlingUnit(_) => requests::put_unit(&ctx, req, None).await,
        R::UpdateHandlingUnit(e) => requests::put_unit(&ctx, req, Some(e.id.as_str())).await,
        R::AddUnitMember(e) => requests::add_unit_member(&ctx, req, e.id.as_str()).await,
        R::RemoveUnitMember(e) => {
            requests::remove_unit_member(&ctx, e.id.as_str(), e.member.as_str()).await
        }
        R::PutRequestCalendar(_) => requests::put_calendar(&ctx, req).await,
        R::ExportCatalogue(_) => requests::export_catalogue(&ctx).await,
        R::ImportCatalogue(_) => requests::import_catalogue(&ctx, req).await,
        R::SimilarRequests(_) => requests::similar(&ctx).await,
        R::CreateRequest(_) => requests::create(&ctx, req).await,
        R::ListRequests(_) => requests::list(&ctx).await,
        R::RequestFigures(_) => requests::figures(&ctx).await,
        R::CreateOpen311Key(_) => requests::create_open311_key(&ctx, req).await,
        R::ListOpen311Keys(_) => requests::list_open311_keys(&ctx).await,
        R::RevokeOpen311Key(e) => requests::revoke_open311_key(&ctx, e.id.as_str()).await,
        R::GetRequest(e) => requests::get(&ctx, e.id.as_str()).await,
        R::JoinOpenRequest(e) => requests::join(&ctx, e.id.as_str()).await,
        R::ChangeRequestStatus(e) => requests::change(&ctx, req, e.id.as_str()).await,
        R::ConfirmRequestOutcome(e) => requests::confirm(&ctx, req, e.id.as_str()).await,
        R::SplitRequestOff(e) => requests::split(&ctx, req, e.id.as_str()).await,
    };
    if tells && answer.is_ok() {
        crate::postman::nudge_after(&ctx);
    }
    answer
}

/// Whether a change may have written a notification (for the postman). Reads write none but the
/// opening of a vote that has come due, which the scheduled job's nudge covers; the hot routes of a
/// live meeting, and her own settings, write none.
fn may_tell(route: &Route) -> bool {
    use Route as R;
    route.method() != endpoint::Method::Get
        && !matches!(
            route,
            R::CastBallot(_)
                | R::CheckIn(_)
                | R::Leave(_)
                | R::UndoCheckIn(_)
                | R::RequestToSpeak(_)
                | R::UpdateSpeaker(_)
                | R::MarkNoticeRead(_)
                | R::ReadNotification(_)
                | R::ReadAllNotifications(_)
                | R::SignIn(_)
                | R::SignOut(_)
                | R::RevokeSession(_)
                | R::ChangePasscode(_)
                | R::UpdateProfile(_)
                | R::SubscribePush(_)
                | R::UnsubscribePush(_)
        )
}
