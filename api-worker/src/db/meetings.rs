//! Meetings: the meeting, its agenda, attendance and speakers. Its motions are votes (`db::votes`) with
//! a `meeting_id`.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{MeetingId, MemberId, VoteId};
use yishi_core::meetings::{ItemState, MeetingSettings, MeetingState, SpeakerState};
use yishi_core::numbers::RecordNumber;
use yishi_core::policy::NoticeAudience;
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{PathColumns, all, first, opt_text, parse_time, path_args, stmt, text, time};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
struct MeetingRow {
    id: String,
    number: i64,
    settings: String,
    state: String,
    opened_at: Option<String>,
    closed_at: Option<String>,
    checkin_token: String,
    revision: u64,
    minutes: Option<String>,
    minutes_notice_id: Option<String>,
    created_by: String,
    #[serde(flatten)]
    path: PathColumns,
    #[serde(flatten)]
    names: PathNames,
}

/// A stored meeting, parsed.
pub struct StoredMeeting {
    pub id: MeetingId,
    /// Its short number within the community (会议 #3).
    pub number: RecordNumber,
    pub scope: ScopePath,
    pub scope_name: String,
    pub settings: MeetingSettings,
    pub state: MeetingState,
    pub opened_at: Option<chrono::DateTime<chrono::Utc>>,
    pub closed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub checkin_token: String,
    pub revision: u64,
    pub minutes: Option<String>,
    pub minutes_notice: Option<yishi_core::ids::NoticeId>,
    /// Who called it, and chairs it.
    pub called_by: MemberId,
}

impl MeetingRow {
    fn parse(self) -> ApiResult<StoredMeeting> {
        Ok(StoredMeeting {
            id: MeetingId::from_trusted(&self.id),
            number: super::requests::stored_number(self.number)?,
            scope: self.path.to_path()?,
            scope_name: self.names.display(),
            settings: serde_json::from_str(&self.settings)?,
            state: MeetingState::parse(&self.state)
                .ok_or_else(|| ApiError::internal(format!("meeting state {:?}", self.state)))?,
            opened_at: self.opened_at.as_deref().map(parse_time).transpose()?,
            closed_at: self.closed_at.as_deref().map(parse_time).transpose()?,
            checkin_token: self.checkin_token,
            revision: self.revision,
            minutes: self.minutes,
            minutes_notice: self
                .minutes_notice_id
                .as_deref()
                .map(yishi_core::ids::NoticeId::from_trusted),
            called_by: MemberId::from_trusted(&self.created_by),
        })
    }
}

fn select() -> String {
    format!(
        "SELECT m.id, m.number, m.settings, m.state, m.opened_at, m.closed_at, m.checkin_token, m.revision, m.minutes, \
                m.minutes_notice_id, m.created_by, m.street_id, m.community_id, m.compound_id, m.building_id, m.unit_id, {NAME_COLUMNS} \
         FROM meetings m {}",
        name_joins("m")
    )
}

/// The meeting and its agenda items.
pub fn insert(
    db: &D1Database,
    id: &MeetingId,
    scope: &ScopePath,
    settings: &MeetingSettings,
    token: &str,
    by: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    let [street, community, compound, building, unit] = path_args(scope);
    let mut statements = vec![stmt(
        db,
        &format!(
            "INSERT INTO meetings (id, street_id, community_id, compound_id, building_id, unit_id, title, settings, \
                 starts_at, checkin_token, created_by, created_at, number) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, {})",
            super::next_number_sql("meetings", "?2", "?3")
        ),
        &[
            text(id.as_str()),
            street,
            community,
            compound,
            building,
            unit,
            text(&settings.title),
            text(&serde_json::to_string(settings)?),
            text(&time(settings.starts_at)),
            text(token),
            text(by.as_str()),
            text(&time(now)),
        ],
    )?];
    statements.push(stmt(
        db,
        "INSERT INTO meeting_items (meeting_id, position, title) \
         SELECT ?1, key, value FROM json_each(?2)",
        &[
            text(id.as_str()),
            text(&serde_json::to_string(&settings.agenda)?),
        ],
    )?);
    Ok(statements)
}

pub async fn get(db: &D1Database, id: &MeetingId) -> ApiResult<Option<StoredMeeting>> {
    first::<MeetingRow>(
        db,
        &format!("{} WHERE m.id = ?1", select()),
        &[text(id.as_str())],
    )
    .await?
    .map(MeetingRow::parse)
    .transpose()
}

/// The words of meetings: the title; the place, the agenda's items and the minutes once published
/// (migration 0013).
const WORDS: super::Index = super::Index {
    table: "meetings_search",
    columns: &[("title", 10.0), ("body", 1.0)],
};

/// The meetings an audience sees (the same rule as notices and votes), newest first; with a search, the
/// one of that number or those that have the words, best match first.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    search: &super::Search<'_>,
) -> ApiResult<Vec<StoredMeeting>> {
    let mut args: Vec<JsValue> = Vec::new();
    let Some(admitted) = super::audience_sql("m", audience, &mut args) else {
        return Ok(Vec::new());
    };
    let found = search.sql("m", &WORDS, &mut args)?;
    all::<MeetingRow>(
        db,
        &format!(
            "{}{} WHERE {}{} ORDER BY {} LIMIT 100",
            select(),
            found.join,
            admitted,
            found.and(),
            found.order_by("m.starts_at DESC, m.id DESC")
        ),
        &args,
    )
    .await?
    .into_iter()
    .map(MeetingRow::parse)
    .collect()
}

/// The meetings called for the whole community `community` that start from `since` on, soonest first
/// (its public calendar feed).
pub async fn community_calendar(
    db: &D1Database,
    community: &yishi_core::ids::CommunityId,
    since: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<StoredMeeting>> {
    all::<MeetingRow>(
        db,
        &format!(
            "{} WHERE m.community_id = ?1 AND m.compound_id IS NULL AND m.starts_at >= ?2 \
             ORDER BY m.starts_at, m.id LIMIT 200",
            select()
        ),
        &[text(community.as_str()), text(&time(since))],
    )
    .await?
    .into_iter()
    .map(MeetingRow::parse)
    .collect()
}

/// Raises the revision and returns it: part of every batch that changes what the live view shows, so
/// that the revisions number the meeting's changes (the live room's sequence, `yishi_core::live`).
pub fn bump(db: &D1Database, id: &MeetingId) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE meetings SET revision = revision + 1 WHERE id = ?1 RETURNING revision",
        &[text(id.as_str())],
    )
}

/// As [`bump`], only if the statement just before it in the batch changed a row (a check-in of someone
/// already present changes nothing, and is no change of the meeting).
pub fn bump_if_changed(db: &D1Database, id: &MeetingId) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE meetings SET revision = revision + 1 WHERE id = ?1 AND changes() > 0 RETURNING revision",
        &[text(id.as_str())],
    )
}

#[derive(Deserialize)]
struct RevisionRow {
    revision: u64,
}

/// The revision a batch's [`bump`] returned; `None` when it raised nothing.
pub fn bumped(result: &worker::D1Result) -> ApiResult<Option<u64>> {
    Ok(result.results::<RevisionRow>()?.first().map(|r| r.revision))
}

/// The meeting's revision as stored now.
pub async fn revision(db: &D1Database, id: &MeetingId) -> ApiResult<Option<u64>> {
    Ok(first::<RevisionRow>(
        db,
        "SELECT revision FROM meetings WHERE id = ?1",
        &[text(id.as_str())],
    )
    .await?
    .map(|r| r.revision))
}

/// Whether `member` is checked in now.
pub async fn is_present(db: &D1Database, id: &MeetingId, member: &MemberId) -> ApiResult<bool> {
    #[derive(Deserialize)]
    struct Here {
        #[allow(dead_code)]
        here: u8,
    }
    Ok(first::<Here>(
        db,
        "SELECT 1 AS here FROM meeting_attendance WHERE meeting_id = ?1 AND member_id = ?2 AND left_at IS NULL",
        &[text(id.as_str()), text(member.as_str())],
    )
    .await?
    .is_some())
}

/// The members checked in now.
pub async fn present(db: &D1Database, id: &MeetingId) -> ApiResult<Vec<MemberId>> {
    #[derive(Deserialize)]
    struct Here {
        member_id: String,
    }
    Ok(all::<Here>(
        db,
        "SELECT member_id FROM meeting_attendance WHERE meeting_id = ?1 AND left_at IS NULL",
        &[text(id.as_str())],
    )
    .await?
    .into_iter()
    .map(|h| MemberId::from_trusted(&h.member_id))
    .collect())
}

/// Moves the meeting from `from` to `to`, stamping the time; changes nothing if another request moved
/// it first.
pub fn set_state(
    db: &D1Database,
    id: &MeetingId,
    from: MeetingState,
    to: MeetingState,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let column = if to == MeetingState::Open {
        "opened_at"
    } else {
        "closed_at"
    };
    stmt(
        db,
        &format!("UPDATE meetings SET state = ?3, {column} = ?4 WHERE id = ?1 AND state = ?2"),
        &[
            text(id.as_str()),
            text(from.as_str()),
            text(to.as_str()),
            text(&time(now)),
        ],
    )
}

/// At close: the open item is done, and open motions close.
pub fn close_everything(
    db: &D1Database,
    id: &MeetingId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        stmt(
            db,
            "UPDATE meeting_items SET state = 'done', closed_at = ?2 WHERE meeting_id = ?1 AND state = 'open'",
            &[text(id.as_str()), text(&time(now))],
        )?,
        stmt(
            db,
            "UPDATE votes SET closed_at = ?2 WHERE meeting_id = ?1 AND closed_at IS NULL",
            &[text(id.as_str()), text(&time(now))],
        )?,
        stmt(
            db,
            "UPDATE meeting_speakers SET state = CASE state WHEN 'speaking' THEN 'done' ELSE 'withdrawn' END, ended_at = ?2 \
             WHERE meeting_id = ?1 AND state IN ('waiting', 'speaking')",
            &[text(id.as_str()), text(&time(now))],
        )?,
        stmt(
            db,
            "UPDATE meeting_attendance SET left_at = ?2 WHERE meeting_id = ?1 AND left_at IS NULL",
            &[text(id.as_str()), text(&time(now))],
        )?,
    ])
}

#[derive(Debug, Deserialize)]
pub struct ItemRow {
    pub position: u32,
    pub title: String,
    pub state: String,
}

impl ItemRow {
    pub fn state(&self) -> ItemState {
        ItemState::parse(&self.state).unwrap_or(ItemState::Pending)
    }
}

pub async fn items(db: &D1Database, id: &MeetingId) -> ApiResult<Vec<ItemRow>> {
    all(
        db,
        "SELECT position, title, state FROM meeting_items WHERE meeting_id = ?1 ORDER BY position",
        &[text(id.as_str())],
    )
    .await
}

pub fn set_item(
    db: &D1Database,
    id: &MeetingId,
    position: usize,
    state: ItemState,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let column = if state == ItemState::Open {
        "opened_at"
    } else {
        "closed_at"
    };
    stmt(
        db,
        &format!(
            "UPDATE meeting_items SET state = ?3, {column} = ?4 WHERE meeting_id = ?1 AND position = ?2"
        ),
        &[
            text(id.as_str()),
            JsValue::from(position as f64),
            text(state.as_str()),
            text(&time(now)),
        ],
    )
}

#[derive(Debug, Deserialize)]
pub struct AttendanceRow {
    pub member_id: String,
    pub name: String,
    pub arrived_at: String,
    pub left_at: Option<String>,
    pub reason: Option<String>,
}

/// Everyone who came, in order of arrival.
pub async fn attendance(db: &D1Database, id: &MeetingId) -> ApiResult<Vec<AttendanceRow>> {
    all(
        db,
        "SELECT a.member_id, m.name, a.arrived_at, a.left_at, a.reason \
         FROM meeting_attendance a JOIN members m ON m.id = a.member_id \
         WHERE a.meeting_id = ?1 ORDER BY a.arrived_at, a.member_id",
        &[text(id.as_str())],
    )
    .await
}

/// She is present (again): a new row, or her departure cleared.
pub fn check_in(
    db: &D1Database,
    id: &MeetingId,
    member: &MemberId,
    on_behalf: Option<(&MemberId, &str)>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO meeting_attendance (meeting_id, member_id, arrived_at, recorded_by, reason) \
         VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (meeting_id, member_id) DO UPDATE SET left_at = NULL WHERE left_at IS NOT NULL",
        &[
            text(id.as_str()),
            text(member.as_str()),
            text(&time(now)),
            opt_text(on_behalf.map(|(by, _)| by.as_str())),
            opt_text(on_behalf.map(|(_, reason)| reason)),
        ],
    )
}

pub fn leave(
    db: &D1Database,
    id: &MeetingId,
    member: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE meeting_attendance SET left_at = ?3 WHERE meeting_id = ?1 AND member_id = ?2 AND left_at IS NULL",
        &[text(id.as_str()), text(member.as_str()), text(&time(now))],
    )
}

#[derive(Debug, Deserialize)]
pub struct RosterRow {
    pub id: String,
    pub name: String,
    pub building_id: Option<String>,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub flat: Option<String>,
}

/// The names of `members`, with where they live, in the order of the register: building by building,
/// flat by flat, those who live elsewhere last.
pub async fn roster(db: &D1Database, members: &[&str]) -> ApiResult<Vec<RosterRow>> {
    all(
        db,
        "SELECT m.id, m.name, b.id AS building_id, b.name AS building, u.name AS unit, h.name AS flat \
         FROM members m LEFT JOIN households h ON h.id = m.household_id \
           LEFT JOIN units u ON u.id = h.unit_id LEFT JOIN buildings b ON b.id = u.building_id \
         WHERE m.id IN (SELECT value FROM json_each(?1)) \
         ORDER BY b.id IS NULL, length(b.name), b.name, length(u.name), u.name, length(h.name), h.name, m.name, m.id",
        &[text(&serde_json::to_string(members)?)],
    )
    .await
}

/// Takes back a check-in made by mistake, as if it had never been made: the row that arrived at
/// `arrived_at`, only if no motion of the meeting was put since (guarded here too, so a motion put
/// meanwhile keeps her).
pub fn undo_check_in(
    db: &D1Database,
    id: &MeetingId,
    member: &MemberId,
    arrived_at: &str,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "DELETE FROM meeting_attendance WHERE meeting_id = ?1 AND member_id = ?2 AND arrived_at = ?3 \
           AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.meeting_id = ?1 AND v.created_at >= ?3)",
        &[text(id.as_str()), text(member.as_str()), text(arrived_at)],
    )
}

#[derive(Debug, Deserialize)]
pub struct SpeakerRow {
    pub id: String,
    pub member_id: String,
    pub name: String,
    pub name_display: String,
    pub state: String,
    pub item_position: Option<u32>,
    pub started_at: Option<String>,
    pub seconds: Option<u32>,
}

impl SpeakerRow {
    pub fn state(&self) -> SpeakerState {
        SpeakerState::parse(&self.state).unwrap_or(SpeakerState::Withdrawn)
    }
}

/// Every request to speak, in order.
pub async fn speakers(db: &D1Database, id: &MeetingId) -> ApiResult<Vec<SpeakerRow>> {
    all(
        db,
        "SELECT s.id, s.member_id, m.name, m.name_display, s.state, s.item_position, s.started_at, s.seconds \
         FROM meeting_speakers s JOIN members m ON m.id = s.member_id \
         WHERE s.meeting_id = ?1 ORDER BY s.requested_at, s.id",
        &[text(id.as_str())],
    )
    .await
}

pub fn request_to_speak(
    db: &D1Database,
    id: &MeetingId,
    speaker: &str,
    member: &MemberId,
    item: Option<u32>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO meeting_speakers (id, meeting_id, member_id, item_position, state, requested_at) \
         VALUES (?1, ?2, ?3, ?4, 'waiting', ?5)",
        &[
            text(speaker),
            text(id.as_str()),
            text(member.as_str()),
            item.map_or(JsValue::NULL, |i| JsValue::from(f64::from(i))),
            text(&time(now)),
        ],
    )
}

/// Moves a request from `from` to `to` (guarded, so two chairs' taps cannot both apply).
pub fn set_speaker(
    db: &D1Database,
    speaker: &str,
    from: SpeakerState,
    to: SpeakerState,
    seconds: Option<u32>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let column = if to == SpeakerState::Speaking {
        "started_at"
    } else {
        "ended_at"
    };
    stmt(
        db,
        &format!(
            "UPDATE meeting_speakers SET state = ?3, {column} = ?4, seconds = COALESCE(?5, seconds) \
             WHERE id = ?1 AND state = ?2"
        ),
        &[
            text(speaker),
            text(from.as_str()),
            text(to.as_str()),
            text(&time(now)),
            seconds.map_or(JsValue::NULL, |s| JsValue::from(f64::from(s))),
        ],
    )
}

#[derive(Debug, Deserialize)]
pub struct MotionRow {
    pub id: String,
    /// When it was put.
    pub created_at: String,
    pub item_position: Option<u32>,
    pub quorum_override: Option<String>,
}

/// The meeting's motions, oldest first.
pub async fn motions(db: &D1Database, id: &MeetingId) -> ApiResult<Vec<MotionRow>> {
    all(
        db,
        "SELECT id, created_at, item_position, quorum_override FROM votes WHERE meeting_id = ?1 ORDER BY created_at, id",
        &[text(id.as_str())],
    )
    .await
}

/// Appends an item to the meeting's agenda at `position` (the next free one; a concurrent append fails
/// on the key and nothing is written).
pub fn append_item(
    db: &D1Database,
    meeting: &MeetingId,
    position: u32,
    title: &str,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO meeting_items (meeting_id, position, title) VALUES (?1, ?2, ?3)",
        &[text(meeting.as_str()), JsValue::from(position), text(title)],
    )
}

/// The latest closed motion put on an item of the meeting (closed by the chair or by its time).
pub async fn last_motion_on(
    db: &D1Database,
    meeting: &MeetingId,
    position: u32,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Option<VoteId>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT id FROM votes WHERE meeting_id = ?1 AND item_position = ?2 \
           AND (closed_at IS NOT NULL OR closes_at <= ?3) ORDER BY created_at DESC, id DESC LIMIT 1",
        &[
            text(meeting.as_str()),
            JsValue::from(position),
            text(&time(now)),
        ],
    )
    .await?
    .map(|r| VoteId::from_trusted(r.id)))
}

/// Links a new vote to the meeting as a motion on `item`.
pub fn link_motion(
    db: &D1Database,
    vote: &VoteId,
    meeting: &MeetingId,
    item: Option<u32>,
    quorum_override: Option<&str>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE votes SET meeting_id = ?2, item_position = ?3, quorum_override = ?4 WHERE id = ?1",
        &[
            text(vote.as_str()),
            text(meeting.as_str()),
            item.map_or(JsValue::NULL, |i| JsValue::from(f64::from(i))),
            opt_text(quorum_override),
        ],
    )
}

/// Motions whose time ran out without the chair closing them are closed at their time.
pub fn close_expired_motions(
    db: &D1Database,
    meeting: &MeetingId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE votes SET closed_at = closes_at WHERE meeting_id = ?1 AND closed_at IS NULL AND closes_at <= ?2",
        &[text(meeting.as_str()), text(&time(now))],
    )
}

pub fn set_minutes(
    db: &D1Database,
    id: &MeetingId,
    minutes: &str,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE meetings SET minutes = ?2 WHERE id = ?1 AND minutes_notice_id IS NULL",
        &[text(id.as_str()), text(minutes)],
    )
}

pub fn set_minutes_notice(
    db: &D1Database,
    id: &MeetingId,
    notice: &yishi_core::ids::NoticeId,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE meetings SET minutes_notice_id = ?2 WHERE id = ?1 AND minutes_notice_id IS NULL",
        &[text(id.as_str()), text(notice.as_str())],
    )
}
