//! Figures of a period, per unit and per category, within the places the reader dispatches; the
//! grouping and the spreadsheet are core's (`yishi_core::requests::report`).

use chrono::{Duration, NaiveDate};
use worker::Response;
use yishi_core::DomainError;
use yishi_core::api::requests::{FigureRow, FiguresResponse};
use yishi_core::error::Field;
use yishi_core::policy::{Action, scopes_for};
use yishi_core::requests::{self as rules, Counted, FigureInput, Group, Status};

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, json, query_param};
use crate::session;

use super::invalid;

fn date_param(ctx: &Ctx, name: &str, field: Field) -> ApiResult<Option<NaiveDate>> {
    query_param(&ctx.url, name)
        .map(|s| s.parse().map_err(|_| invalid(field)))
        .transpose()
}

/// `GET /api/v1/requests/figures?from=&to=` (China dates, both included; the last 30 days by
/// default), `&format=csv` for a spreadsheet: per unit and per category, within the places the reader
/// dispatches.
pub async fn figures(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let scopes = scopes_for(&member.actor, Action::DispatchRequests);
    if scopes.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let to = date_param(ctx, "to", Field::To)?;
    let from = date_param(ctx, "from", Field::From)?;
    let (from, to) = rules::period(rules::china_date(ctx.now), from, to)?;
    let rows = db::requests::figure_rows(
        &ctx.db()?,
        &scopes,
        (
            rules::china_day_start(from),
            rules::china_day_start(to + Duration::days(1)),
        ),
    )
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        items.push(Counted {
            input: FigureInput {
                received_at: db::parse_time(&r.received_at)?,
                deadline: db::parse_time(&r.deadline)?,
                resolved_at: r.resolved_at.as_deref().map(db::parse_time).transpose()?,
                status: Status::parse(&r.status).unwrap_or(Status::Received),
                stars: r.stars.and_then(|s| u8::try_from(s).ok()),
            },
            unit: Group {
                id: r.handler_id,
                name: r.handler_name,
            },
            category: Group {
                id: r.category_id,
                name: r.category_name,
            },
        });
    }
    let report = rules::report(&items, ctx.now);
    if query_param(&ctx.url, "format").as_deref() == Some("csv") {
        let mut resp = Response::ok(rules::report_csv(&report, ctx.lang))?;
        resp.headers_mut()
            .set("content-type", "text/csv; charset=utf-8")?;
        resp.headers_mut().set(
            "content-disposition",
            &format!("attachment; filename=\"request-figures-{from}-{to}.csv\""),
        )?;
        return Ok(resp);
    }
    let rows = |groups: Vec<rules::GroupFigures>| -> Vec<FigureRow> {
        groups
            .into_iter()
            .map(|g| FigureRow {
                id: g.id,
                name: g.name,
                figures: g.figures,
            })
            .collect()
    };
    json(
        200,
        &FiguresResponse {
            from,
            to,
            total: report.total,
            by_unit: rows(report.by_unit),
            by_category: rows(report.by_category),
        },
    )
}
