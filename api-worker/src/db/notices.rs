//! Notices: insert, list for an audience (newest first, cursor-paginated), fetch one.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::Cursor;
use yishi_core::api::members::OnBehalfView;
use yishi_core::api::notices::{NoticeReadView, NoticeView, UnreadView};
use yishi_core::ids::{MemberId, NoticeId};
use yishi_core::members::{NameDisplay, public_name};
use yishi_core::notices::Notice;
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
    title: String,
    body: String,
    published_at: String,
    author_name: String,
    author_name_display: String,
    #[serde(flatten)]
    path: PathColumns,
    #[serde(flatten)]
    names: PathNames,
}

impl NoticeRow {
    fn into_view(self) -> ApiResult<(ScopePath, NoticeView)> {
        let scope = self.path.to_path()?;
        let view = NoticeView {
            id: NoticeId::from_trusted(&self.id),
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
            my_read: None,
        };
        Ok((scope, view))
    }
}

fn select() -> String {
    format!(
        "SELECT n.id, n.title, n.body, n.published_at, m.name AS author_name, m.name_display AS author_name_display, \
                n.street_id, n.community_id, n.compound_id, n.building_id, n.unit_id, {NAME_COLUMNS} \
         FROM notices n JOIN members m ON m.id = n.author_id {}",
        name_joins("n")
    )
}

pub fn insert(db: &D1Database, n: &Notice) -> ApiResult<D1PreparedStatement> {
    let [street, community, compound, building, unit] = path_args(&n.scope);
    stmt(
        db,
        "INSERT INTO notices (id, street_id, community_id, compound_id, building_id, unit_id, title, body, author_id, published_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &[
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
        ],
    )
}

/// A meeting's minutes as a notice, unless the meeting's minutes were published already (run before
/// `meetings::set_minutes_notice` in the same batch).
pub fn insert_minutes(
    db: &D1Database,
    n: &Notice,
    meeting: &yishi_core::ids::MeetingId,
) -> ApiResult<D1PreparedStatement> {
    let [street, community, compound, building, unit] = path_args(&n.scope);
    stmt(
        db,
        "INSERT INTO notices (id, street_id, community_id, compound_id, building_id, unit_id, title, body, author_id, published_at) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 \
         WHERE (SELECT minutes_notice_id FROM meetings WHERE id = ?11) IS NULL",
        &[
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
            text(meeting.as_str()),
        ],
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

/// A page of the notices `audience` admits, newest first, after `cursor`. Fetches one more than `limit`
/// to know whether another page follows.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    cursor: Option<&Cursor>,
    limit: u32,
) -> ApiResult<(Vec<(ScopePath, NoticeView)>, bool)> {
    let mut args: Vec<JsValue> = Vec::new();
    let Some(admitted) = super::audience_sql("n", audience, &mut args) else {
        return Ok((Vec::new(), false));
    };
    let mut sql = format!("{} WHERE {}", select(), admitted);
    super::page_sql(
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
        b.name || ' ' || u.name || ' ' || h.name AS home, \
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
/// it (at most [`UNREAD_MAX`]), and how many it addresses there.
pub async fn reads_within(
    db: &D1Database,
    notice: &NoticeId,
    scope: &ScopePath,
    within: &[ScopePath],
) -> ApiResult<(Vec<NoticeReadView>, Vec<UnreadView>, u32)> {
    if within.is_empty() {
        return Ok((Vec::new(), Vec::new(), 0));
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
    let results = super::batch_rows(
        db,
        &[
            (&reads_sql, &args),
            (&unread_sql, &args),
            (&count_sql, &args),
        ],
    )
    .await?;
    let [reads, unread, count] = results.as_slice() else {
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
    Ok((reads, unread, addressed))
}
