//! Photos and files: stored, attached to a matter, a progress update, a request or a notice, and
//! read back with what they are attached to.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{EventId, MatterId, MemberId, PhotoId};

use crate::db::{all, first, opt_text, stmt, text, time};
use crate::error::ApiResult;

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

/// Of `ids`, those the member uploaded (only images, with `images_only`), each with whether it is
/// attached to a record already.
pub async fn uploaded_by(
    db: &D1Database,
    ids: &[PhotoId],
    by: &MemberId,
    images_only: bool,
) -> ApiResult<Vec<(PhotoId, bool)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
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
        id: String,
        attached: i64,
    }
    Ok(all::<Row>(
        db,
        &format!(
            "SELECT id, ({UNATTACHED}) = 0 AS attached FROM photos WHERE uploaded_by = ?1 AND id IN ({}){}",
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
    .into_iter()
    .map(|r| (PhotoId::from_trusted(r.id), r.attached != 0))
    .collect())
}

/// A photo attached to nothing yet, as SQL over its row.
const UNATTACHED: &str = "matter_id IS NULL AND notice_id IS NULL AND request_id IS NULL";

/// The guard of an attachment, for [`db::batch_guarded`](crate::db::batch_guarded): a photo is attached
/// to one record for good. The statement attaching it keeps `uploaded_by` only while the photo is
/// attached to nothing; once another request has attached it meanwhile, `uploaded_by` would become
/// NULL, which the column refuses, and the whole batch (the record with it) is rolled back.
pub const ATTACH_GUARD: &str = "photos.uploaded_by";

/// The `SET` clause of an attachment: `assignments`, and the guard ([`ATTACH_GUARD`]).
fn attach_sql(assignments: &str) -> String {
    format!(
        "UPDATE photos SET {assignments}, uploaded_by = CASE WHEN {UNATTACHED} THEN uploaded_by ELSE NULL END \
         WHERE id = ?1"
    )
}

/// Attaches one photo to the matter (and to a progress update); guarded ([`ATTACH_GUARD`]).
pub fn attach_photo(
    db: &D1Database,
    photo: &PhotoId,
    matter: &MatterId,
    event: Option<&EventId>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        &attach_sql("matter_id = ?2, event_id = ?3"),
        &[
            text(photo.as_str()),
            text(matter.as_str()),
            opt_text(event.map(EventId::as_str)),
        ],
    )
}

/// Attaches one file to a notice; guarded ([`ATTACH_GUARD`]).
pub fn attach_to_notice(
    db: &D1Database,
    photo: &PhotoId,
    notice: &yishi_core::ids::NoticeId,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        &attach_sql("notice_id = ?2"),
        &[text(photo.as_str()), text(notice.as_str())],
    )
}

/// Attaches one photo to a request (and to a change of it); guarded ([`ATTACH_GUARD`]).
pub fn attach_to_request(
    db: &D1Database,
    photo: &PhotoId,
    request: &yishi_core::ids::RequestId,
    event: Option<&EventId>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        &attach_sql("request_id = ?2, request_event_id = ?3"),
        &[
            text(photo.as_str()),
            text(request.as_str()),
            opt_text(event.map(EventId::as_str)),
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
