//! Matters: the matter, its supports and timeline (this file), its discussion (`discussion.rs`),
//! milestones (`milestones.rs`), ratings (`ratings.rs`) and photos (`photos.rs`); a community's
//! settings (`settings.rs`); lists of matters and the board's figures (`lists.rs`).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::matters::{EventKind, EventView, MatterLink, SummaryView};
use yishi_core::ids::{EventId, MatterId, MeetingId, MemberId};
use yishi_core::matters::{Category, Decision, Matter, OwnerKind, Step};
use yishi_core::members::{NameDisplay, public_name};
use yishi_core::numbers::RecordNumber;
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{PathColumns, all, first, opt_text, parse_time, path_args, stmt, text, time};
use crate::error::{ApiError, ApiResult};

mod discussion;
mod lists;
mod milestones;
mod ratings;
mod settings;

pub use discussion::*;
pub use lists::*;
pub use milestones::*;
pub use ratings::*;
pub use settings::*;

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
    number: i64,
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
    /// Its short number within the community (议题 #12).
    pub number: RecordNumber,
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
            number: super::requests::stored_number(self.number)?,
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
        "SELECT m.id, m.number, m.title, m.description, m.category, m.micro_wish, m.step, m.threshold, m.proposer_id, \
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

/// The id of the matter with this number among the matters counted with `m` (its community's, or its
/// street's for a matter of the whole street).
pub async fn id_by_number(
    db: &D1Database,
    m: &StoredMatter,
    number: RecordNumber,
) -> ApiResult<Option<MatterId>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
    }
    let row: Option<Row> = first(
        db,
        "SELECT o.id FROM matters o JOIN matters m ON m.id = ?1 \
         WHERE COALESCE(o.community_id, o.street_id) = COALESCE(m.community_id, m.street_id) AND o.number = ?2",
        &[text(m.id.as_str()), JsValue::from(number.get())],
    )
    .await?;
    Ok(row.map(|r| MatterId::from_trusted(&r.id)))
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
             category, micro_wish, step, threshold, proposer_id, created_at, updated_at, number) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'proposed', ?11, ?12, ?13, ?13, \
             (SELECT IFNULL(MAX(number), 0) + 1 FROM matters WHERE COALESCE(community_id, street_id) = COALESCE(?3, ?2)))",
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
