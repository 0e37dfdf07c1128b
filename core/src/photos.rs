//! Photos and files attached to matters, requests and notices: what is accepted, recognised by its
//! first bytes.

use crate::error::{DomainError, DomainResult, Field};

/// Photos attached to one proposal, request or progress update.
pub const PHOTOS_MAX: usize = 6;

/// Largest photo accepted: phones' photos are resized by the app before upload; 5 MB leaves room for
/// those sent whole.
pub const PHOTO_MAX_BYTES: usize = 5 * 1024 * 1024;

/// The type of an uploaded photo, read from its first bytes (the declared type is not trusted): JPEG, PNG
/// or WebP, nothing else (no SVG, which can carry script).
pub fn photo_type(bytes: &[u8]) -> DomainResult<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Ok("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Ok("image/png"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Ok("image/webp"),
        _ => Err(DomainError::UnsupportedMedia),
    }
}

/// The type of an uploaded file: a photo ([`photo_type`]) or a PDF document (notices' attachments).
pub fn file_type(bytes: &[u8]) -> DomainResult<&'static str> {
    match bytes {
        [b'%', b'P', b'D', b'F', b'-', ..] => Ok("application/pdf"),
        _ => photo_type(bytes),
    }
}

/// Photo ids given with a proposal or an update: at most [`PHOTOS_MAX`], well-formed, each once.
pub fn photo_ids(ids: &[String]) -> DomainResult<Vec<crate::ids::PhotoId>> {
    if ids.len() > PHOTOS_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Photos,
            min: 0,
            max: u32::try_from(PHOTOS_MAX).unwrap_or(u32::MAX),
        });
    }
    let mut out: Vec<crate::ids::PhotoId> = Vec::with_capacity(ids.len());
    for id in ids {
        let id = crate::ids::PhotoId::parse(id).ok_or(DomainError::Invalid {
            field: Field::Photos,
        })?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_recognised_by_their_bytes() {
        assert_eq!(photo_type(&[0xFF, 0xD8, 0xFF, 0xE0, 0]), Ok("image/jpeg"));
        assert_eq!(photo_type(b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
        assert_eq!(photo_type(b"RIFF\0\0\0\0WEBPVP8 "), Ok("image/webp"));
        assert_eq!(
            photo_type(b"<svg onload=alert(1)>"),
            Err(DomainError::UnsupportedMedia)
        );
        assert_eq!(photo_type(b""), Err(DomainError::UnsupportedMedia));
        assert_eq!(photo_type(b"%PDF-1.7"), Err(DomainError::UnsupportedMedia));
        assert_eq!(file_type(b"%PDF-1.7\n"), Ok("application/pdf"));
        assert_eq!(file_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Ok("image/jpeg"));
        assert_eq!(file_type(b"<html>"), Err(DomainError::UnsupportedMedia));
        assert!(photo_ids(&vec!["pho_1".to_owned(); 7]).is_err());
        assert!(photo_ids(&["not an id".to_owned()]).is_err());
        assert_eq!(
            photo_ids(&["pho_1".to_owned(), "pho_1".to_owned()]).map(|v| v.len()),
            Ok(1)
        );
    }
}
