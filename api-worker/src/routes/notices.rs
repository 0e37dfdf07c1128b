//! The notice board.

use worker::{Request, Response};
use yishi_core::api::PAGE_MAX;
use yishi_core::api::notices::{
    AnswerRequest, CreateNoticeRequest, MarkReadRequest, NoticeListResponse, NoticeReadResponse,
    NoticeReadsResponse, NoticeResponse, NoticeView, ObjectionRequest,
};
use yishi_core::audit::AuditAction;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{AuditId, NoticeId, ObjectionId};
use yishi_core::members::Actor;
use yishi_core::members::normalize_reason;
use yishi_core::notices::{Category, Publication};
use yishi_core::notifications::Notification;
use yishi_core::numbers::RecordKind;
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::territory::ScopePath;
use yishi_core::{DomainError, notices as rules, policy};

use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, next_cursor, page_params, query_param, read_json, search_param};
use crate::session;

use super::common::audit_entry;

/// `GET /api/v1/notices?cursor=&limit=&archive=1&q=&category=&drafts=1`: the notices the member may
/// read, newest first: those in force (pinned ones apart, on the first page), the archive, a search over
/// all, or the drafts and scheduled notices of the places she may post to.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (cursor, limit) = page_params(&ctx.url)?;
    let db = ctx.db()?;
    if query_param(&ctx.url, "drafts").is_some() {
        let within = policy::scopes_for(&member.actor, Action::PostNotice);
        let notices = db::notices::unpublished(&db, &within, ctx.now)
            .await?
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        return json(
            200,
            &NoticeListResponse {
                notices,
                next_cursor: None,
                pinned: Vec::new(),
            },
        );
    }
    let query = search_param(&ctx.url)?;
    let category = query_param(&ctx.url, "category")
        .map(|c| {
            Category::parse(&c).ok_or(DomainError::Invalid {
                field: Field::Category,
            })
        })
        .transpose()?;
    let filter = db::notices::Filter {
        archive: query_param(&ctx.url, "archive").is_some(),
        search: db::Search::of(RecordKind::Notice, query.as_deref()),
        category,
        pinned: false,
    };
    let audience = policy::notice_audience(&member.actor);
    let readable = |page: Vec<(ScopePath, NoticeView)>| -> Vec<NoticeView> {
        page.into_iter()
            .filter(|(scope, _)| policy::can_read_notice(&member.actor, scope))
            .map(|(_, view)| view)
            .collect()
    };
    let (page, more) =
        db::notices::list(&db, &audience, &filter, cursor.as_ref(), limit, ctx.now).await?;
    let next_cursor = next_cursor(
        more,
        page.last().map(|(_, n)| (n.published_at, n.id.as_str())),
    );
    let board = cursor.is_none() && !filter.archive && filter.search.is_anything();
    let pinned = if board {
        let pinned_filter = db::notices::Filter {
            pinned: true,
            ..filter
        };
        readable(
            db::notices::list(&db, &audience, &pinned_filter, None, PAGE_MAX, ctx.now)
                .await?
                .0,
        )
    } else {
        Vec::new()
    };
    json(
        200,
        &NoticeListResponse {
            notices: readable(page),
            next_cursor,
            pinned,
        },
    )
}

/// `GET /api/v1/notices/{id}`: a notice the member may not read does not exist for her. Carries her own
/// read record, if any.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    respond(ctx, &member.actor, id, 200).await
}

/// The notice as the member sees it: her read, the objections and what she may do.
async fn respond(ctx: &Ctx, actor: &Actor, id: &str, status: u16) -> ApiResult<Response> {
    let (id, scope, mut notice) = readable(ctx, actor, id).await?;
    let db = ctx.db()?;
    notice.my_read = db::notices::read_of(&db, &id, &actor.member).await?;
    notice.objections = db::notices::objections(&db, &id).await?;
    notice.attachments = db::photos::notice_files(&db, &id).await?;
    notice.may_object =
        !notice.draft && rules::may_object(actor, &scope, notice.period_ends_at, ctx.now).is_ok();
    notice.may_answer =
        notice.period_ends_at.is_some() && policy::can_post_notice(actor, &scope).is_ok();
    json(status, &NoticeResponse { notice })
}

/// `POST /api/v1/notices`: publishes a notice now; the notice and its audit entry are written together.
pub async fn create(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CreateNoticeRequest = read_json(req).await?;
    let db = ctx.db()?;
    let scope = db::territory::resolve(&db, &body.scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?;
    let notice = rules::publish_notice(
        &member.actor,
        scope,
        &body.title,
        &body.body,
        ctx.new_id(NoticeId::generate)?,
        ctx.now,
    )?
    .with(
        &Publication {
            category: body.category,
            pinned: body.pinned,
            draft: body.draft,
            publish_at: body.publish_at,
            expires_at: body.expires_at,
            period_days: body.period_days,
        },
        ctx.now,
    )?;
    let files = super::photos::own_photos(&db, &body.attachments, &member.actor, false).await?;
    let entry = audit::Entry {
        id: ctx.new_id(AuditId::generate)?,
        at: ctx.now,
        actor: &member.actor.member,
        action: AuditAction::NoticePublish,
        target_kind: "notice",
        target_id: notice.id.as_str(),
        scope: Some(&notice.scope),
        on_behalf: None,
        detail: serde_json::json!({ "title": notice.title, "category": notice.category.as_str(), "draft": notice.draft }),
    };
    let mut statements = vec![
        db::notices::insert(&db, &notice)?,
        audit::insert(&db, &entry)?,
    ];
    for file in &files {
        statements.push(db::photos::attach_to_notice(&db, file, &notice.id)?);
    }
    if !notice.draft {
        let told = Notification::notice_published(&notice.id, &notice.scope, &notice.title)
            .by(&member.actor.member);
        statements.push(super::notifications::told(
            ctx,
            &db,
            &told,
            notice.published_at,
        )?);
    }
    db::batch(&db, statements).await?;
    respond(ctx, &member.actor, notice.id.as_str(), 201).await
}

/// `POST /api/v1/notices/{id}/publish`: publishes a draft now (its period, if any, starts now).
pub async fn publish(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (notice_id, scope, notice) = readable(ctx, &member.actor, id).await?;
    policy::can_post_notice(&member.actor, &scope)?;
    if !notice.draft {
        return respond(ctx, &member.actor, id, 200).await;
    }
    let ends = notice
        .period_ends_at
        .map(|ends| ctx.now + (ends - notice.published_at));
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::NoticePublishDraft,
        ("notice", notice_id.as_str()),
        &scope,
        serde_json::json!({ "title": notice.title }),
    )?;
    let told =
        Notification::notice_published(&notice_id, &scope, &notice.title).by(&member.actor.member);
    db::batch(
        &db,
        vec![
            db::notices::publish_draft(&db, &notice_id, ctx.now, ends)?,
            audit::insert(&db, &entry)?,
            super::notifications::told(ctx, &db, &told, ctx.now)?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/notices/{id}/objections`: a resident objects during the publication period.
pub async fn object(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ObjectionRequest = read_json(req).await?;
    let (notice_id, scope, notice) = readable(ctx, &member.actor, id).await?;
    rules::may_object(&member.actor, &scope, notice.period_ends_at, ctx.now)?;
    let reason = yishi_core::matters::clean_text(
        &body.reason,
        Field::Reason,
        yishi_core::matters::COMMENT_MAX,
    )?;
    let db = ctx.db()?;
    db::batch(
        &db,
        vec![db::notices::insert_objection(
            &db,
            &ctx.new_id(ObjectionId::generate)?,
            &notice_id,
            &member.actor.member,
            &reason,
            ctx.now,
        )?],
    )
    .await?;
    respond(ctx, &member.actor, id, 201).await
}

/// `POST /api/v1/notices/{id}/objections/{objection}/answer`: staff answer an objection publicly, once,
/// saying whether it changes the decision. Answers are due also after the period ends: until every
/// objection is answered, the period cannot complete.
pub async fn answer(
    ctx: &Ctx,
    req: &mut Request,
    id: &str,
    objection: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: AnswerRequest = read_json(req).await?;
    let (notice_id, scope, notice) = readable(ctx, &member.actor, id).await?;
    policy::can_post_notice(&member.actor, &scope)?;
    let text = yishi_core::matters::clean_text(
        &body.answer,
        Field::Answer,
        yishi_core::matters::COMMENT_MAX,
    )?;
    let db = ctx.db()?;
    let known = db::notices::objections(&db, &notice_id)
        .await?
        .into_iter()
        .find(|o| o.id == objection)
        .ok_or(DomainError::NotFound {
            entity: Entity::Objection,
        })?;
    if known.answer.is_some() {
        return Err(DomainError::AlreadyAnswered.into());
    }
    let objector = db::notices::objector(&db, &notice_id, objection)
        .await?
        .ok_or(DomainError::NotFound {
            entity: Entity::Objection,
        })?;
    // She who objected is told, once (a second answer is refused and tells nothing).
    let told = Notification::objection_answered(&notice_id, &objector, &notice.title, objection)
        .by(&member.actor.member);
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::NoticeAnswerObjection,
        ("notice", notice_id.as_str()),
        &scope,
        serde_json::json!({ "objection": objection, "upheld": body.upheld }),
    )?;
    let changes = db::batch(
        &db,
        vec![
            db::notices::answer_objection(
                &db,
                &notice_id,
                objection,
                &text,
                body.upheld,
                &member.actor.member,
                ctx.now,
            )?,
            audit::insert(&db, &entry)?,
            super::notifications::told(ctx, &db, &told, ctx.now)?,
        ],
    )
    .await?;
    if changes.first() == Some(&0) {
        return Err(DomainError::AlreadyAnswered.into());
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `GET /api/v1/communities/{id}/notices.atom`: the community's notices to all its residents as an
/// Atom feed, for anyone (no sign-in): titles, dates and text, linking to the record.
pub async fn feed(ctx: &Ctx, community: &str) -> ApiResult<Response> {
    if !yishi_core::ids::is_valid_id(community) {
        return Err(super::common::place_not_found().into());
    }
    let db = ctx.db()?;
    let name =
        db::matters::community_name(&db, &yishi_core::ids::CommunityId::from_trusted(community))
            .await?
            .ok_or(super::common::place_not_found())?;
    let notices = db::notices::community_feed(&db, community, ctx.now).await?;
    let origin = ctx.url.origin().ascii_serialization();
    let entries: Vec<yishi_core::notices::FeedEntry> = notices
        .iter()
        .map(|n| yishi_core::notices::FeedEntry {
            id: n.id.to_string(),
            title: n.title.clone(),
            text: yishi_core::richtext::plain(&n.body),
            published_at: n.published_at,
            author: n.author_name.clone(),
        })
        .collect();
    let xml = yishi_core::notices::atom_feed(
        &name,
        &origin,
        &format!("{origin}/api/v1/communities/{community}/notices.atom"),
        &entries,
        ctx.now,
    );
    let mut resp = Response::ok(xml)?;
    resp.headers_mut()
        .set("content-type", "application/atom+xml; charset=utf-8")?;
    Ok(resp)
}

fn notice_not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Notice,
    }
}

/// The notice if the member may read it.
pub(super) async fn readable(
    ctx: &Ctx,
    actor: &yishi_core::members::Actor,
    id: &str,
) -> ApiResult<(NoticeId, ScopePath, NoticeView)> {
    let id = NoticeId::parse(id).ok_or(notice_not_found())?;
    let (scope, notice) = db::notices::get(&ctx.db()?, &id)
        .await?
        .ok_or(notice_not_found())?;
    authorize(actor, Action::ReadNotice, Target::Scope(&scope)).map_err(|_| notice_not_found())?;
    // Drafts and notices not yet due exist only for those who may post there.
    let unpublished = notice.draft || notice.published_at > ctx.now;
    if unpublished && policy::can_post_notice(actor, &scope).is_err() {
        return Err(notice_not_found().into());
    }
    Ok((id, scope, notice))
}

/// `POST /api/v1/notices/{id}/reads`: marks the notice read for the member herself, or, with
/// `on_behalf`, for a resident who cannot (代办): a grid worker or staff member covering her home
/// records it with the reason, which is audited and shown with the read.
pub async fn mark_read(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MarkReadRequest = read_json(req).await?;
    let (notice_id, scope, notice) = readable(ctx, &member.actor, id).await?;
    let db = ctx.db()?;
    let (reader, on_behalf) = match &body.on_behalf {
        None => {
            authorize(&member.actor, Action::MarkNoticeRead, Target::Scope(&scope))?;
            (member.actor.member.clone(), None)
        }
        Some(ob) => {
            let reason = normalize_reason(&ob.reason)?;
            let subject =
                db::members::load(&db, &ob.member_id)
                    .await?
                    .ok_or(DomainError::Invalid {
                        field: Field::Member,
                    })?;
            let home = subject.actor.residence().map(|p| p.unit.clone());
            policy::can_act_on_behalf(&member.actor, &subject.actor.member, home.as_ref())?;
            // She must be someone the notice addresses.
            authorize(
                &subject.actor,
                Action::MarkNoticeRead,
                Target::Scope(&scope),
            )
            .map_err(|_| DomainError::Invalid {
                field: Field::Member,
            })?;
            (subject.actor.member.clone(), Some((reason, home)))
        }
    };
    let already = db::notices::read_of(&db, &notice_id, &reader).await?;
    if let Some(read) = already {
        return json(200, &NoticeReadResponse { read });
    }
    let mut statements = vec![db::notices::mark_read(
        &db,
        &notice_id,
        &reader,
        on_behalf
            .as_ref()
            .map(|(reason, _)| (&member.actor.member, reason.as_str())),
        ctx.now,
    )?];
    if let Some((reason, home)) = &on_behalf {
        let entry = audit::Entry {
            id: ctx.new_id(AuditId::generate)?,
            at: ctx.now,
            actor: &member.actor.member,
            action: AuditAction::NoticeReadOnBehalf,
            target_kind: "notice",
            target_id: notice_id.as_str(),
            scope: home.as_ref(),
            on_behalf: Some((&reader, reason.as_str())),
            detail: serde_json::json!({ "title": notice.title }),
        };
        statements.push(audit::insert(&db, &entry)?);
    }
    db::batch(&db, statements).await?;
    let read = db::notices::read_of(&db, &notice_id, &reader)
        .await?
        .ok_or_else(|| ApiError::internal("read vanished after insert"))?;
    json(201, &NoticeReadResponse { read })
}

/// `GET /api/v1/notices/{id}/reads`: reads and unread residents, among those the reader oversees.
pub async fn reads(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (notice_id, scope, _) = readable(ctx, &member.actor, id).await?;
    let within: Vec<ScopePath> = policy::scopes_for(&member.actor, Action::ViewNoticeReads)
        .into_iter()
        .filter(|s| s.contains(&scope) || scope.contains(s))
        .collect();
    if within.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let (reads, unread, addressed, by_building) =
        db::notices::reads_within(&ctx.db()?, &notice_id, &scope, &within).await?;
    json(
        200,
        &NoticeReadsResponse {
            reads,
            unread,
            addressed,
            by_building,
        },
    )
}
