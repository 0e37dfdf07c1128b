//! Photos of matters, requests and notices: uploaded to R2 after their first bytes say what they are,
//! and served to those who may see what they are attached to.

use worker::{D1Database, Request, Response};
use yishi_core::DomainError;
use yishi_core::api::matters::{PhotoResponse, PhotoView};
use yishi_core::error::{Entity, Field};
use yishi_core::ids::PhotoId;
use yishi_core::matters as rules;
use yishi_core::members::Actor;

use crate::db;
use crate::error::{ApiError, ApiResult};
use crate::http::{Ctx, json};
use crate::session;

use super::matters::load;

/// Checks that every id is a file the member uploaded (photos only, with `images_only`), 422 otherwise,
/// and that none is attached to a record yet, 409 otherwise. The check is repeated where it counts, in
/// the batch that attaches them (`db::photos::ATTACH_GUARD`), since two requests may pass it at once.
pub(in crate::routes) async fn own_photos(
    db: &D1Database,
    ids: &[String],
    actor: &Actor,
    images_only: bool,
) -> ApiResult<Vec<PhotoId>> {
    let photos = rules::photo_ids(ids)?;
    let hers = db::photos::uploaded_by(db, &photos, &actor.member, images_only).await?;
    if hers.len() != photos.len() {
        return Err(DomainError::Invalid {
            field: Field::Photos,
        }
        .into());
    }
    if hers.iter().any(|(_, attached)| *attached) {
        return Err(DomainError::PhotoTaken.into());
    }
    Ok(photos)
}

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
        vec![db::photos::insert_photo(
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
    let row = db::photos::photo(&db, &id).await?.ok_or_else(missing)?;
    let visible = match (&row.matter_id, &row.notice_id, &row.request_id) {
        (Some(matter), _, _) => load(ctx, &member.actor, matter).await.is_ok(),
        (None, Some(notice), _) => crate::routes::notices::readable(ctx, &member.actor, notice)
            .await
            .is_ok(),
        (None, None, Some(request)) => crate::routes::requests::load(ctx, &member, request)
            .await
            .is_ok(),
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
