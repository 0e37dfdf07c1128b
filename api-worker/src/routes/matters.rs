//! Residents' matters (民事) through the five resident steps. Every change goes through
//! `yishi_core::matters::Matter::apply` (who may, and whether the step allows it) and is written in one
//! batch with its timeline event, guarded against a concurrent change of step.

use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Request, Response};
use yishi_core::api::matters::{
    AcceptanceRequest, AgendaRequest, BallotRequest, BoardResponse, CommentRequest,
    DecisionRequest, DecisionView, EventKind, MatterListResponse, MatterPermissions,
    MatterResponse, MatterSettingsResponse, MatterSummary, MatterView, MergeRequest,
    MilestoneRequest, OwnerRequest, OwnerView, PhotoResponse, PhotoView, ProgressRequest,
    ProgressView, ProposeRequest, RatingRequest, ReasonRequest, SummaryRequest,
};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{CommentId, CommunityId, EventId, MatterId, MeetingId, NoticeId, PhotoId};
use yishi_core::matters::{
    self as rules, Category, Decision, MatterSettings, Move, OwnerKind, Step, clean_line,
    clean_text,
};
use yishi_core::members::{Actor, public_name};
use yishi_core::policy::{self, Action, Target, authorize};
use yishi_core::territory::{ScopeKind, ScopeRef};
use yishi_core::votes::tally::Method;
use yishi_core::{DomainError, Lang};

use crate::db::matters::{Column, StoredMatter};
use crate::db::members::LoadedMember;
use crate::db::{self, audit};
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json, next_cursor, page_params, query_param, read_json};
use crate::session;

use super::common::audit_entry;

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Matter,
    }
}

/// A matter the actor may read; for anyone else it does not exist.
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<StoredMatter> {
    let id = MatterId::parse(id).ok_or(not_found())?;
    let m = db::matters::get(&ctx.db()?, &id)
        .await?
        .ok_or(not_found())?;
    if rules::can_read(actor, &m.rules.scope) {
        Ok(m)
    } else {
        Err(not_found().into())
    }
}

/// Whether `mv` would be allowed now (for the buttons the app shows).
fn allowed(ctx: &Ctx, actor: &Actor, m: &StoredMatter, mv: Move) -> bool {
    m.rules.may(actor, mv, ctx.now).is_ok()
}

/// The step `mv` by `actor` takes the matter to, through the one gate.
fn next_step(ctx: &Ctx, actor: &Actor, m: &StoredMatter, mv: Move) -> ApiResult<Step> {
    Ok(m.rules.clone().apply(actor, mv, ctx.now)?.step)
}

async fn view(ctx: &Ctx, actor: &Actor, m: StoredMatter) -> ApiResult<MatterView> {
    let db = ctx.db()?;
    // A ballot deciding the matter opens when its time comes, for whoever looks first.
    if let (Step::Deciding, Some(vote)) = (m.rules.step, &m.vote)
        && let Some(stored) = db::votes::get(&db, vote).await?
    {
        super::votes::open_if_due(ctx, stored).await?;
    }
    let my_support = db::matters::has_support(&db, &m.id, &actor.member).await?;
    let comments = db::matters::comments(&db, &m.id).await?;
    let (timeline, progress) = db::matters::events(&db, &m.id).await?;
    let milestones = db::matters::milestones(&db, &m.id).await?;
    let (ratings, rating_comments, my_rating) =
        db::matters::ratings(&db, &m.id, &actor.member).await?;
    let (photos, update_photos) = db::matters::photos_of(&db, &m.id).await?;
    let merged_from = db::matters::merged_from(&db, &m.id).await?;
    let may = MatterPermissions {
        support: !my_support && allowed(ctx, actor, &m, Move::Support),
        comment: allowed(ctx, actor, &m, Move::Comment),
        facilitate: allowed(ctx, actor, &m, Move::Moderate),
        manage: rules::who_may(actor, &m.rules, Move::Decline).is_ok(),
        adopt: allowed(ctx, actor, &m, Move::Adopt),
        post_progress: allowed(ctx, actor, &m, Move::PostProgress),
        accept: allowed(ctx, actor, &m, Move::Accept),
        rate: my_rating.is_none() && allowed(ctx, actor, &m, Move::Rate),
    };
    let decision = (m.vote.is_some() || m.meeting.is_some()).then(|| DecisionView {
        vote: m.vote.clone(),
        meeting: m.meeting.as_ref().map(|(id, _, _)| id.clone()),
        meeting_title: m.meeting.as_ref().map(|(_, title, _)| title.clone()),
        outcome: m.decision,
        notice: m.decision_notice.clone(),
        publication: m.rules.publication,
    });
    Ok(MatterView {
        id: m.id,
        title: m.title,
        description: m.description,
        category: m.category,
        step: m.rules.step,
        micro_wish: m.rules.micro_wish,
        scope: m.rules.scope.to_ref(),
        scope_name: m.scope_name,
        proposer_name: m.proposer_name,
        proposed_at: m.created_at,
        supports: m.rules.supports,
        threshold: m.rules.threshold,
        my_support,
        photos,
        merged_into: m.merged_into,
        merged_from,
        decline_reason: m.decline_reason,
        summary: m.summary,
        comments,
        decision,
        owner: m.owner.map(|(kind, name, member_name)| OwnerView {
            kind,
            name,
            member_name,
        }),
        milestones,
        progress: progress
            .into_iter()
            .map(|(id, body, by_name, at)| ProgressView {
                photos: update_photos
                    .iter()
                    .filter(|(e, _)| *e == id)
                    .map(|(_, p)| p.clone())
                    .collect(),
                id,
                body,
                by_name,
                at,
            })
            .collect(),
        evaluation_ends_at: m.rules.evaluation_ends_at,
        ratings,
        rating_comments,
        my_rating,
        timeline,
        may,
    })
}

async fn respond(ctx: &Ctx, actor: &Actor, id: &MatterId, status: u16) -> ApiResult<Response> {
    let m = load(ctx, actor, id.as_str()).await?;
    json(
        status,
        &MatterResponse {
            matter: view(ctx, actor, m).await?,
        },
    )
}

/// Runs the batch of a change; a concurrent change of step fails it whole, and says so.
async fn commit(db: &D1Database, statements: Vec<D1PreparedStatement>) -> ApiResult<Vec<usize>> {
    db::batch_guarded(
        db,
        statements,
        "matters.step",
        None,
        DomainError::MatterChanged,
    )
    .await
}

fn event(
    ctx: &Ctx,
    db: &D1Database,
    m: &MatterId,
    actor: &Actor,
    kind: EventKind,
    note: &str,
) -> ApiResult<D1PreparedStatement> {
    db::matters::event(
        db,
        &ctx.new_id(EventId::generate)?,
        m,
        &actor.member,
        kind,
        note,
        ctx.now,
    )
}

fn audit_of(
    ctx: &Ctx,
    db: &D1Database,
    actor: &Actor,
    action: &str,
    m: &StoredMatter,
    detail: serde_json::Value,
) -> ApiResult<D1PreparedStatement> {
    let entry = audit_entry(
        ctx,
        &actor.member,
        action,
        ("matter", m.id.as_str()),
        &m.rules.scope,
        detail,
    )?;
    audit::insert(db, &entry)
}

/// One step of a matter as one batch — the step with `columns`, its timeline event and, for staff
/// actions, the audit entry — answered with the matter as the actor now sees it.
async fn step(
    ctx: &Ctx,
    actor: &Actor,
    m: &StoredMatter,
    next: Step,
    columns: &[(Column, JsValue)],
    (kind, note): (EventKind, &str),
    audit: Option<(&str, serde_json::Value)>,
) -> ApiResult<Response> {
    let db = ctx.db()?;
    let mut statements = vec![
        db::matters::set_step(&db, &m.id, (m.rules.step, next), columns, ctx.now)?,
        event(ctx, &db, &m.id, actor, kind, note)?,
    ];
    if let Some((action, detail)) = audit {
        statements.push(audit_of(ctx, &db, actor, action, m, detail)?);
    }
    commit(&db, statements).await?;
    respond(ctx, actor, &m.id, 200).await
}

/// Checks that every id is a file the member uploaded and has not attached yet (photos only, with
/// `images_only`).
pub(super) async fn own_photos(
    db: &D1Database,
    ids: &[String],
    actor: &Actor,
    images_only: bool,
) -> ApiResult<Vec<PhotoId>> {
    let photos = rules::photo_ids(ids)?;
    if db::matters::attachable(db, &photos, &actor.member, images_only).await? != photos.len() {
        return Err(DomainError::Invalid {
            field: Field::Photos,
        }
        .into());
    }
    Ok(photos)
}

// ---- 民提: propose and support ----

/// `POST /api/v1/matters`.
pub async fn propose(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ProposeRequest = read_json(req).await?;
    let db = ctx.db()?;
    let scope = resolve_scope(&db, &body.scope).await?;
    rules::may_propose(&member.actor, &scope)?;
    let title = clean_line(&body.title, Field::Title, rules::TITLE_MAX)?;
    let description = clean_text(
        &body.description,
        Field::Description,
        rules::DESCRIPTION_MAX,
    )?;
    let photos = own_photos(&db, &body.photos, &member.actor, true).await?;
    let community = scope.community_id().cloned().ok_or(DomainError::Invalid {
        field: Field::Scope,
    })?;
    let threshold = db::matters::settings(&db, &community)
        .await?
        .threshold(scope.kind());
    let id = ctx.new_id(MatterId::generate)?;
    let mut statements = vec![
        db::matters::insert(
            &db,
            &db::matters::NewMatter {
                id: &id,
                scope: &scope,
                title: &title,
                description: &description,
                category: body.category,
                micro_wish: body.micro_wish,
                threshold,
                proposer: &member.actor.member,
                now: ctx.now,
            },
        )?,
        db::matters::add_support(&db, &id, &member.actor.member, None, ctx.now)?,
        event(ctx, &db, &id, &member.actor, EventKind::Proposed, "")?,
    ];
    // Her own support may be all it takes.
    if !body.micro_wish && threshold <= 1 {
        statements.push(db::matters::set_step(
            &db,
            &id,
            (Step::Proposed, Step::Deliberating),
            &[],
            ctx.now,
        )?);
        statements.push(event(
            ctx,
            &db,
            &id,
            &member.actor,
            EventKind::ReachedList,
            "",
        )?);
    }
    for photo in &photos {
        statements.push(db::matters::attach_photo(
            &db,
            photo,
            &id,
            None,
            &member.actor.member,
        )?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &id, 201).await
}

async fn resolve_scope(
    db: &D1Database,
    scope: &ScopeRef,
) -> ApiResult<yishi_core::territory::ScopePath> {
    if !yishi_core::ids::is_valid_id(&scope.id) {
        return Err(DomainError::Invalid {
            field: Field::Scope,
        }
        .into());
    }
    Ok(db::territory::resolve(db, scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?)
}

/// `POST /api/v1/matters/{id}/supports`: one support per person; supporting again changes nothing.
pub async fn support(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Support)?;
    let db = ctx.db()?;
    if db::matters::has_support(&db, &m.id, &member.actor.member).await? {
        return respond(ctx, &member.actor, &m.id, 200).await;
    }
    let mut statements = vec![db::matters::add_support(
        &db,
        &m.id,
        &member.actor.member,
        None,
        ctx.now,
    )?];
    if next == m.rules.step {
        statements.push(db::matters::touch(&db, &m.id, ctx.now)?);
    } else {
        statements.push(db::matters::set_step(
            &db,
            &m.id,
            (m.rules.step, next),
            &[],
            ctx.now,
        )?);
        statements.push(event(
            ctx,
            &db,
            &m.id,
            &member.actor,
            EventKind::ReachedList,
            "",
        )?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/decline`: staff decline with a public reason; supporters stay recorded.
pub async fn decline(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ReasonRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Decline)?;
    let reason = rules::reason_required(Some(&body.reason))?;
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &[(Column::DeclineReason, JsValue::from_str(&reason))],
        (EventKind::Declined, &reason),
        Some(("matter.decline", serde_json::json!({ "reason": reason }))),
    )
    .await
}

/// `POST /api/v1/matters/{id}/merge`: the matter is a duplicate of `into`, whose scope must contain
/// its own; its supporters are carried over (once each) and both keep the record.
pub async fn merge(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MergeRequest = read_json(req).await?;
    let dup = load(ctx, &member.actor, id).await?;
    let bad_target = || DomainError::Invalid {
        field: Field::Matter,
    };
    let mut target = load(ctx, &member.actor, &body.into)
        .await
        .map_err(|_| bad_target())?;
    if target.id == dup.id || !target.rules.scope.contains(&dup.rules.scope) {
        return Err(bad_target().into());
    }
    let merged = next_step(ctx, &member.actor, &dup, Move::Merge)?;
    let db = ctx.db()?;
    target.rules.supports += db::matters::new_supporters(&db, &dup.id, &target.id).await?;
    let absorbed = target
        .rules
        .clone()
        .apply(&member.actor, Move::Absorb, ctx.now)
        .map_err(|e| match e {
            DomainError::MatterStep => bad_target(),
            other => other,
        })?
        .step;
    let mut statements = vec![
        db::matters::set_step(
            &db,
            &dup.id,
            (dup.rules.step, merged),
            &[(Column::MergedInto, JsValue::from_str(target.id.as_str()))],
            ctx.now,
        )?,
        db::matters::carry_supports(&db, &dup.id, &target.id, ctx.now)?,
        db::matters::set_step(&db, &target.id, (target.rules.step, absorbed), &[], ctx.now)?,
        event(
            ctx,
            &db,
            &dup.id,
            &member.actor,
            EventKind::MergedInto,
            &target.title,
        )?,
        event(
            ctx,
            &db,
            &target.id,
            &member.actor,
            EventKind::MergedFrom,
            &dup.title,
        )?,
        audit_of(
            ctx,
            &db,
            &member.actor,
            "matter.merge",
            &dup,
            serde_json::json!({ "into": target.id }),
        )?,
    ];
    if absorbed != target.rules.step {
        statements.push(event(
            ctx,
            &db,
            &target.id,
            &member.actor,
            EventKind::ReachedList,
            "",
        )?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &dup.id, 200).await
}

// ---- 民议: discuss ----

/// `POST /api/v1/matters/{id}/comments`.
pub async fn comment(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CommentRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::Comment, ctx.now)?;
    let text = clean_text(&body.body, Field::Comment, rules::COMMENT_MAX)?;
    let parent = body
        .parent
        .as_deref()
        .map(|p| {
            CommentId::parse(p).ok_or(DomainError::Invalid {
                field: Field::Comment,
            })
        })
        .transpose()?;
    let db = ctx.db()?;
    let not_here = || DomainError::Invalid {
        field: Field::Comment,
    };
    // A reply answers a comment of this matter; checked first, so a refused reply writes nothing.
    if let Some(parent) = &parent
        && !db::matters::comments(&db, &m.id)
            .await?
            .iter()
            .any(|c| c.id == *parent)
    {
        return Err(not_here().into());
    }
    commit(
        &db,
        vec![
            db::matters::insert_comment(
                &db,
                &db::matters::NewComment {
                    id: &ctx.new_id(CommentId::generate)?,
                    matter: &m.id,
                    parent: parent.as_ref(),
                    member: &member.actor.member,
                    stance: body.stance,
                    body: &text,
                    now: ctx.now,
                },
            )?,
            db::matters::touch(&db, &m.id, ctx.now)?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/comments/{comment}/hide`: a facilitator hides a comment with a public
/// reason; the comment keeps its place and author, and the record keeps its text.
pub async fn hide_comment(
    ctx: &Ctx,
    req: &mut Request,
    id: &str,
    comment: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ReasonRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::Moderate, ctx.now)?;
    let reason = rules::reason_required(Some(&body.reason))?;
    let missing = DomainError::NotFound {
        entity: Entity::Comment,
    };
    let comment = CommentId::parse(comment).ok_or(missing.clone())?;
    let db = ctx.db()?;
    // Unknown here: 404; hidden already: nothing to write (and nothing to audit).
    let known = db::matters::comments(&db, &m.id)
        .await?
        .into_iter()
        .find(|c| c.id == comment)
        .ok_or(missing)?;
    if known.hidden.is_none() {
        commit(
            &db,
            vec![
                db::matters::hide_comment(
                    &db,
                    &m.id,
                    &comment,
                    &member.actor.member,
                    &reason,
                    ctx.now,
                )?,
                audit_of(
                    ctx,
                    &db,
                    &member.actor,
                    "matter.hide_comment",
                    &m,
                    serde_json::json!({ "comment": comment, "reason": reason }),
                )?,
            ],
        )
        .await?;
    }
    respond(ctx, &member.actor, &m.id, 200).await
}

/// `PUT /api/v1/matters/{id}/summary`: the facilitator's summary of the discussion.
pub async fn summarize(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: SummaryRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Summarize)?;
    let text = clean_text(&body.text, Field::Summary, rules::SUMMARY_MAX)?;
    let columns = [
        (Column::Summary, JsValue::from_str(&text)),
        (
            Column::SummaryBy,
            JsValue::from_str(member.actor.member.as_str()),
        ),
        (Column::SummaryAt, JsValue::from_str(&db::time(ctx.now))),
    ];
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &columns,
        (EventKind::Summarized, ""),
        None,
    )
    .await
}

// ---- 民决: decide ----

/// `POST /api/v1/matters/{id}/ballot`: an online yes/no vote in the matter's scope decides it.
pub async fn put_to_ballot(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: BallotRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::PutToBallot)?;
    if body.settings.method != Method::YesNo {
        return Err(DomainError::Invalid {
            field: Field::Options,
        }
        .into());
    }
    let (vote, mut statements) =
        super::votes::prepare(ctx, &member.actor, &m.rules.scope, body.settings).await?;
    let db = ctx.db()?;
    statements.push(db::matters::set_step(
        &db,
        &m.id,
        (m.rules.step, next),
        &[(Column::VoteId, JsValue::from_str(vote.as_str()))],
        ctx.now,
    )?);
    statements.push(event(
        ctx,
        &db,
        &m.id,
        &member.actor,
        EventKind::PutToBallot,
        "",
    )?);
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/agenda`: the matter becomes the last item of a meeting that has not
/// closed, whose scope contains the matter's, chaired by the caller.
pub async fn put_to_meeting(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: AgendaRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::PutToMeeting)?;
    let db = ctx.db()?;
    let bad = || DomainError::Invalid {
        field: Field::Meeting,
    };
    let meeting_id = MeetingId::parse(&body.meeting).ok_or_else(bad)?;
    let meeting = db::meetings::get(&db, &meeting_id).await?.ok_or_else(bad)?;
    if !meeting.scope.contains(&m.rules.scope) {
        return Err(bad().into());
    }
    authorize(
        &member.actor,
        Action::ManageVotes,
        Target::Scope(&meeting.scope),
    )?;
    if meeting.state == yishi_core::meetings::MeetingState::Closed {
        return Err(DomainError::MeetingClosed.into());
    }
    let items = db::meetings::items(&db, &meeting.id).await?;
    if items.len() >= yishi_core::meetings::ITEMS_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Agenda,
            min: 1,
            max: u32::try_from(yishi_core::meetings::ITEMS_MAX).unwrap_or(u32::MAX),
        }
        .into());
    }
    let position = items.iter().map(|i| i.position + 1).max().unwrap_or(0);
    let title: String = m
        .title
        .chars()
        .take(yishi_core::meetings::ITEM_MAX)
        .collect();
    let statements = vec![
        db::meetings::append_item(&db, &meeting.id, position, &title)?,
        db::matters::set_step(
            &db,
            &m.id,
            (m.rules.step, next),
            &[
                (Column::MeetingId, JsValue::from_str(meeting.id.as_str())),
                (Column::ItemPosition, JsValue::from(position)),
            ],
            ctx.now,
        )?,
        event(
            ctx,
            &db,
            &m.id,
            &member.actor,
            EventKind::PutToMeeting,
            &meeting.settings.title,
        )?,
    ];
    match commit(&db, statements).await {
        Err(e) if db::is_unique_violation(&e, "meeting_items") => {
            return Err(DomainError::MatterChanged.into());
        }
        other => {
            other?;
        }
    }
    if meeting.state == yishi_core::meetings::MeetingState::Open {
        super::meetings::changed(ctx, &meeting.id).await?;
    }
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/decision`: once the ballot (or the meeting's last motion on the item)
/// has closed, records what it decided on the matter and publishes it as a notice for the matter's
/// scope (公示).
pub async fn record_decision(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: DecisionRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    // Who may, and whether the matter is waiting for a decision, before reading the vote.
    m.rules
        .may(&member.actor, Move::Decide(Decision::Adopted), ctx.now)?;
    let db = ctx.db()?;
    let vote_id = match (&m.vote, &m.meeting) {
        (Some(vote), _) => Some(vote.clone()),
        (None, Some((meeting, _, Some(position)))) => {
            db::meetings::last_motion_on(&db, meeting, *position, ctx.now).await?
        }
        _ => None,
    }
    .ok_or(DomainError::DecisionPending)?;
    let (adopted, vote_body) = super::votes::closed_outcome(ctx, &db, &vote_id).await?;
    let decision = if adopted {
        Decision::Adopted
    } else {
        Decision::Rejected
    };
    let next = next_step(ctx, &member.actor, &m, Move::Decide(decision))?;
    let (title, text) = rules::decision_notice(&m.title, decision, &vote_body, Lang::ZhCn);
    let notice = yishi_core::notices::publish_notice(
        &member.actor,
        m.rules.scope.clone(),
        &title,
        &text,
        ctx.new_id(NoticeId::generate)?,
        ctx.now,
    )?
    .with(
        &yishi_core::notices::Publication {
            category: yishi_core::notices::Category::Decision,
            period_days: body.period_days,
            ..yishi_core::notices::Publication::default()
        },
        ctx.now,
    )?;
    let outcome = match decision {
        Decision::Adopted => "adopted",
        Decision::Rejected => "rejected",
    };
    commit(
        &db,
        vec![
            db::notices::insert(&db, &notice)?,
            db::matters::set_step(
                &db,
                &m.id,
                (m.rules.step, next),
                &[
                    (Column::Decision, JsValue::from_str(outcome)),
                    (
                        Column::DecisionNoticeId,
                        JsValue::from_str(notice.id.as_str()),
                    ),
                    (Column::VoteId, JsValue::from_str(vote_id.as_str())),
                ],
                ctx.now,
            )?,
            event(ctx, &db, &m.id, &member.actor, EventKind::Decided, outcome)?,
            audit_of(
                ctx,
                &db,
                &member.actor,
                "matter.decide",
                &m,
                serde_json::json!({ "vote": vote_id, "decision": outcome, "notice": notice.id }),
            )?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, &m.id, 200).await
}

/// `POST /api/v1/matters/{id}/reconsider`: an objection to the published decision was upheld, so the
/// matter goes back to the council's list to be decided again (the old decision stays in the timeline).
pub async fn reconsider(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Reconsider)?;
    let cleared = [
        Column::Decision,
        Column::DecisionNoticeId,
        Column::VoteId,
        Column::MeetingId,
        Column::ItemPosition,
    ]
    .map(|c| (c, JsValue::NULL));
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &cleared,
        (EventKind::Reconsidered, ""),
        Some((
            "matter.reconsider",
            serde_json::json!({ "notice": m.decision_notice }),
        )),
    )
    .await
}

// ---- 民办: carry out ----

/// `PUT /api/v1/matters/{id}/owner`.
pub async fn set_owner(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: OwnerRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::AssignOwner)?;
    let name = clean_line(&body.name, Field::Owner, rules::OWNER_NAME_MAX)?;
    let db = ctx.db()?;
    let owner_member = match body.phone.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(phone) => {
            let phone = yishi_core::auth::normalize_phone(phone)?;
            let found = db::members::credentials_by_phone(&db, &phone)
                .await?
                .filter(|c| c.status == "active")
                .ok_or(DomainError::Invalid {
                    field: Field::Phone,
                })?;
            Some(found.id)
        }
    };
    let columns = [
        (Column::OwnerKind, JsValue::from_str(body.kind.as_str())),
        (Column::OwnerName, JsValue::from_str(&name)),
        (
            Column::OwnerMemberId,
            owner_member
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        ),
    ];
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &columns,
        (EventKind::OwnerNamed, &name),
        Some((
            "matter.owner",
            serde_json::json!({ "kind": body.kind, "name": name, "member": owner_member }),
        )),
    )
    .await
}

/// `POST /api/v1/matters/{id}/adopt`: a neighbour adopts a micro-wish and carries it out herself.
pub async fn adopt(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::Adopt)?;
    let name = volunteer_name(&member);
    let columns = [
        (
            Column::OwnerKind,
            JsValue::from_str(OwnerKind::Volunteer.as_str()),
        ),
        (Column::OwnerName, JsValue::from_str(&name)),
        (
            Column::OwnerMemberId,
            JsValue::from_str(member.actor.member.as_str()),
        ),
    ];
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &columns,
        (EventKind::Adopted, ""),
        None,
    )
    .await
}

fn volunteer_name(member: &LoadedMember) -> String {
    public_name(&member.view.name, member.view.profile.name_display)
}

/// `POST /api/v1/matters/{id}/milestones`.
pub async fn add_milestone(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MilestoneRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::EditMilestones, ctx.now)?;
    let title = clean_line(&body.title, Field::Title, rules::TITLE_MAX)?;
    let due = rules::check_due(body.due_on, ctx.now.date_naive())?;
    let db = ctx.db()?;
    let position = db::matters::milestones(&db, &m.id)
        .await?
        .iter()
        .map(|s| s.position)
        .max()
        .unwrap_or(0)
        + 1;
    let note = format!("{title}（{}）", due.format("%Y-%m-%d"));
    match commit(
        &db,
        vec![
            db::matters::insert_milestone(&db, &m.id, position, &title, due)?,
            db::matters::touch(&db, &m.id, ctx.now)?,
            event(
                ctx,
                &db,
                &m.id,
                &member.actor,
                EventKind::MilestoneAdded,
                &note,
            )?,
        ],
    )
    .await
    {
        Err(e) if db::is_unique_violation(&e, "matter_milestones") => {
            Err(DomainError::MatterChanged.into())
        }
        Err(e) => Err(e),
        Ok(_) => respond(ctx, &member.actor, &m.id, 201).await,
    }
}

/// `POST /api/v1/matters/{id}/milestones/{position}/done`: the owner (or staff) marks a milestone met.
pub async fn milestone_done(ctx: &Ctx, id: &str, position: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::PostProgress, ctx.now)?;
    let db = ctx.db()?;
    let missing = DomainError::NotFound {
        entity: Entity::Milestone,
    };
    let milestone = position.parse::<u32>().ok().ok_or(missing.clone())?;
    let stone = db::matters::milestones(&db, &m.id)
        .await?
        .into_iter()
        .find(|s| s.position == milestone)
        .ok_or(missing)?;
    if stone.done_at.is_none() {
        commit(
            &db,
            vec![
                db::matters::milestone_done(&db, &m.id, milestone, ctx.now)?,
                db::matters::touch(&db, &m.id, ctx.now)?,
                event(
                    ctx,
                    &db,
                    &m.id,
                    &member.actor,
                    EventKind::MilestoneDone,
                    &stone.title,
                )?,
            ],
        )
        .await?;
    }
    respond(ctx, &member.actor, &m.id, 200).await
}

/// `POST /api/v1/matters/{id}/progress`: a progress update with photos, by the owner or staff.
pub async fn post_progress(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ProgressRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    m.rules.may(&member.actor, Move::PostProgress, ctx.now)?;
    let text = clean_text(&body.body, Field::Body, rules::PROGRESS_MAX)?;
    let db = ctx.db()?;
    let photos = own_photos(&db, &body.photos, &member.actor, true).await?;
    let event_id = ctx.new_id(EventId::generate)?;
    let mut statements = vec![
        db::matters::event(
            &db,
            &event_id,
            &m.id,
            &member.actor.member,
            EventKind::Progress,
            &text,
            ctx.now,
        )?,
        db::matters::touch(&db, &m.id, ctx.now)?,
    ];
    for photo in &photos {
        statements.push(db::matters::attach_photo(
            &db,
            photo,
            &m.id,
            Some(&event_id),
            &member.actor.member,
        )?);
    }
    commit(&db, statements).await?;
    respond(ctx, &member.actor, &m.id, 201).await
}

/// `POST /api/v1/matters/{id}/ready`: the owner says the work is done and asks for acceptance.
pub async fn request_acceptance(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    let next = next_step(ctx, &member.actor, &m, Move::RequestAcceptance)?;
    step(
        ctx,
        &member.actor,
        &m,
        next,
        &[],
        (EventKind::AcceptanceRequested, ""),
        None,
    )
    .await
}

/// `POST /api/v1/matters/{id}/acceptance`: residents' representatives accept the work (opening the
/// rating window) or send it back with a reason.
pub async fn acceptance(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: AcceptanceRequest = read_json(req).await?;
    let m = load(ctx, &member.actor, id).await?;
    if body.accept {
        let next = next_step(ctx, &member.actor, &m, Move::Accept)?;
        let community = m
            .rules
            .scope
            .community_id()
            .cloned()
            .ok_or_else(|| ApiError::internal("a matter outside any community"))?;
        let days = db::matters::settings(&ctx.db()?, &community)
            .await?
            .evaluation_days;
        let ends = ctx.now + chrono::Duration::days(i64::from(days));
        step(
            ctx,
            &member.actor,
            &m,
            next,
            &[(Column::EvaluationEndsAt, JsValue::from_str(&db::time(ends)))],
            (EventKind::Accepted, ""),
            None,
        )
        .await
    } else {
        let next = next_step(ctx, &member.actor, &m, Move::RejectAcceptance)?;
        let reason = rules::reason_required(body.reason.as_deref())?;
        step(
            ctx,
            &member.actor,
            &m,
            next,
            &[],
            (EventKind::AcceptanceRejected, &reason),
            None,
        )
        .await
    }
}

// ---- 民评: evaluate ----

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

// ---- reading ----

/// `GET /api/v1/matters/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let m = load(ctx, &member.actor, id).await?;
    json(
        200,
        &MatterResponse {
            matter: view(ctx, &member.actor, m).await?,
        },
    )
}

/// `GET /api/v1/matters?scope_kind=&scope_id=&step=&category=&mine=&cursor=&limit=`.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (cursor, limit) = page_params(&ctx.url)?;
    let db = ctx.db()?;
    let invalid = |field| DomainError::Invalid { field };
    let mut filter = db::matters::Filter::default();
    if let Some(kind) = query_param(&ctx.url, "scope_kind") {
        let kind = ScopeKind::parse(&kind).ok_or(invalid(Field::Scope))?;
        let id = query_param(&ctx.url, "scope_id").ok_or(invalid(Field::Scope))?;
        filter.within = Some(resolve_scope(&db, &ScopeRef { kind, id }).await?);
    }
    if let Some(step) = query_param(&ctx.url, "step") {
        filter.step = Some(Step::parse(&step).ok_or(invalid(Field::Query))?);
    }
    if let Some(category) = query_param(&ctx.url, "category") {
        filter.category = Some(Category::parse(&category).ok_or(invalid(Field::Category))?);
    }
    if let Some(mine) = query_param(&ctx.url, "mine") {
        filter.mine = Some(match mine.as_str() {
            "raised" => db::matters::Mine::Raised,
            "supported" => db::matters::Mine::Supported,
            "vote" => db::matters::Mine::Vote,
            _ => return Err(invalid(Field::Query).into()),
        });
    }
    let audience = rules::audience(&member.actor);
    let (page, more) = db::matters::list(
        &db,
        &audience,
        &member.actor.member,
        &filter,
        cursor.as_ref(),
        limit,
        ctx.now,
    )
    .await?;
    let next_cursor = next_cursor(
        more,
        page.last().map(|(m, _, _)| (m.updated_at, m.id.as_str())),
    );
    let ids: Vec<&MatterId> = page.iter().map(|(m, _, _)| &m.id).collect();
    let ratings = db::matters::ratings_of(&db, &ids).await?;
    let matters = page
        .iter()
        .filter(|(m, _, _)| rules::can_read(&member.actor, &m.rules.scope))
        .map(|(m, my_support, needs_my_vote)| MatterSummary {
            id: m.id.clone(),
            title: m.title.clone(),
            category: m.category,
            step: m.rules.step,
            micro_wish: m.rules.micro_wish,
            scope_name: m.scope_name.clone(),
            proposer_name: m.proposer_name.clone(),
            proposed_at: m.created_at,
            updated_at: m.updated_at,
            supports: m.rules.supports,
            threshold: m.rules.threshold,
            my_support: *my_support,
            needs_my_vote: *needs_my_vote,
            ratings: ratings
                .iter()
                .find(|(id, _)| *id == m.id)
                .map(|(_, r)| *r)
                .unwrap_or_default(),
        })
        .collect();
    json(
        200,
        &MatterListResponse {
            matters,
            next_cursor,
        },
    )
}

/// The community named by `id` as a scope, readable by the actor (residents and offices of it).
async fn community_scope(
    ctx: &Ctx,
    actor: &Actor,
    id: &str,
) -> ApiResult<(CommunityId, yishi_core::territory::ScopePath, String)> {
    let missing = || super::common::place_not_found();
    let db = ctx.db()?;
    let scope = resolve_scope(
        &db,
        &ScopeRef {
            kind: ScopeKind::Community,
            id: id.to_owned(),
        },
    )
    .await
    .map_err(|_| missing())?;
    let visible = policy::can_read_notice(actor, &scope)
        || actor.residence().is_some_and(|p| scope.contains(&p.unit));
    if !visible {
        return Err(missing().into());
    }
    let community = CommunityId::from_trusted(id);
    let name = db::matters::community_name(&db, &community)
        .await?
        .ok_or_else(missing)?;
    Ok((community, scope, name))
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

/// `GET /api/v1/communities/{id}/matter-settings`.
pub async fn settings(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (community, _, _) = community_scope(ctx, &member.actor, id).await?;
    let settings = db::matters::settings(&ctx.db()?, &community).await?;
    json(200, &MatterSettingsResponse { settings })
}

/// `PUT /api/v1/communities/{id}/matter-settings`: staff of the community.
pub async fn put_settings(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: MatterSettingsResponse = read_json(req).await?;
    let (community, scope, _) = community_scope(ctx, &member.actor, id).await?;
    authorize(&member.actor, Action::ManageMatters, Target::Scope(&scope))?;
    let settings: MatterSettings = body.settings.validate()?;
    let db = ctx.db()?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        "matter.settings",
        ("community", community.as_str()),
        &scope,
        serde_json::to_value(settings)?,
    )?;
    db::batch(
        &db,
        vec![
            db::matters::put_settings(&db, &community, &settings, &member.actor.member, ctx.now)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    json(200, &MatterSettingsResponse { settings })
}

// ---- photos ----

fn bucket(ctx: &Ctx) -> ApiResult<worker::Bucket> {
    Ok(ctx.env.bucket("PHOTOS")?)
}

/// `POST /api/v1/photos`: the body is a JPEG, PNG or WebP image or a PDF document of at most 5 MB,
/// recognised by its bytes. Residents and offices may upload; the file is theirs until attached to a
/// matter (images only) or a notice.
pub async fn upload_photo(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    if member.actor.residence().is_none()
        && member.actor.grants.is_empty()
        && db::requests::units_of(&ctx.db()?, &member.actor.member)
            .await?
            .is_empty()
    {
        return Err(DomainError::Forbidden.into());
    }
    let too_large = DomainError::PayloadTooLarge {
        max_bytes: rules::PHOTO_MAX_BYTES,
    };
    let declared = req
        .headers()
        .get("content-length")?
        .and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|l| l > rules::PHOTO_MAX_BYTES) {
        return Err(too_large.into());
    }
    let bytes = req.bytes().await?;
    if bytes.len() > rules::PHOTO_MAX_BYTES {
        return Err(too_large.into());
    }
    let content_type = rules::file_type(&bytes)?;
    let id = ctx.new_id(PhotoId::generate)?;
    let size = bytes.len();
    bucket(ctx)?
        .put(id.as_str(), bytes)
        .http_metadata(worker::HttpMetadata {
            content_type: Some(content_type.to_owned()),
            ..Default::default()
        })
        .execute()
        .await?;
    let db = ctx.db()?;
    db::batch(
        &db,
        vec![db::matters::insert_photo(
            &db,
            &id,
            &member.actor.member,
            content_type,
            size,
            ctx.now,
        )?],
    )
    .await?;
    json(
        201,
        &PhotoResponse {
            photo: PhotoView {
                id,
                content_type: content_type.to_owned(),
                bytes: u32::try_from(size).unwrap_or(u32::MAX),
            },
        },
    )
}

/// `GET /api/v1/photos/{id}`: to those who may read its matter, notice or request, or, before it is attached, to its
/// uploader. Served with its recognised type, never sniffed, in a sandbox.
pub async fn photo(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let missing = || DomainError::NotFound {
        entity: Entity::Photo,
    };
    let id = PhotoId::parse(id).ok_or_else(missing)?;
    let db = ctx.db()?;
    let row = db::matters::photo(&db, &id).await?.ok_or_else(missing)?;
    let visible = match (&row.matter_id, &row.notice_id, &row.request_id) {
        (Some(matter), _, _) => load(ctx, &member.actor, matter).await.is_ok(),
        (None, Some(notice), _) => super::notices::readable(ctx, &member.actor, notice)
            .await
            .is_ok(),
        (None, None, Some(request)) => super::requests::load(ctx, &member, request).await.is_ok(),
        (None, None, None) => row.uploaded_by == member.actor.member.as_str(),
    };
    if !visible {
        return Err(missing().into());
    }
    let object = bucket(ctx)?
        .get(id.as_str())
        .execute()
        .await?
        .ok_or_else(|| ApiError::internal(format!("photo {} missing from the bucket", row.id)))?;
    let bytes = object
        .body()
        .ok_or_else(|| ApiError::internal("photo without a body"))?
        .bytes()
        .await?;
    let mut resp = Response::from_bytes(bytes)?;
    let h = resp.headers_mut();
    h.set("content-type", &row.content_type)?;
    h.set("content-security-policy", "default-src 'none'; sandbox")?;
    if !row.content_type.starts_with("image/") {
        // Documents are downloaded, never shown in the app's origin.
        h.set(
            "content-disposition",
            &format!("attachment; filename=\"{}.pdf\"", row.id),
        )?;
    }
    Ok(resp)
}
