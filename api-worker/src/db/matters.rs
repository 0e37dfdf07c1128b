//! Matters: the matter, its supports, discussion, milestones, timeline, ratings and photos.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::matters::{
    CommentView, EventKind, EventView, HiddenView, MatterLink, MilestoneView, RatingView,
    SummaryView,
};
use yishi_core::ids::{CommentId, CommunityId, EventId, MatterId, MeetingId, MemberId, PhotoId};
use yishi_core::matters::{
    BoardFigures, Category, Decision, Matter, MatterSettings, OwnerKind, RatingSummary, Stance,
    Step,
};
use yishi_core::members::{NameDisplay, public_name};
use yishi_core::policy::NoticeAudience;
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{PathColumns, all, first, opt_text, parse_time, path_args, stmt, text, time};
use crate::error::{ApiError, ApiResult};

/// A member's name as neighbours see it (building heads and residents may show only the family name).
const PUBLIC_NAME: &str = "{m}.name AS {p}_name, {m}.name_display AS {p}_name_display";

fn public_name_columns(alias: &str, prefix: &str) -> String {
    PUBLIC_NAME.replace("{m}", alias).replace("{p}", prefix)
}

fn shown(name: String, display: &str) -> String {
    public_name(&name, NameDisplay::parse(display).unwrap_or_default())
}

#[derive(Debug, Deserialize)]
struct MatterRow {
    id: String,
    title: String,
    description: String,
    category: String,
    micro_wish: u8,
    step: String,
    threshold: u32,
    proposer_id: String,
    proposer_name: String,
    proposer_name_display: String,
    created_at: String,
    updated_at: String,
    merged_into: Option<String>,
    merged_into_title: Option<String>,
    decline_reason: Option<String>,
    summary: Option<String>,
    summary_by_name: Option<String>,
    summary_at: Option<String>,
    vote_id: Option<String>,
    meeting_id: Option<String>,
    meeting_title: Option<String>,
    item_position: Option<u32>,
    decision: Option<String>,
    decision_notice_id: Option<String>,
    owner_kind: Option<String>,
    owner_name: Option<String>,
    owner_member_id: Option<String>,
    owner_member_name: Option<String>,
    evaluation_ends_at: Option<String>,
    decision_period_ends_at: Option<String>,
    decision_open_objections: u32,
    decision_upheld_objections: u32,
    supports: u32,
    #[serde(flatten)]
    path: PathColumns,
    #[serde(flatten)]
    names: PathNames,
}

/// A stored matter, parsed.
pub struct StoredMatter {
    pub id: MatterId,
    pub title: String,
    pub description: String,
    pub category: Category,
    pub scope_name: String,
    pub proposer_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub merged_into: Option<MatterLink>,
    pub decline_reason: Option<String>,
    pub summary: Option<SummaryView>,
    pub vote: Option<yishi_core::ids::VoteId>,
    pub meeting: Option<(MeetingId, String, Option<u32>)>,
    pub decision: Option<Decision>,
    pub decision_notice: Option<yishi_core::ids::NoticeId>,
    pub owner: Option<(OwnerKind, String, Option<String>)>,
    /// What the rules need.
    pub rules: Matter,
}

impl MatterRow {
    fn parse(self) -> ApiResult<StoredMatter> {
        let bad = |what: &str| ApiError::internal(format!("stored matter {}: bad {what}", self.id));
        let step = Step::parse(&self.step).ok_or_else(|| bad("step"))?;
        let category = Category::parse(&self.category).ok_or_else(|| bad("category"))?;
        let summary = match (self.summary, self.summary_at) {
            (Some(text), Some(at)) => Some(SummaryView {
                text,
                by_name: self.summary_by_name.unwrap_or_default(),
                at: parse_time(&at)?,
            }),
            _ => None,
        };
        let owner = match (self.owner_kind.as_deref(), self.owner_name) {
            (Some(kind), Some(name)) => Some((
                OwnerKind::parse(kind).ok_or_else(|| bad("owner"))?,
                name,
                self.owner_member_name,
            )),
            _ => None,
        };
        let publication = match self.decision_period_ends_at.as_deref() {
            None => None,
            Some(ends) => {
                let answers: Vec<Option<bool>> =
                    std::iter::repeat_n(None, self.decision_open_objections as usize)
                        .chain(std::iter::repeat_n(
                            Some(true),
                            self.decision_upheld_objections as usize,
                        ))
                        .collect();
                Some(yishi_core::notices::period_state(
                    parse_time(ends)?,
                    crate::http::now(),
                    &answers,
                ))
            }
        };
        Ok(StoredMatter {
            rules: Matter {
                publication,
                scope: self.path.to_path()?,
                step,
                micro_wish: self.micro_wish != 0,
                proposer: MemberId::from_trusted(&self.proposer_id),
                supports: self.supports,
                threshold: self.threshold,
                owner_member: self.owner_member_id.map(MemberId::from_trusted),
                has_owner: owner.is_some(),
                evaluation_ends_at: self
                    .evaluation_ends_at
                    .as_deref()
                    .map(parse_time)
                    .transpose()?,
            },
            id: MatterId::from_trusted(&self.id),
            title: self.title,
            description: self.description,
            category,
            scope_name: self.names.display(),
            proposer_name: shown(self.proposer_name, &self.proposer_name_display),
            created_at: parse_time(&self.created_at)?,
            updated_at: parse_time(&self.updated_at)?,
            merged_into: self.merged_into.map(|id| MatterLink {
                id: MatterId::from_trusted(id),
                title: self.merged_into_title.unwrap_or_default(),
            }),
            decline_reason: self.decline_reason,
            summary,
            vote: self.vote_id.map(yishi_core::ids::VoteId::from_trusted),
            meeting: self.meeting_id.map(|id| {
                (
                    MeetingId::from_trusted(id),
                    self.meeting_title.unwrap_or_default(),
                    self.item_position,
                )
            }),
            decision: self.decision.as_deref().map(|d| {
                if d == "adopted" {
                    Decision::Adopted
                } else {
                    Decision::Rejected
                }
            }),
            decision_notice: self
                .decision_notice_id
                .map(yishi_core::ids::NoticeId::from_trusted),
            owner,
        })
    }
}

fn select() -> String {
    select_with("")
}

/// [`select`] with `extra` columns (each starting with a comma).
fn select_with(extra: &str) -> String {
    format!(
        "SELECT m.id, m.title, m.description, m.category, m.micro_wish, m.step, m.threshold, m.proposer_id, \
                {proposer}, m.created_at, m.updated_at, m.merged_into, mi.title AS merged_into_title, \
                m.decline_reason, m.summary, sb.name AS summary_by_name, m.summary_at, m.vote_id, m.meeting_id, \
                mt.title AS meeting_title, m.item_position, m.decision, m.decision_notice_id, m.owner_kind, \
                m.owner_name, m.owner_member_id, om.name AS owner_member_name, m.evaluation_ends_at, \
                dn.period_ends_at AS decision_period_ends_at, \
                (SELECT COUNT(*) FROM notice_objections o WHERE o.notice_id = m.decision_notice_id AND o.answered_at IS NULL) AS decision_open_objections, \
                (SELECT COUNT(*) FROM notice_objections o WHERE o.notice_id = m.decision_notice_id AND o.upheld = 1) AS decision_upheld_objections, \
                (SELECT COUNT(*) FROM matter_supports s WHERE s.matter_id = m.id) AS supports, \
                m.street_id, m.community_id, m.compound_id, m.building_id, m.unit_id, {NAME_COLUMNS}{extra} \
         FROM matters m JOIN members p ON p.id = m.proposer_id \
              LEFT JOIN matters mi ON mi.id = m.merged_into \
              LEFT JOIN members sb ON sb.id = m.summary_by \
              LEFT JOIN members om ON om.id = m.owner_member_id \
              LEFT JOIN meetings mt ON mt.id = m.meeting_id \
              LEFT JOIN notices dn ON dn.id = m.decision_notice_id {}",
        name_joins("m"),
        proposer = public_name_columns("p", "proposer"),
    )
}

pub async fn get(db: &D1Database, id: &MatterId) -> ApiResult<Option<StoredMatter>> {
    first::<MatterRow>(
        db,
        &format!("{} WHERE m.id = ?1", select()),
        &[text(id.as_str())],
    )
    .await?
    .map(MatterRow::parse)
    .transpose()
}

/// A new matter, as proposed.
pub struct NewMatter<'a> {
    pub id: &'a MatterId,
    pub scope: &'a ScopePath,
    pub title: &'a str,
    pub description: &'a str,
    pub category: Category,
    pub micro_wish: bool,
    pub threshold: u32,
    pub proposer: &'a MemberId,
    pub now: DateTime<Utc>,
}

pub fn insert(db: &D1Database, m: &NewMatter<'_>) -> ApiResult<D1PreparedStatement> {
    let [street, community, compound, building, unit] = path_args(m.scope);
    stmt(
        db,
        "INSERT INTO matters (id, street_id, community_id, compound_id, building_id, unit_id, title, description, \
             category, micro_wish, step, threshold, proposer_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'proposed', ?11, ?12, ?13, ?13)",
        &[
            text(m.id.as_str()),
            street,
            community,
            compound,
            building,
            unit,
            text(m.title),
            text(m.description),
            text(m.category.as_str()),
            JsValue::from(u8::from(m.micro_wish)),
            JsValue::from(m.threshold),
            text(m.proposer.as_str()),
            text(&time(m.now)),
        ],
    )
}

/// The columns a move may set besides the step (fixed names, never input).
#[derive(Clone, Copy, Debug)]
pub enum Column {
    MergedInto,
    DeclineReason,
    Summary,
    SummaryBy,
    SummaryAt,
    VoteId,
    MeetingId,
    ItemPosition,
    Decision,
    DecisionNoticeId,
    OwnerKind,
    OwnerName,
    OwnerMemberId,
    EvaluationEndsAt,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::MergedInto => "merged_into",
            Column::DeclineReason => "decline_reason",
            Column::Summary => "summary",
            Column::SummaryBy => "summary_by",
            Column::SummaryAt => "summary_at",
            Column::VoteId => "vote_id",
            Column::MeetingId => "meeting_id",
            Column::ItemPosition => "item_position",
            Column::Decision => "decision",
            Column::DecisionNoticeId => "decision_notice_id",
            Column::OwnerKind => "owner_kind",
            Column::OwnerName => "owner_name",
            Column::OwnerMemberId => "owner_member_id",
            Column::EvaluationEndsAt => "evaluation_ends_at",
        }
    }
}

/// Moves the matter from step `from` to `to`, setting `columns`. If another request moved it first, the
/// step would become NULL, which the table refuses: the whole batch then fails and nothing is written
/// (see [`super::batch_guarded`]).
pub fn set_step(
    db: &D1Database,
    id: &MatterId,
    (from, to): (Step, Step),
    columns: &[(Column, JsValue)],
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    let sets: Vec<(&str, JsValue)> = columns.iter().map(|(c, v)| (c.name(), v.clone())).collect();
    super::set_guarded(
        db,
        ("matters", "step"),
        id.as_str(),
        (from.as_str(), to.as_str()),
        &sets,
        now,
    )
}

pub fn add_support(
    db: &D1Database,
    matter: &MatterId,
    member: &MemberId,
    via: Option<&MatterId>,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO matter_supports (matter_id, member_id, supported_at, via_matter_id) VALUES (?1, ?2, ?3, ?4)",
        &[
            text(matter.as_str()),
            text(member.as_str()),
            text(&time(now)),
            opt_text(via.map(MatterId::as_str)),
        ],
    )
}

/// Copies the supporters of `from` to `into` (one support per person: those who supported both count
/// once), naming `from` as where they came from.
pub fn carry_supports(
    db: &D1Database,
    from: &MatterId,
    into: &MatterId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO matter_supports (matter_id, member_id, supported_at, via_matter_id) \
         SELECT ?2, member_id, ?3, ?1 FROM matter_supports WHERE matter_id = ?1",
        &[text(from.as_str()), text(into.as_str()), text(&time(now))],
    )
}

/// The supporters of `from` who have not supported `into` yet.
pub async fn new_supporters(db: &D1Database, from: &MatterId, into: &MatterId) -> ApiResult<u32> {
    #[derive(Deserialize)]
    struct Row {
        n: u32,
    }
    Ok(first::<Row>(
        db,
        "SELECT COUNT(*) AS n FROM matter_supports s WHERE s.matter_id = ?1 \
         AND NOT EXISTS (SELECT 1 FROM matter_supports t WHERE t.matter_id = ?2 AND t.member_id = s.member_id)",
        &[text(from.as_str()), text(into.as_str())],
    )
    .await?
    .map_or(0, |r| r.n))
}

pub async fn has_support(db: &D1Database, matter: &MatterId, member: &MemberId) -> ApiResult<bool> {
    #[derive(Deserialize)]
    struct Row {
        #[allow(dead_code)]
        one: u8,
    }
    Ok(first::<Row>(
        db,
        "SELECT 1 AS one FROM matter_supports WHERE matter_id = ?1 AND member_id = ?2",
        &[text(matter.as_str()), text(member.as_str())],
    )
    .await?
    .is_some())
}

pub fn event(
    db: &D1Database,
    id: &EventId,
    matter: &MatterId,
    actor: &MemberId,
    kind: EventKind,
    note: &str,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_events (id, matter_id, at, actor_id, kind, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &[
            text(id.as_str()),
            text(matter.as_str()),
            text(&time(now)),
            text(actor.as_str()),
            text(kind.as_str()),
            text(note),
        ],
    )
}

/// Raises the matter's `updated_at` (for changes that leave its step alone).
pub fn touch(db: &D1Database, id: &MatterId, now: DateTime<Utc>) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE matters SET updated_at = ?2 WHERE id = ?1",
        &[text(id.as_str()), text(&time(now))],
    )
}

#[derive(Debug, Deserialize)]
struct EventRow {
    id: String,
    kind: String,
    at: String,
    actor_name: String,
    actor_name_display: String,
    note: String,
}

/// The timeline (every event but progress updates, which are listed apart) and the progress updates.
pub async fn events(
    db: &D1Database,
    matter: &MatterId,
) -> ApiResult<(
    Vec<EventView>,
    Vec<(EventId, String, String, DateTime<Utc>)>,
)> {
    let rows: Vec<EventRow> = all(
        db,
        &format!(
            "SELECT e.id, e.kind, e.at, {}, e.note FROM matter_events e JOIN members a ON a.id = e.actor_id \
             WHERE e.matter_id = ?1 ORDER BY e.at, e.rowid",
            public_name_columns("a", "actor")
        ),
        &[text(matter.as_str())],
    )
    .await?;
    let mut timeline = Vec::with_capacity(rows.len());
    let mut progress = Vec::new();
    for r in rows {
        let Some(kind) = EventKind::parse(&r.kind) else {
            return Err(ApiError::internal(format!(
                "stored event kind {:?}",
                r.kind
            )));
        };
        let at = parse_time(&r.at)?;
        let actor_name = shown(r.actor_name, &r.actor_name_display);
        if kind == EventKind::Progress {
            progress.push((
                EventId::from_trusted(r.id),
                r.note.clone(),
                actor_name.clone(),
                at,
            ));
        }
        timeline.push(EventView {
            kind,
            at,
            actor_name,
            note: r.note,
        });
    }
    Ok((timeline, progress))
}

#[derive(Debug, Deserialize)]
struct CommentRow {
    id: String,
    parent_id: Option<String>,
    stance: String,
    body: String,
    author_name: String,
    author_name_display: String,
    created_at: String,
    hidden_reason: Option<String>,
    hidden_by_name: Option<String>,
    hidden_at: Option<String>,
}

pub async fn comments(db: &D1Database, matter: &MatterId) -> ApiResult<Vec<CommentView>> {
    let rows: Vec<CommentRow> = all(
        db,
        &format!(
            "SELECT c.id, c.parent_id, c.stance, c.body, {}, c.created_at, c.hidden_reason, \
                    h.name AS hidden_by_name, c.hidden_at \
             FROM matter_comments c JOIN members a ON a.id = c.member_id LEFT JOIN members h ON h.id = c.hidden_by \
             WHERE c.matter_id = ?1 ORDER BY c.created_at, c.id",
            public_name_columns("a", "author")
        ),
        &[text(matter.as_str())],
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            let hidden = match (r.hidden_reason, r.hidden_at) {
                (Some(reason), Some(at)) => Some(HiddenView {
                    reason,
                    by_name: r.hidden_by_name.unwrap_or_default(),
                    at: parse_time(&at)?,
                }),
                _ => None,
            };
            Ok(CommentView {
                id: CommentId::from_trusted(r.id),
                parent: r.parent_id.map(CommentId::from_trusted),
                stance: Stance::parse(&r.stance)
                    .ok_or_else(|| ApiError::internal("stored stance"))?,
                // A hidden comment's text is not sent; the record keeps it.
                body: if hidden.is_some() {
                    String::new()
                } else {
                    r.body
                },
                author_name: shown(r.author_name, &r.author_name_display),
                at: parse_time(&r.created_at)?,
                hidden,
            })
        })
        .collect()
}

pub struct NewComment<'a> {
    pub id: &'a CommentId,
    pub matter: &'a MatterId,
    pub parent: Option<&'a CommentId>,
    pub member: &'a MemberId,
    pub stance: Stance,
    pub body: &'a str,
    pub now: DateTime<Utc>,
}

/// A comment; a reply's parent must be a comment of the same matter (else nothing is inserted).
pub fn insert_comment(db: &D1Database, c: &NewComment<'_>) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_comments (id, matter_id, parent_id, member_id, stance, body, created_at) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 \
         WHERE ?3 IS NULL OR EXISTS (SELECT 1 FROM matter_comments WHERE id = ?3 AND matter_id = ?2)",
        &[
            text(c.id.as_str()),
            text(c.matter.as_str()),
            opt_text(c.parent.map(CommentId::as_str)),
            text(c.member.as_str()),
            text(c.stance.as_str()),
            text(c.body),
            text(&time(c.now)),
        ],
    )
}

/// Hides a comment of the matter with a public reason, once.
pub fn hide_comment(
    db: &D1Database,
    matter: &MatterId,
    comment: &CommentId,
    by: &MemberId,
    reason: &str,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE matter_comments SET hidden_reason = ?4, hidden_by = ?3, hidden_at = ?5 \
         WHERE id = ?2 AND matter_id = ?1 AND hidden_at IS NULL",
        &[
            text(matter.as_str()),
            text(comment.as_str()),
            text(by.as_str()),
            text(reason),
            text(&time(now)),
        ],
    )
}

#[derive(Debug, Deserialize)]
struct MilestoneRow {
    position: u32,
    title: String,
    due_on: String,
    done_at: Option<String>,
}

pub async fn milestones(db: &D1Database, matter: &MatterId) -> ApiResult<Vec<MilestoneView>> {
    let rows: Vec<MilestoneRow> = all(
        db,
        "SELECT position, title, due_on, done_at FROM matter_milestones WHERE matter_id = ?1 ORDER BY position",
        &[text(matter.as_str())],
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(MilestoneView {
                position: r.position,
                title: r.title,
                due_on: NaiveDate::parse_from_str(&r.due_on, "%Y-%m-%d")
                    .map_err(|e| ApiError::internal(format!("stored due date: {e}")))?,
                done_at: r.done_at.as_deref().map(parse_time).transpose()?,
            })
        })
        .collect()
}

pub fn insert_milestone(
    db: &D1Database,
    matter: &MatterId,
    position: u32,
    title: &str,
    due_on: NaiveDate,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_milestones (matter_id, position, title, due_on) VALUES (?1, ?2, ?3, ?4)",
        &[
            text(matter.as_str()),
            JsValue::from(position),
            text(title),
            text(&due_on.format("%Y-%m-%d").to_string()),
        ],
    )
}

pub fn milestone_done(
    db: &D1Database,
    matter: &MatterId,
    position: u32,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE matter_milestones SET done_at = ?3 WHERE matter_id = ?1 AND position = ?2 AND done_at IS NULL",
        &[
            text(matter.as_str()),
            JsValue::from(position),
            text(&time(now)),
        ],
    )
}

#[derive(Debug, Deserialize)]
struct RatingRow {
    member_id: String,
    stars: u8,
    comment: String,
    author_name: String,
    author_name_display: String,
    rated_at: String,
}

/// The ratings: the summary, those with a comment (newest first), and the reader's own.
pub async fn ratings(
    db: &D1Database,
    matter: &MatterId,
    reader: &MemberId,
) -> ApiResult<(RatingSummary, Vec<RatingView>, Option<RatingView>)> {
    let rows: Vec<RatingRow> = all(
        db,
        &format!(
            "SELECT r.member_id, r.stars, r.comment, {}, r.rated_at FROM matter_ratings r \
             JOIN members a ON a.id = r.member_id WHERE r.matter_id = ?1 ORDER BY r.rated_at DESC",
            public_name_columns("a", "author")
        ),
        &[text(matter.as_str())],
    )
    .await?;
    let summary = RatingSummary::of(rows.iter().map(|r| r.stars));
    let mut comments = Vec::new();
    let mut mine = None;
    for r in rows {
        let is_mine = r.member_id == reader.as_str();
        let view = RatingView {
            stars: r.stars,
            comment: r.comment,
            author_name: shown(r.author_name, &r.author_name_display),
            at: parse_time(&r.rated_at)?,
        };
        if is_mine {
            mine = Some(view.clone());
        }
        if !view.comment.is_empty() {
            comments.push(view);
        }
    }
    Ok((summary, comments, mine))
}

pub fn insert_rating(
    db: &D1Database,
    matter: &MatterId,
    member: &MemberId,
    stars: u8,
    comment: &str,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_ratings (matter_id, member_id, stars, comment, rated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(matter.as_str()),
            text(member.as_str()),
            JsValue::from(stars),
            text(comment),
            text(&time(now)),
        ],
    )
}

/// Matters that were merged into this one.
pub async fn merged_from(db: &D1Database, matter: &MatterId) -> ApiResult<Vec<MatterLink>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        title: String,
    }
    Ok(all::<Row>(
        db,
        "SELECT id, title FROM matters WHERE merged_into = ?1 ORDER BY created_at",
        &[text(matter.as_str())],
    )
    .await?
    .into_iter()
    .map(|r| MatterLink {
        id: MatterId::from_trusted(r.id),
        title: r.title,
    })
    .collect())
}

// ---- settings ----

#[derive(Debug, Deserialize)]
struct SettingsRow {
    building_supports: u32,
    compound_supports: u32,
    community_supports: u32,
    evaluation_days: u32,
}

pub async fn settings(db: &D1Database, community: &CommunityId) -> ApiResult<MatterSettings> {
    Ok(first::<SettingsRow>(
        db,
        "SELECT building_supports, compound_supports, community_supports, evaluation_days \
         FROM matter_settings WHERE community_id = ?1",
        &[text(community.as_str())],
    )
    .await?
    .map_or_else(MatterSettings::default, |r| MatterSettings {
        building_supports: r.building_supports,
        compound_supports: r.compound_supports,
        community_supports: r.community_supports,
        evaluation_days: r.evaluation_days,
    }))
}

pub fn put_settings(
    db: &D1Database,
    community: &CommunityId,
    s: &MatterSettings,
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_settings (community_id, building_supports, compound_supports, community_supports, \
             evaluation_days, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (community_id) DO UPDATE SET building_supports = ?2, compound_supports = ?3, \
             community_supports = ?4, evaluation_days = ?5, updated_by = ?6, updated_at = ?7",
        &[
            text(community.as_str()),
            JsValue::from(s.building_supports),
            JsValue::from(s.compound_supports),
            JsValue::from(s.community_supports),
            JsValue::from(s.evaluation_days),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

pub async fn community_name(db: &D1Database, id: &CommunityId) -> ApiResult<Option<String>> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT name FROM communities WHERE id = ?1",
        &[text(id.as_str())],
    )
    .await?
    .map(|r| r.name))
}

// ---- photos ----

pub fn insert_photo(
    db: &D1Database,
    id: &PhotoId,
    by: &MemberId,
    content_type: &str,
    bytes: usize,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO photos (id, uploaded_by, content_type, bytes, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(id.as_str()),
            text(by.as_str()),
            text(content_type),
            JsValue::from(u32::try_from(bytes).unwrap_or(u32::MAX)),
            text(&time(now)),
        ],
    )
}

#[derive(Debug, Deserialize)]
pub struct PhotoRow {
    pub id: String,
    pub uploaded_by: String,
    pub content_type: String,
    pub matter_id: Option<String>,
    pub notice_id: Option<String>,
    pub request_id: Option<String>,
}

pub async fn photo(db: &D1Database, id: &PhotoId) -> ApiResult<Option<PhotoRow>> {
    first(
        db,
        "SELECT id, uploaded_by, content_type, matter_id, notice_id, request_id FROM photos WHERE id = ?1",
        &[text(id.as_str())],
    )
    .await
}

/// How many of `ids` the member uploaded and has not attached yet (only images, with `images_only`).
pub async fn attachable(
    db: &D1Database,
    ids: &[PhotoId],
    by: &MemberId,
    images_only: bool,
) -> ApiResult<usize> {
    if ids.is_empty() {
        return Ok(0);
    }
    let mut args = vec![text(by.as_str())];
    let marks: Vec<String> = ids
        .iter()
        .map(|id| {
            args.push(text(id.as_str()));
            format!("?{}", args.len())
        })
        .collect();
    #[derive(Deserialize)]
    struct Row {
        n: usize,
    }
    Ok(first::<Row>(
        db,
        &format!(
            "SELECT COUNT(*) AS n FROM photos WHERE uploaded_by = ?1 AND matter_id IS NULL AND notice_id IS NULL \
             AND request_id IS NULL AND id IN ({}){}",
            marks.join(", "),
            if images_only {
                " AND content_type LIKE 'image/%'"
            } else {
                ""
            }
        ),
        &args,
    )
    .await?
    .map_or(0, |r| r.n))
}

/// Attaches one photo to the matter (and to a progress update), if still unattached.
pub fn attach_photo(
    db: &D1Database,
    photo: &PhotoId,
    matter: &MatterId,
    event: Option<&EventId>,
    by: &MemberId,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE photos SET matter_id = ?2, event_id = ?3 \
         WHERE id = ?1 AND uploaded_by = ?4 AND matter_id IS NULL AND notice_id IS NULL",
        &[
            text(photo.as_str()),
            text(matter.as_str()),
            opt_text(event.map(EventId::as_str)),
            text(by.as_str()),
        ],
    )
}

/// Attaches one file to a notice, if still unattached.
pub fn attach_to_notice(
    db: &D1Database,
    photo: &PhotoId,
    notice: &yishi_core::ids::NoticeId,
    by: &MemberId,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE photos SET notice_id = ?2 WHERE id = ?1 AND uploaded_by = ?3 AND matter_id IS NULL AND notice_id IS NULL",
        &[
            text(photo.as_str()),
            text(notice.as_str()),
            text(by.as_str()),
        ],
    )
}

/// A notice's attachments, in the order they were uploaded.
pub async fn notice_files(
    db: &D1Database,
    notice: &yishi_core::ids::NoticeId,
) -> ApiResult<Vec<yishi_core::api::notices::AttachmentView>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        content_type: String,
        bytes: u32,
    }
    Ok(all::<Row>(
        db,
        "SELECT id, content_type, bytes FROM photos WHERE notice_id = ?1 ORDER BY created_at, id",
        &[text(notice.as_str())],
    )
    .await?
    .into_iter()
    .map(|r| yishi_core::api::notices::AttachmentView {
        id: PhotoId::from_trusted(r.id),
        content_type: r.content_type,
        bytes: r.bytes,
    })
    .collect())
}

/// The matter's photos: those of the proposal, and those of each progress update.
pub async fn photos_of(
    db: &D1Database,
    matter: &MatterId,
) -> ApiResult<(Vec<PhotoId>, Vec<(EventId, PhotoId)>)> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        event_id: Option<String>,
    }
    let rows: Vec<Row> = all(
        db,
        "SELECT id, event_id FROM photos WHERE matter_id = ?1 ORDER BY created_at, id",
        &[text(matter.as_str())],
    )
    .await?;
    let mut own = Vec::new();
    let mut updates = Vec::new();
    for r in rows {
        match r.event_id {
            None => own.push(PhotoId::from_trusted(r.id)),
            Some(e) => updates.push((EventId::from_trusted(e), PhotoId::from_trusted(r.id))),
        }
    }
    Ok((own, updates))
}

// ---- lists ----

/// Which matters a list shows.
#[derive(Default)]
pub struct Filter {
    pub within: Option<ScopePath>,
    pub step: Option<Step>,
    pub category: Option<Category>,
    pub mine: Option<Mine>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mine {
    Raised,
    Supported,
    /// Decided by an open online vote in which she still has a vote.
    Vote,
}

/// A page of the matters `audience` admits, most recently changed first, with whether the reader
/// supports each and whether its vote waits for her.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    reader: &MemberId,
    filter: &Filter,
    cursor: Option<&yishi_core::api::Cursor>,
    limit: u32,
    now: DateTime<Utc>,
) -> ApiResult<(Vec<(StoredMatter, bool, bool)>, bool)> {
    let mut args: Vec<JsValue> = vec![text(reader.as_str()), text(&time(now))];
    let Some(admitted) = super::audience_sql("m", audience, &mut args) else {
        return Ok((Vec::new(), false));
    };
    let waiting = "m.vote_id IN (SELECT c.vote_id FROM vote_casters c JOIN votes v ON v.id = c.vote_id \
         WHERE c.member_id = ?1 AND v.closed_at IS NULL AND v.closes_at > ?2 \
         AND NOT EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = c.vote_id AND p.voter_key = c.voter_key))";
    let mut sql = format!(
        "{} WHERE {admitted}",
        select_with(&format!(
            ", EXISTS (SELECT 1 FROM matter_supports ms WHERE ms.matter_id = m.id AND ms.member_id = ?1) AS my_support, \
             {waiting} AS needs_my_vote"
        ))
    );
    if let Some(within) = &filter.within {
        sql.push_str(&format!(
            " AND {}",
            super::scope_within_sql("m", within, &mut args)
        ));
    }
    if let Some(step) = filter.step {
        args.push(text(step.as_str()));
        sql.push_str(&format!(" AND m.step = ?{}", args.len()));
    }
    if let Some(category) = filter.category {
        args.push(text(category.as_str()));
        sql.push_str(&format!(" AND m.category = ?{}", args.len()));
    }
    match filter.mine {
        None => {}
        Some(Mine::Raised) => sql.push_str(" AND m.proposer_id = ?1"),
        Some(Mine::Supported) => sql.push_str(
            " AND EXISTS (SELECT 1 FROM matter_supports ms WHERE ms.matter_id = m.id AND ms.member_id = ?1)",
        ),
        Some(Mine::Vote) => sql.push_str(&format!(" AND {waiting}")),
    }
    super::page_sql(&mut sql, &mut args, ("m.updated_at", "m.id"), cursor, limit);
    #[derive(Deserialize)]
    struct Row {
        #[serde(flatten)]
        matter: MatterRow,
        my_support: u8,
        needs_my_vote: Option<u8>,
    }
    let rows: Vec<Row> = all(db, &sql, &args).await?;
    let (rows, more) = super::take_page(rows, limit);
    let page = rows
        .into_iter()
        .map(|r| {
            Ok((
                r.matter.parse()?,
                r.my_support != 0,
                r.needs_my_vote.unwrap_or(0) != 0,
            ))
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((page, more))
}

/// Ratings of the listed matters, by matter.
pub async fn ratings_of(
    db: &D1Database,
    matters: &[&MatterId],
) -> ApiResult<Vec<(MatterId, RatingSummary)>> {
    if matters.is_empty() {
        return Ok(Vec::new());
    }
    let mut args = Vec::new();
    let marks: Vec<String> = matters
        .iter()
        .map(|id| {
            args.push(text(id.as_str()));
            format!("?{}", args.len())
        })
        .collect();
    #[derive(Deserialize)]
    struct Row {
        matter_id: String,
        stars: u8,
    }
    let rows: Vec<Row> = all(
        db,
        &format!(
            "SELECT matter_id, stars FROM matter_ratings WHERE matter_id IN ({})",
            marks.join(", ")
        ),
        &args,
    )
    .await?;
    Ok(matters
        .iter()
        .map(|id| {
            (
                (*id).clone(),
                RatingSummary::of(
                    rows.iter()
                        .filter(|r| r.matter_id == id.as_str())
                        .map(|r| r.stars),
                ),
            )
        })
        .collect())
}

/// Each building of the community with its compound (id, name): its confirmed residents, those of them
/// who proposed, supported, discussed or rated a matter since `since`, and the stars its residents gave.
pub async fn board(
    db: &D1Database,
    community: &CommunityId,
    since: DateTime<Utc>,
) -> ApiResult<Vec<(String, String, BoardFigures)>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
        compound_id: String,
        compound_name: String,
        residents: u32,
        participants: u32,
        stars: Option<String>,
    }
    let rows: Vec<Row> = all(
        db,
        "WITH res AS ( \
             SELECT m.id AS member_id, b.id AS building_id FROM members m \
             JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id \
             JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id \
             WHERE cp.community_id = ?1 AND m.verification = 'confirmed' AND m.status = 'active'), \
         act AS ( \
             SELECT proposer_id AS member_id FROM matters WHERE created_at >= ?2 \
             UNION SELECT member_id FROM matter_supports WHERE supported_at >= ?2 \
             UNION SELECT member_id FROM matter_comments WHERE created_at >= ?2 \
             UNION SELECT member_id FROM matter_ratings WHERE rated_at >= ?2) \
         SELECT b.id, cp.name || ' ' || b.name AS name, cp.id AS compound_id, cp.name AS compound_name, \
                (SELECT COUNT(*) FROM res WHERE res.building_id = b.id) AS residents, \
                (SELECT COUNT(*) FROM res WHERE res.building_id = b.id AND res.member_id IN (SELECT member_id FROM act)) AS participants, \
                (SELECT group_concat(r.stars) FROM matter_ratings r JOIN res ON res.member_id = r.member_id \
                 WHERE res.building_id = b.id AND r.rated_at >= ?2) AS stars \
         FROM buildings b JOIN compounds cp ON cp.id = b.compound_id \
         WHERE cp.community_id = ?1 AND b.archived_at IS NULL AND cp.archived_at IS NULL \
         ORDER BY cp.name, b.name",
        &[text(community.as_str()), text(&time(since))],
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.compound_id,
                r.compound_name,
                BoardFigures {
                    place: r.id,
                    name: r.name,
                    residents: r.residents,
                    participants: r.participants,
                    ratings: RatingSummary::of(
                        r.stars
                            .unwrap_or_default()
                            .split(',')
                            .filter_map(|s| s.trim().parse::<u8>().ok()),
                    ),
                },
            )
        })
        .collect())
}
