//! The public-notice board (公示栏): notices addressed to a scope of the territory.

use chrono::{DateTime, Utc};

use crate::error::{DomainError, DomainResult, Field};
use crate::ids::{MemberId, NoticeId};
use crate::members::Actor;
use crate::policy;
use crate::territory::ScopePath;

pub const TITLE_MAX: usize = 80;
pub const BODY_MAX: usize = 5_000;

/// A notice as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: NoticeId,
    pub scope: ScopePath,
    pub title: String,
    pub body: String,
    pub author: MemberId,
    pub published_at: DateTime<Utc>,
}

/// Trims the title and body and checks their lengths (in characters, not bytes: 80 汉字 are 80).
pub fn validate_text(title: &str, body: &str) -> DomainResult<(String, String)> {
    let title = title.trim();
    if title.is_empty() {
        return Err(DomainError::Required {
            field: Field::Title,
        });
    }
    if title.chars().count() > TITLE_MAX {
        return Err(DomainError::TooLong {
            field: Field::Title,
            max: TITLE_MAX,
        });
    }
    if title.chars().any(char::is_control) {
        return Err(DomainError::Invalid {
            field: Field::Title,
        });
    }
    let body = body.trim_end();
    if body.trim().is_empty() {
        return Err(DomainError::Required { field: Field::Body });
    }
    if body.chars().count() > BODY_MAX {
        return Err(DomainError::TooLong {
            field: Field::Body,
            max: BODY_MAX,
        });
    }
    if body
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(DomainError::Invalid { field: Field::Body });
    }
    Ok((title.to_owned(), body.replace("\r\n", "\n")))
}

/// Publishes a notice now: the actor must be allowed to post to `scope` and the text must be valid.
pub fn publish_notice(
    actor: &Actor,
    scope: ScopePath,
    title: &str,
    body: &str,
    id: NoticeId,
    now: DateTime<Utc>,
) -> DomainResult<Notice> {
    policy::can_post_notice(actor, &scope)?;
    let (title, body) = validate_text(title, body)?;
    Ok(Notice {
        id,
        scope,
        title,
        body,
        author: actor.member.clone(),
        published_at: now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::actors::*;
    use crate::testing::territory::*;

    fn now() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    #[test]
    fn staff_publish_a_notice_with_trimmed_text() -> DomainResult<()> {
        let n = publish_notice(
            &staff(),
            building(3),
            "  停水通知 ",
            "明天 9:00-12:00 停水。\r\n请提前储水。\n\n",
            NoticeId::from_trusted("ntc_1"),
            now(),
        )?;
        assert_eq!(n.title, "停水通知");
        assert_eq!(n.body, "明天 9:00-12:00 停水。\n请提前储水。");
        assert_eq!(n.scope, building(3));
        assert_eq!(n.published_at, now());
        Ok(())
    }

    #[test]
    fn residents_cannot_publish() {
        let r = publish_notice(
            &resident_of(3),
            building(3),
            "t",
            "b",
            NoticeId::from_trusted("ntc_1"),
            now(),
        );
        assert_eq!(r, Err(DomainError::Forbidden));
    }

    #[test]
    fn text_rules() {
        assert_eq!(
            validate_text(" ", "b"),
            Err(DomainError::Required {
                field: Field::Title
            })
        );
        assert_eq!(
            validate_text("t", " \n "),
            Err(DomainError::Required { field: Field::Body })
        );
        assert!(validate_text(&"字".repeat(80), "b").is_ok());
        assert_eq!(
            validate_text(&"字".repeat(81), "b"),
            Err(DomainError::TooLong {
                field: Field::Title,
                max: TITLE_MAX
            })
        );
        assert!(validate_text("t", &"字".repeat(5_000)).is_ok());
        assert_eq!(
            validate_text("t", &"x".repeat(100 * 1024)),
            Err(DomainError::TooLong {
                field: Field::Body,
                max: BODY_MAX
            })
        );
        assert_eq!(
            validate_text("a\u{7}b", "b"),
            Err(DomainError::Invalid {
                field: Field::Title
            })
        );
        assert_eq!(
            validate_text("t", "a\u{0}b"),
            Err(DomainError::Invalid { field: Field::Body })
        );
    }
}
