//! Results: the count from the published ballot list, shown when the vote's course allows it, as
//! JSON or a spreadsheet, published as a notice, or read as a matter's or covenant's decision.

use worker::Response;
use yishi_core::DomainError;
use yishi_core::api::votes::{BallotListResponse, VoteResultResponse};
use yishi_core::audit::AuditAction;
use yishi_core::votes::export;
use yishi_core::votes::poll::result_text;

use crate::db::{self, audit, votes::StoredVote};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, query_param};
use crate::routes::common::audit_entry;
use crate::session;

use super::{load, load_managed};
use crate::ballots::tally;

/// `GET /api/v1/votes/{id}/ballots`: the published list, once results are shown.
pub async fn ballots(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    if !vote.course().shows_results(ctx.now) {
        return Err(DomainError::ResultsHidden.into());
    }
    let (ballots, result) = tally(&ctx.db()?, &vote).await?;
    match query_param(&ctx.url, "format").as_deref() {
        Some("csv") => {
            let text = export::ballots_csv(&vote.settings, &ballots);
            return csv_response(&vote, "ballots", text);
        }
        Some("pb") => {
            let text = export::ballots_pb(&vote.settings, &vote.scope_name, &ballots, &result)
                .ok_or(DomainError::Invalid {
                    field: yishi_core::error::Field::Format,
                })?;
            return download(&vote, "ballots.pb", "text/plain", text);
        }
        _ => {}
    }
    json(
        200,
        &BallotListResponse {
            ballots,
            turnout: vote.turnout(),
            result,
        },
    )
}

/// A CSV file to download, named after the vote.
fn csv_response(vote: &StoredVote, what: &str, text: String) -> ApiResult<Response> {
    download(vote, &format!("{what}.csv"), "text/csv", text)
}

/// A UTF-8 text file to download, named after the vote (`{vote}-{name}`).
fn download(vote: &StoredVote, name: &str, media: &str, text: String) -> ApiResult<Response> {
    let mut resp = Response::ok(text)?;
    resp.headers_mut()
        .set("content-type", &format!("{media}; charset=utf-8"))?;
    resp.headers_mut().set(
        "content-disposition",
        &format!("attachment; filename=\"{}-{name}\"", vote.id),
    )?;
    Ok(resp)
}

/// `GET /api/v1/votes/{id}/result` (`?format=csv` for a spreadsheet): the result's figures, the
/// electorate and the result in plain words, once results may be shown.
pub async fn result(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load(ctx, &member.actor, id).await?;
    if !vote.course().shows_results(ctx.now) {
        return Err(DomainError::ResultsHidden.into());
    }
    let db = ctx.db()?;
    let (_, result) = tally(&db, &vote).await?;
    let participated = db::votes::participated(&db, &vote.id).await?;
    let turnout = vote.turnout();
    if query_param(&ctx.url, "format").as_deref() == Some("csv") {
        let text = export::result_csv(&vote.settings, &result, turnout, participated, ctx.lang);
        return csv_response(&vote, "result", text);
    }
    let (title, text) = result_text(
        &vote.settings,
        &result,
        participated,
        turnout.eligible,
        ctx.lang,
    );
    json(
        200,
        &VoteResultResponse {
            title,
            text,
            rows: export::result_rows(&vote.settings, &result, turnout, participated, ctx.lang),
            turnout,
            participated,
            result,
        },
    )
}

/// `POST /api/v1/votes/{id}/notice`: publishes the result of a closed vote on the notice board, for the
/// vote's scope (公示), by someone who may both manage the vote and post there.
pub async fn publish_result(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let vote = load_managed(ctx, &member.actor, id).await?;
    if !vote.course().is_final(ctx.now) {
        return Err(DomainError::VoteNotClosed.into());
    }
    let db = ctx.db()?;
    let (_, result) = tally(&db, &vote).await?;
    let participated = db::votes::participated(&db, &vote.id).await?;
    let (title, body) = result_text(
        &vote.settings,
        &result,
        participated,
        vote.eligible.unwrap_or(0),
        ctx.lang,
    );
    let notice = yishi_core::notices::Notice {
        category: yishi_core::notices::Category::Decision,
        ..yishi_core::notices::publish_notice(
            &member.actor,
            vote.scope.clone(),
            &title,
            &body,
            ctx.new_id(yishi_core::ids::NoticeId::generate)?,
            ctx.now,
        )?
    };
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::VotePublishResult,
        ("vote", vote.id.as_str()),
        &vote.scope,
        serde_json::json!({ "notice": notice.id }),
    )?;
    db::batch(
        &db,
        vec![
            db::notices::insert(&db, &notice)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    let (_, view) = db::notices::get(&db, &notice.id)
        .await?
        .ok_or_else(|| ApiError::internal("notice vanished after insert"))?;
    json(
        201,
        &yishi_core::api::notices::NoticeResponse { notice: view },
    )
}
