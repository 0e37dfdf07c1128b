//! 民评: residents rate an accepted matter; the red and black board ranks places by participation and
//! satisfaction.

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::matters::{BoardResponse, RatingRequest};
use yishi_core::error::Field;
use yishi_core::matters::{self as rules, Move, clean_text};

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, json, query_param, read_json};
use crate::session;

use super::settings::community_scope;
use super::{commit, load, respond};

/// `POST /api/v1/matters/{id}/ratings`: once per resident, during the window.
pub async fn rate(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: RatingRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::Rate, ctx.now)?;
    let stars = rules::check_stars(body.stars)?;
    let comment = body.comment.trim();
    let comment = if comment.is_empty() {
        String::new()
    } else {
        clean_text(comment, Field::Comment, rules::RATING_COMMENT_MAX)?
    };
    let db = ctx.db()?;
    match commit(
        &db,
        vec![db::matters::insert_rating(
            &db,
            &m.id,
            &member.actor.member,
            stars,
            &comment,
            ctx.now,
        )?],
    )
    .await
    {
        Err(e) if db::is_unique_violation(&e, "matter_ratings") => {
            Err(DomainError::AlreadyRated.into())
        }
        Err(e) => Err(e),
        Ok(_) => respond(ctx, &member.actor, &m.id, 201).await,
    }
}

/// `GET /api/v1/matters/board?community=&days=&level=building|compound`: the red/black board of the
/// community's buildings (or compounds) over the last `days` (365 by default).
pub async fn board(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let id = query_param(&ctx.url, "community").ok_or(DomainError::Required {
        field: Field::Scope,
    })?;
    let days = match query_param(&ctx.url, "days") {
        None => 365,
        Some(d) => d
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=3_650).contains(d))
            .ok_or(DomainError::OutOfRange {
                field: Field::Days,
                min: 1,
                max: 3_650,
            })?,
    };
    let by_compound = match query_param(&ctx.url, "level").as_deref() {
        None | Some("building") => false,
        Some("compound") => true,
        Some(_) => {
            return Err(DomainError::Invalid {
                field: Field::Query,
            }
            .into());
        }
    };
    let (community, _, name) = community_scope(ctx, &member.actor, &id).await?;
    let since = ctx.now - chrono::Duration::days(i64::from(days));
    let buildings = db::matters::board(&ctx.db()?, &community, since).await?;
    let figures = if by_compound {
        let mut compounds: Vec<(String, String)> = Vec::new();
        for (id, name, _) in &buildings {
            if !compounds.iter().any(|(c, _)| c == id) {
                compounds.push((id.clone(), name.clone()));
            }
        }
        compounds
            .iter()
            .map(|(id, name)| {
                let parts: Vec<_> = buildings
                    .iter()
                    .filter(|(c, _, _)| c == id)
                    .map(|(_, _, f)| f.clone())
                    .collect();
                rules::combine(id, name, &parts)
            })
            .collect()
    } else {
        buildings.into_iter().map(|(_, _, f)| f).collect()
    };
    json(
        200,
        &BoardResponse {
            community_name: name,
            since,
            entries: rules::rank_board(figures),
        },
    )
}
