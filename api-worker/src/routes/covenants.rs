//! Resident covenants (居民公约, 一事一约): drafted with residents' comments clause by clause, adopted by a
//! vote, published as a notice, signed household by household; amended by a new version.

use worker::{D1Database, D1PreparedStatement, Request, Response};
use yishi_core::DomainError;
use yishi_core::api::covenants::{
    ClauseCommentRequest, ClausesRequest, CovenantBallotRequest, CovenantListResponse,
    CovenantResponse, CovenantSummary, CovenantView, CreateCovenantRequest, SignRequest,
    VersionView,
};
use yishi_core::audit::AuditAction;
use yishi_core::covenants::{self as rules, CovenantMove, VersionState};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::{CommentId, CovenantId, HouseholdId, NoticeId};
use yishi_core::members::{Actor, normalize_reason};
use yishi_core::policy::{Action, Target, authorize};
use yishi_core::territory::{PlaceKind, ScopeKind};
use yishi_core::votes::tally::Method;

use crate::db::covenants::{StoredCovenant, VersionChange};
use crate::db::{self, audit};
use crate::error::ApiResult;
use crate::http::{Ctx, json, read_json, search_param};
use crate::session;

use super::common::audit_entry;

fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Covenant,
    }
}

/// A covenant the actor may read (the same audience as matters), with its versions, newest first.
async fn load(ctx: &Ctx, actor: &Actor, id: &str) -> ApiResult<(StoredCovenant, Vec<VersionView>)> {
    let id = CovenantId::parse(id).ok_or(not_found())?;
    let db = ctx.db()?;
    let c = db::covenants::get(&db, &id).await?.ok_or(not_found())?;
    if !yishi_core::matters::can_read(actor, &c.scope) {
        return Err(not_found().into());
    }
    let versions = db::covenants::versions(&db, &c.id).await?;
    Ok((c, versions))
}

fn latest(versions: &[VersionView]) -> ApiResult<&VersionView> {
    versions
        .first()
        .ok_or_else(|| crate::error::ApiError::internal("a covenant without versions"))
}

fn in_force(versions: &[VersionView]) -> Option<&VersionView> {
    versions.iter().find(|v| v.state == VersionState::Adopted)
}

/// Checks who may and whether the latest version allows `mv` (`VersionState::apply`); returns its
/// number, its state and its state after the move.
fn gate(
    actor: &Actor,
    c: &StoredCovenant,
    versions: &[VersionView],
    mv: CovenantMove,
) -> ApiResult<(u32, VersionState, VersionState)> {
    let v = latest(versions)?;
    Ok((v.number, v.state, v.state.apply(actor, &c.scope, mv)?))
}

/// Runs the batch of a change; a version moved meanwhile, or a version number or adoption taken
/// meanwhile, fails it whole and says so.
async fn commit(db: &D1Database, statements: Vec<D1PreparedStatement>) -> ApiResult<Vec<usize>> {
    db::batch_guarded(
        db,
        statements,
        "covenant_versions.state",
        Some("covenant_versions"),
        DomainError::MatterChanged,
    )
    .await
}

async fn respond(ctx: &Ctx, actor: &Actor, id: &str, status: u16) -> ApiResult<Response> {
    let (c, versions) = load(ctx, actor, id).await?;
    let db = ctx.db()?;
    let force = in_force(&versions).map(|v| v.number);
    let coverage = match force {
        Some(n) => db::covenants::coverage(&db, &c.id, n, &c.scope).await?,
        None => Vec::new(),
    };
    let household = actor.residence().map(|p| p.household.clone());
    let my_signature = match (force, &household) {
        (Some(n), Some(h)) => db::covenants::signature_of(&db, &c.id, n, h).await?,
        _ => None,
    };
    let latest_state = latest(&versions)?.state;
    let covenant = CovenantView {
        may_manage: rules::who_may(actor, &c.scope, CovenantMove::Amend).is_ok(),
        may_comment: latest_state
            .may(actor, &c.scope, CovenantMove::Comment)
            .is_ok(),
        may_sign: my_signature.is_none()
            && in_force(&versions)
                .is_some_and(|v| v.state.may(actor, &c.scope, CovenantMove::Sign).is_ok()),
        id: c.id,
        number: c.number,
        title: c.title,
        scope: c.scope.to_ref(),
        scope_name: c.scope_name,
        versions,
        in_force: force,
        coverage,
        my_signature,
    };
    json(status, &CovenantResponse { covenant })
}

/// `POST /api/v1/covenants`: staff (or a building head for her building) draft a covenant.
pub async fn create(ctx: &Ctx, req: &mut Request) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CreateCovenantRequest = read_json(req).await?;
    let db = ctx.db()?;
    if !yishi_core::ids::is_valid_id(&body.scope.id) || body.scope.kind == ScopeKind::Street {
        return Err(DomainError::Invalid {
            field: Field::Scope,
        }
        .into());
    }
    let scope = db::territory::resolve(&db, &body.scope)
        .await?
        .ok_or(DomainError::Invalid {
            field: Field::Scope,
        })?;
    rules::who_may(&member.actor, &scope, CovenantMove::Amend)?;
    let title = yishi_core::matters::clean_line(&body.title, Field::Title, rules::TITLE_MAX)?;
    let clauses = rules::clean_clauses(&body.clauses)?;
    let id = ctx.new_id(CovenantId::generate)?;
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::CovenantCreate,
        ("covenant", id.as_str()),
        &scope,
        serde_json::json!({ "title": title }),
    )?;
    db::batch(
        &db,
        vec![
            db::covenants::insert(&db, &id, &scope, &title, &member.actor.member, ctx.now)?,
            db::covenants::insert_version(&db, &id, 1, &clauses, &member.actor.member, ctx.now)?,
            audit::insert(&db, &entry)?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, id.as_str(), 201).await
}

/// `GET /api/v1/covenants?q=`: `q` finds one by its number (`2`, `#2`, `C-2`, `公约2`) or by words of
/// its title or clauses.
pub async fn list(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let query = search_param(&ctx.url)?;
    let audience = yishi_core::matters::audience(&member.actor);
    let search = db::Search::of(yishi_core::numbers::RecordKind::Covenant, query.as_deref());
    let covenants = db::covenants::list(&ctx.db()?, &audience, &search)
        .await?
        .into_iter()
        .filter(|(c, _, _)| yishi_core::matters::can_read(&member.actor, &c.scope))
        .map(|(c, latest, in_force)| CovenantSummary {
            id: c.id,
            number: c.number,
            title: c.title,
            scope_name: c.scope_name,
            latest,
            in_force,
        })
        .collect();
    json(200, &CovenantListResponse { covenants })
}

/// `GET /api/v1/covenants/{id}`.
pub async fn get(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    respond(ctx, &member.actor, id, 200).await
}

/// `PUT /api/v1/covenants/{id}/draft`: the clauses of the version being drafted.
pub async fn edit_draft(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ClausesRequest = read_json(req).await?;
    let (c, versions) = load(ctx, &member.actor, id).await?;
    let (number, from, _) = gate(&member.actor, &c, &versions, CovenantMove::EditDraft)?;
    let clauses = rules::clean_clauses(&body.clauses)?;
    let db = ctx.db()?;
    commit(
        &db,
        vec![
            db::covenants::set_state(
                &db,
                &c.id,
                number,
                (from, VersionState::Drafting),
                &VersionChange {
                    clauses: Some(&clauses),
                    vote: None,
                    notice: None,
                    adopted_at: None,
                },
            )?,
            db::covenants::touch(&db, &c.id, ctx.now)?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/covenants/{id}/comments`: a resident of the scope comments on a clause of the draft.
pub async fn comment(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ClauseCommentRequest = read_json(req).await?;
    let (c, versions) = load(ctx, &member.actor, id).await?;
    let (number, _, _) = gate(&member.actor, &c, &versions, CovenantMove::Comment)?;
    let clauses = latest(&versions)?.clauses.len();
    if body.clause == 0 || body.clause as usize > clauses {
        return Err(DomainError::OutOfRange {
            field: Field::Clause,
            min: 1,
            max: u32::try_from(clauses).unwrap_or(u32::MAX),
        }
        .into());
    }
    let text = yishi_core::matters::clean_text(
        &body.body,
        Field::Comment,
        yishi_core::matters::COMMENT_MAX,
    )?;
    let db = ctx.db()?;
    commit(
        &db,
        vec![
            db::covenants::insert_comment(
                &db,
                &db::covenants::NewComment {
                    id: ctx.new_id(CommentId::generate)?.as_str(),
                    covenant: &c.id,
                    number,
                    clause: body.clause,
                    member: &member.actor.member,
                    body: &text,
                    now: ctx.now,
                },
            )?,
            db::covenants::touch(&db, &c.id, ctx.now)?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, id, 201).await
}

/// `POST /api/v1/covenants/{id}/ballot`: the draft is put to a yes/no vote in the covenant's scope.
pub async fn put_to_vote(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: CovenantBallotRequest = read_json(req).await?;
    let (c, versions) = load(ctx, &member.actor, id).await?;
    let (number, from, to) = gate(&member.actor, &c, &versions, CovenantMove::PutToVote)?;
    if body.settings.method != Method::YesNo {
        return Err(DomainError::Invalid {
            field: Field::Options,
        }
        .into());
    }
    let (vote, mut statements) =
        crate::ballots::prepare(ctx, &member.actor, &c.scope, body.settings).await?;
    let db = ctx.db()?;
    statements.push(db::covenants::set_state(
        &db,
        &c.id,
        number,
        (from, to),
        &VersionChange {
            clauses: None,
            vote: Some(&vote),
            notice: None,
            adopted_at: None,
        },
    )?);
    statements.push(db::covenants::touch(&db, &c.id, ctx.now)?);
    commit(&db, statements).await?;
    respond(ctx, &member.actor, id, 201).await
}

/// `POST /api/v1/covenants/{id}/adoption`: once the vote has closed, records its outcome; an adopted
/// version replaces the one in force and is published as a notice (category covenant).
pub async fn record_adoption(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let (c, versions) = load(ctx, &member.actor, id).await?;
    // Who may, and whether a vote is under way, before reading it.
    gate(
        &member.actor,
        &c,
        &versions,
        CovenantMove::RecordOutcome { adopted: true },
    )?;
    let version = latest(&versions)?;
    let vote = version.vote.clone().ok_or(DomainError::DecisionPending)?;
    let db = ctx.db()?;
    let (adopted, _) = crate::ballots::closed_outcome(ctx, &db, &vote).await?;
    let (number, from, to) = gate(
        &member.actor,
        &c,
        &versions,
        CovenantMove::RecordOutcome { adopted },
    )?;
    let mut statements = Vec::new();
    let mut notice_id: Option<NoticeId> = None;
    if adopted {
        let (title, body) = rules::notice_text(&c.title, number, &version.clauses);
        let notice = yishi_core::notices::Notice {
            category: yishi_core::notices::Category::Covenant,
            ..yishi_core::notices::publish_notice(
                &member.actor,
                c.scope.clone(),
                &title,
                &body,
                ctx.new_id(NoticeId::generate)?,
                ctx.now,
            )?
        };
        statements.push(db::notices::insert(&db, &notice)?);
        statements.push(db::covenants::supersede(&db, &c.id)?);
        notice_id = Some(notice.id);
    }
    statements.push(db::covenants::set_state(
        &db,
        &c.id,
        number,
        (from, to),
        &VersionChange {
            clauses: None,
            vote: None,
            notice: notice_id.as_ref(),
            adopted_at: adopted.then_some(ctx.now),
        },
    )?);
    statements.push(db::covenants::touch(&db, &c.id, ctx.now)?);
    let entry = audit_entry(
        ctx,
        &member.actor.member,
        AuditAction::CovenantOutcome,
        ("covenant", c.id.as_str()),
        &c.scope,
        serde_json::json!({ "version": number, "adopted": adopted, "vote": vote }),
    )?;
    statements.push(audit::insert(&db, &entry)?);
    commit(&db, statements).await?;
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/covenants/{id}/versions`: an amendment — a new draft from the latest version's clauses
/// (or those given). The version in force stays in force until the new one is adopted.
pub async fn amend(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: ClausesRequest = read_json(req).await?;
    let (c, versions) = load(ctx, &member.actor, id).await?;
    let (number, _, _) = gate(&member.actor, &c, &versions, CovenantMove::Amend)?;
    let clauses = rules::clean_clauses(&body.clauses)?;
    let db = ctx.db()?;
    commit(
        &db,
        vec![
            db::covenants::insert_version(
                &db,
                &c.id,
                number + 1,
                &clauses,
                &member.actor.member,
                ctx.now,
            )?,
            db::covenants::touch(&db, &c.id, ctx.now)?,
        ],
    )
    .await?;
    respond(ctx, &member.actor, id, 201).await
}

/// `POST /api/v1/covenants/{id}/signatures`: her household signs the version in force (once per
/// household: a second signature from the same household changes nothing), or staff and grid workers
/// record a household's paper signature, with the reason, labelled as such.
pub async fn sign(ctx: &Ctx, req: &mut Request, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: SignRequest = read_json(req).await?;
    let (c, versions) = load(ctx, &member.actor, id).await?;
    let force = in_force(&versions).ok_or(DomainError::NotInForce)?;
    let number = force.number;
    let db = ctx.db()?;
    let (household, paper) = match body.household.as_deref() {
        None => {
            force
                .state
                .may(&member.actor, &c.scope, CovenantMove::Sign)?;
            let household = member
                .actor
                .residence()
                .map(|p| p.household.clone())
                .ok_or(DomainError::NotResident)?;
            (household, None)
        }
        Some(household) => {
            let bad = DomainError::Invalid {
                field: Field::Household,
            };
            let household = HouseholdId::parse(household).ok_or(bad.clone())?;
            let (_, home) = db::territory::place(&db, PlaceKind::Household, household.as_str())
                .await?
                .ok_or(bad.clone())?;
            if !c.scope.contains(&home) {
                return Err(bad.into());
            }
            authorize(&member.actor, Action::ActOnBehalf, Target::Scope(&home))?;
            let reason = normalize_reason(body.reason.as_deref().unwrap_or_default())?;
            (household, Some((home, reason)))
        }
    };
    // Once per household and version: a second signature is answered with the first.
    if db::covenants::signature_of(&db, &c.id, number, &household)
        .await?
        .is_some()
    {
        return respond(ctx, &member.actor, id, 200).await;
    }
    let mut statements = vec![db::covenants::sign(
        &db,
        &c.id,
        number,
        &household,
        paper.is_none().then_some(&member.actor.member),
        paper
            .as_ref()
            .map(|(_, reason)| (&member.actor.member, reason.as_str())),
        ctx.now,
    )?];
    if let Some((home, reason)) = &paper {
        let entry = audit_entry(
            ctx,
            &member.actor.member,
            AuditAction::CovenantPaperSignature,
            ("covenant", c.id.as_str()),
            home,
            serde_json::json!({ "version": number, "household": household, "reason": reason }),
        )?;
        statements.push(audit::insert(&db, &entry)?);
    }
    let changes = commit(&db, statements).await?;
    let status = if changes.first() == Some(&0) {
        200
    } else {
        201
    };
    respond(ctx, &member.actor, id, status).await
}
