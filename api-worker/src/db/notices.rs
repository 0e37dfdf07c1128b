//! Notices: insert, list for an audience (newest first, cursor-paginated), fetch one.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::Cursor;
use yishi_core::api::members::OnBehalfView;
use yishi_core::api::notices::{
    AnswerView, BuildingReads, NoticeReadView, NoticeView, ObjectionView, UnreadView,
};
use yishi_core::ids::{MemberId, NoticeId, ObjectionId};
use yishi_core::members::{NameDisplay, public_name};
use yishi_core::notices::{Category, Notice, period_state};
use yishi_core::policy::NoticeAudience;
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{
    PathColumns, all, first, opt_text, parse_time, path_args, scope_within_sql, stmt, text, time,
};
use crate::error::ApiResult;

#[derive(Debug, Deserialize)]
struct NoticeRow {
    id: String,
    number: i64,
    title: String,
    body: String,
    published_at: String,
    author_name: String,
    author_name_display: String,
    category: String,
    pinned: u8,
    draft: u8,
    expires_at: Option<String>,
    period_ends_at: Option<String>,
    open_objections: u32,
    upheld_objections: u32,
    #[serde(flatten)]
    path: PathColumns,
    #[serde(flatten)]
    names: PathNames,
}

impl NoticeRow {
    fn into_view(self) -> ApiResult<(ScopePath, NoticeView)> {
        let scope = self.path.to_path()?;
        let period_ends_at = self.period_ends_at.as_deref().map(parse_time).transpose()?;
        // Open objections count as unanswered, upheld ones as upheld: enough for the period's state.
        let answers: Vec<Option<bool>> = std::iter::repeat_n(None, self.open_objections as usize)
            .chain(std::iter::repeat_n(
                Some(true),
                self.upheld_objections as usize,
            ))
            .collect();
        let now = crate::http::now();
        let view = NoticeView {
            id: NoticeId::from_trusted(&self.id),
            number: super::requests::stored_number(self.number)?,
            title: self.title,
            body: self.body,
            scope: scope.to_ref(),
            scope_name: self.names.display(),
            // Authors who live here (building heads) may show only their family name to neighbours.
            author_name: public_name(
                &self.author_name,
                NameDisplay::parse(&self.author_name_display).unwrap_or_default(),
            ),
            published_at: parse_time(&self.published_at)?,
            category: Category::parse(&self.category).unwrap_or_default(),
            pinned: self.pinned != 0,
            draft: self.draft != 0,
            expires_at: self.expires_at.as_deref().map(parse_time).transpose()?,
            period_state: period_ends_at.map(|ends| period_state(ends, now, &answers)),
            period_ends_at,
            attachments: Vec::new(),
            objections: Vec::new(),
            may_object: false,
            may_answer: false,
            my_read: None,
        };
        Ok((scope, view))
    }
}

fn select() -> String {
    format!(
        "SELECT n.id, n.number, n.title, n.body, n.published_at, m.name AS author_name, m.name_display AS author_name_display, \
                n.category, n.pinned, n.draft, n.expires_at, n.period_ends_at, \
                (SELECT COUNT(*) FROM notice_objections o WHERE o.notice_id = n.id AND o.answered_at IS NULL) AS open_objections, \
                (SELECT COUNT(*) FROM notice_objections o WHERE o.notice_id = n.id AND o.upheld = 1) AS upheld_objections, \
                n.street_id, n.community_id, n.compound_id, n.building_id, n.unit_id, {NAME_COLUMNS} \
         FROM notices n JOIN members m ON m.id = n.author_id {}",
        name_joins("n")
    )
}

/// The values of a notice's columns, in the order of [`INSERT_COLUMNS`].
fn insert_args(n: &Notice) -> Vec<JsValue> {
    let [street, community, compound, building, unit] = path_args(&n.scope);
    vec![
        text(n.id.as_str()),
        street,
        community,
        compound,
        building,
        unit,
        text(&n.title),
        text(&n.body),
        text(n.author.as_str()),
        text(&time(n.published_at)),
        text(n.category.as_str()),
        JsValue::from(u8::from(n.pinned)),
        JsValue::from(u8::from(n.draft)),
        opt_text(n.expires_at.map(time).as_deref()),
        opt_text(n.period_ends_at.map(time).as_deref()),
    ]
}

const INSERT_COLUMNS: &str = "id, street_id, community_id, compound_id, building_id, unit_id, title, body, author_id, \
     published_at, category, pinned, draft, expires_at, period_ends_at, number";

/// The values of [`INSERT_COLUMNS`]: [`insert_args`], then the notice's number within its community (or
/// street), one more than the highest so far.
fn insert_values() -> String {
    format!(
        "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, {}",
        super::next_number_sql("notices", "?2", "?3")
    )
}

/// Every notice is inserted here or in [`insert_minutes`]: staff's, a vote's result, a matter's decision,
/// a covenant's adoption.
pub fn insert(db: &D1Database, n: &Notice) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        &format!(
            "INSERT INTO notices ({INSERT_COLUMNS}) VALUES ({})",
            insert_values()
        ),
        &insert_args(n),
    )
}

/// A meeting's minutes as a notice, unless the meeting's minutes were published already (run before
/// `meetings::set_minutes_notice` in the same batch).
pub fn insert_minutes(
    db: &D1Database,
    n: &Notice,
    meeting: &yishi_core::ids::MeetingId,
) -> ApiResult<D1PreparedStatement> {
    let mut args = insert_args(n);
    args.push(text(meeting.as_str()));
    stmt(
        db,
        &format!(
            "INSERT INTO notices ({INSERT_COLUMNS}) SELECT {} \
             WHERE (SELECT minutes_notice_id FROM meetings WHERE id = ?16) IS NULL",
            insert_values()
        ),
        &args,
    )
}

/// One notice with its scope (the caller checks who may read it).
pub async fn get(db: &D1Database, id: &NoticeId) -> ApiResult<Option<(ScopePath, NoticeView)>> {
    let row: Option<NoticeRow> = first(
        db,
        &format!("{} WHERE n.id = ?1", select()),
        &[text(id.as_str())],
    )
    .await?;
    row.map(NoticeRow::into_view).transpose()
}

/// The words of notices: title and text (migration 0013).
const WORDS: super::Index = super::Index {
    table: "notices_search",
    columns: &[("title", 10.0), ("body", 1.0)],
};

/// Which notices a list shows.
#[derive(Default)]
pub struct Filter<'a> {
    /// Expired ones (the archive) instead of those in force.
    pub archive: bool,
    /// A number or words to find in the title or text (any notice published, in force or archived).
    pub search: super::Search<'a>,
    pub category: Option<Category>,
    /// Pinned ones only (else pinned ones are left out of the board, which shows them apart).
    pub pinned: bool,
}

/// A page of the published notices `audience` admits, newest first, after `cursor` (a search's best
/// matches first, in one page: see [`super::search::Found::page_sql`]). Fetches one more than `limit` to know
/// whether another page follows.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    filter: &Filter<'_>,
    cursor: Option<&Cursor>,
    limit: u32,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<(Vec<(ScopePath, NoticeView)>, bool)> {
    let mut args: Vec<JsValue> = vec![text(&time(now))];
    let Some(admitted) = super::audience_sql("n", audience, &mut args) else {
        return Ok((Vec::new(), false));
    };
    let found = filter.search.sql("n", &WORDS, &mut args)?;
    let mut sql = format!(
        "{}{} WHERE {} AND n.draft = 0 AND n.published_at <= ?1",
        select(),
        found.join,
        admitted
    );
    match (filter.search.is_anything(), filter.archive, filter.pinned) {
        (false, _, _) => sql.push_str(&found.and()),
        (true, true, _) => sql.push_str(" AND n.expires_at IS NOT NULL AND n.expires_at <= ?1"),
        (true, false, pinned) => sql.push_str(&format!(
            " AND (n.expires_at IS NULL OR n.expires_at > ?1) AND n.pinned = {}",
            u8::from(pinned)
        )),
    }
    if let Some(category) = filter.category {
        args.push(text(category.as_str()));
        sql.push_str(&format!(" AND n.category = ?{}", args.len()));
    }
    found.page_sql(
        &mut sql,
        &mut args,
        ("n.published_at", "n.id"),
        cursor,
        limit,
    );
    let rows: Vec<NoticeRow> = all(db, &sql, &args).await?;
    let (rows, more) = super::take_page(rows, limit);
    let page = rows
        .into_iter()
        .map(NoticeRow::into_view)
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((page, more))
}

/// Drafts and scheduled notices in the places the member may post to, newest first.
pub async fn unpublished(
    db: &D1Database,
    within: &[ScopePath],
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<(ScopePath, NoticeView)>> {
    if within.is_empty() {
        return Ok(Vec::new());
    }
    let mut args: Vec<JsValue> = vec![text(&time(now))];
    let places: Vec<String> = within
        .iter()
        .map(|p| scope_within_sql("n", p, &mut args))
        .collect();
    let rows: Vec<NoticeRow> = all(
        db,
        &format!(
            "{} WHERE (n.draft = 1 OR n.published_at > ?1) AND ({}) ORDER BY n.published_at DESC LIMIT 100",
            select(),
            places.join(" OR ")
        ),
        &args,
    )
    .await?;
    rows.into_iter().map(NoticeRow::into_view).collect()
}

/// Publishes a draft now: its period starts now with the length it was given.
pub fn publish_draft(
    db: &D1Database,
    id: &NoticeId,
    now: chrono::DateTime<chrono::Utc>,
    period_ends_at: Option<chrono::DateTime<chrono::Utc>>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE notices SET draft = 0, published_at = ?2, period_ends_at = ?3 WHERE id = ?1 AND draft = 1",
        &[
            text(id.as_str()),
            text(&time(now)),
            opt_text(period_ends_at.map(time).as_deref()),
        ],
    )
}

#[derive(Debug, Deserialize)]
struct ObjectionRow {
    id: String,
    author_name: String,
    reason: String,
    created_at: String,
    answer: Option<String>,
    upheld: Option<u8>,
    answered_by_name: Option<String>,
    answered_at: Option<String>,
}

pub async fn objections(db: &D1Database, notice: &NoticeId) -> ApiResult<Vec<ObjectionView>> {
    let rows: Vec<ObjectionRow> = all(
        db,
        "SELECT o.id, m.name AS author_name, o.reason, o.created_at, o.answer, o.upheld, a.name AS answered_by_name, o.answered_at \
         FROM notice_objections o JOIN members m ON m.id = o.member_id LEFT JOIN members a ON a.id = o.answered_by \
         WHERE o.notice_id = ?1 ORDER BY o.created_at, o.id",
        &[text(notice.as_str())],
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            let answer = match (r.answer, r.answered_at) {
                (Some(text), Some(at)) => Some(AnswerView {
                    text,
                    upheld: r.upheld.unwrap_or(0) != 0,
                    by_name: r.answered_by_name.unwrap_or_default(),
                    at: parse_time(&at)?,
                }),
                _ => None,
            };
            Ok(ObjectionView {
                id: r.id,
                author_name: r.author_name,
                reason: r.reason,
                at: parse_time(&r.created_at)?,
                answer,
            })
        })
        .collect()
}

pub fn insert_objection(
    db: &D1Database,
    id: &ObjectionId,
    notice: &NoticeId,
    member: &MemberId,
    reason: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO notice_objections (id, notice_id, member_id, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(id.as_str()),
            text(notice.as_str()),
            text(member.as_str()),
            text(reason),
            text(&time(now)),
        ],
    )
}

/// Who made an objection to the notice.
pub async fn objector(
    db: &D1Database,
    notice: &NoticeId,
    objection: &str,
) -> ApiResult<Option<MemberId>> {
    #[derive(serde::Deserialize)]
    struct Row {
        member_id: String,
    }
    let row: Option<Row> = super::first(
        db,
        "SELECT member_id FROM notice_objections WHERE notice_id = ?1 AND id = ?2",
        &[text(notice.as_str()), text(objection)],
    )
    .await?;
    Ok(row.map(|r| MemberId::from_trusted(r.member_id)))
}

/// Answers an objection of the notice, once (its change count says whether it was still open).
pub fn answer_objection(
    db: &D1Database,
    notice: &NoticeId,
    objection: &str,
    answer: &str,
    upheld: bool,
    by: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE notice_objections SET answer = ?3, upheld = ?4, answered_by = ?5, answered_at = ?6 \
         WHERE notice_id = ?1 AND id = ?2 AND answered_at IS NULL",
        &[
            text(notice.as_str()),
            text(objection),
            text(answer),
            JsValue::from(u8::from(upheld)),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

/// Community-wide notices of `community` in force for the public feed, newest first.
pub async fn community_feed(
    db: &D1Database,
    community: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<NoticeView>> {
    let rows: Vec<NoticeRow> = all(
        db,
        &format!(
            "{} WHERE n.community_id = ?1 AND n.compound_id IS NULL AND n.draft = 0 AND n.published_at <= ?2 \
             ORDER BY n.published_at DESC, n.id DESC LIMIT 50",
            select()
        ),
        &[text(community), text(&time(now))],
    )
    .await?;
    rows.into_iter()
        .map(|r| r.into_view().map(|(_, v)| v))
        .collect()
}

/// Records that `member` read the notice; a second mark keeps the first record.
pub fn mark_read(
    db: &D1Database,
    notice: &NoticeId,
    member: &MemberId,
    on_behalf: Option<(&MemberId, &str)>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO notice_reads (notice_id, member_id, read_at, recorded_by, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(notice.as_str()),
            text(member.as_str()),
            text(&time(now)),
            opt_text(on_behalf.map(|(by, _)| by.as_str())),
            opt_text(on_behalf.map(|(_, reason)| reason)),
        ],
    )
}

#[derive(Debug, Deserialize)]
struct ReadRow {
    member_id: String,
    member_name: String,
    read_at: String,
    recorded_by: Option<String>,
    recorded_by_name: Option<String>,
    reason: Option<String>,
}

impl ReadRow {
    fn into_view(self) -> ApiResult<NoticeReadView> {
        let on_behalf = match (self.recorded_by, self.reason) {
            (Some(by), Some(reason)) => Some(OnBehalfView {
                recorded_by: MemberId::from_trusted(by),
                recorded_by_name: self.recorded_by_name.unwrap_or_default(),
                reason,
            }),
            _ => None,
        };
        Ok(NoticeReadView {
            member: MemberId::from_trusted(self.member_id),
            member_name: self.member_name,
            read_at: parse_time(&self.read_at)?,
            on_behalf,
        })
    }
}

const READ_SELECT: &str = "SELECT r.member_id, m.name AS member_name, r.read_at, r.recorded_by, \
        rb.name AS recorded_by_name, r.reason \
     FROM notice_reads r JOIN members m ON m.id = r.member_id LEFT JOIN members rb ON rb.id = r.recorded_by";

pub async fn read_of(
    db: &D1Database,
    notice: &NoticeId,
    member: &MemberId,
) -> ApiResult<Option<NoticeReadView>> {
    first::<ReadRow>(
        db,
        &format!("{READ_SELECT} WHERE r.notice_id = ?1 AND r.member_id = ?2"),
        &[text(notice.as_str()), text(member.as_str())],
    )
    .await?
    .map(ReadRow::into_view)
    .transpose()
}

/// Confirmed residents with their home's path columns, as the view `r`.
const RESIDENTS: &str = "SELECT m.id, m.name, m.phone, \
        b.name || ' ' || u.name || ' ' || h.name AS home, cp.name || ' ' || b.name AS building_name, \
        c.street_id, c.id AS community_id, cp.id AS compound_id, b.id AS building_id, u.id AS unit_id \
     FROM members m JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id \
          JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id \
          JOIN communities c ON c.id = cp.community_id \
     WHERE m.verification = 'confirmed' AND m.status = 'active'";

/// Most unread residents listed at once.
pub const UNREAD_MAX: u32 = 500;

#[derive(Debug, Deserialize)]
struct UnreadRow {
    id: String,
    name: String,
    phone: Option<String>,
    home: String,
}

/// Reads of a notice by residents within `within`, the residents there it addresses who have not read
/// it (at most [`UNREAD_MAX`]), how many it addresses there, and both by building.
pub async fn reads_within(
    db: &D1Database,
    notice: &NoticeId,
    scope: &ScopePath,
    within: &[ScopePath],
) -> ApiResult<(
    Vec<NoticeReadView>,
    Vec<UnreadView>,
    u32,
    Vec<BuildingReads>,
)> {
    if within.is_empty() {
        return Ok((Vec::new(), Vec::new(), 0, Vec::new()));
    }
    let mut args: Vec<JsValue> = vec![text(notice.as_str())];
    let addressed = scope_within_sql("r", scope, &mut args);
    let reach: Vec<String> = within
        .iter()
        .map(|p| scope_within_sql("r", p, &mut args))
        .collect();
    let audience = format!(
        "SELECT r.* FROM ({RESIDENTS}) r WHERE {addressed} AND ({})",
        reach.join(" OR ")
    );
    let reads_sql = format!(
        "{READ_SELECT} WHERE r.notice_id = ?1 AND r.member_id IN (SELECT id FROM ({audience})) ORDER BY r.read_at"
    );
    let unread_sql = format!(
        "SELECT a.id, a.name, a.phone, a.home FROM ({audience}) a \
         WHERE NOT EXISTS (SELECT 1 FROM notice_reads nr WHERE nr.notice_id = ?1 AND nr.member_id = a.id) \
         ORDER BY a.home, a.id LIMIT {UNREAD_MAX}"
    );
    let count_sql = format!("SELECT COUNT(*) AS n FROM ({audience})");
    let building_sql = format!(
        "SELECT a.building_name AS name, COUNT(*) AS addressed, \
                SUM(EXISTS (SELECT 1 FROM notice_reads nr WHERE nr.notice_id = ?1 AND nr.member_id = a.id)) AS read \
         FROM ({audience}) a GROUP BY a.building_id, a.building_name ORDER BY a.building_name"
    );
    let results = super::batch_rows(
        db,
        &[
            (&reads_sql, &args),
            (&unread_sql, &args),
            (&count_sql, &args),
            (&building_sql, &args),
        ],
    )
    .await?;
    let [reads, unread, count, buildings] = results.as_slice() else {
        return Err(crate::error::ApiError::internal(
            "reads batch returned the wrong number of results",
        ));
    };
    #[derive(Deserialize)]
    struct Count {
        n: u32,
    }
    let reads = reads
        .results::<ReadRow>()?
        .into_iter()
        .map(ReadRow::into_view)
        .collect::<ApiResult<Vec<_>>>()?;
    let unread = unread
        .results::<UnreadRow>()?
        .into_iter()
        .map(|u| UnreadView {
            member: MemberId::from_trusted(u.id),
            name: u.name,
            home: u.home,
            phone: u.phone.unwrap_or_default(),
        })
        .collect();
    let addressed = count.results::<Count>()?.first().map_or(0, |c| c.n);
    #[derive(Deserialize)]
    struct BuildingRow {
        name: String,
        addressed: u32,
        read: u32,
    }
    let by_building = buildings
        .results::<BuildingRow>()?
        .into_iter()
        .map(|b| BuildingReads {
            name: b.name,
            addressed: b.addressed,
            read: b.read,
        })
        .collect();
    Ok((reads, unread, addressed, by_building))
}
