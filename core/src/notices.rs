//! The public-notice board (公示栏): notices addressed to a scope of the territory.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::ids::{MemberId, NoticeId};
use crate::members::Actor;
use crate::policy;
use crate::territory::ScopePath;

pub const TITLE_MAX: usize = 80;
pub const BODY_MAX: usize = 5_000;

/// What a notice is about (公示栏的分类).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "NoticeCategory")
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 居务公开
    #[default]
    CommunityAffairs,
    /// 财务公开
    Financial,
    /// 决议、结果公示
    Decision,
    /// 居民公约
    Covenant,
    /// 会议通知
    Meeting,
    /// 活动
    Event,
    /// 紧急通知: staff follow up on who has not read it.
    Emergency,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::CommunityAffairs,
        Category::Financial,
        Category::Decision,
        Category::Covenant,
        Category::Meeting,
        Category::Event,
        Category::Emergency,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Category::CommunityAffairs => "community_affairs",
            Category::Financial => "financial",
            Category::Decision => "decision",
            Category::Covenant => "covenant",
            Category::Meeting => "meeting",
            Category::Event => "event",
            Category::Emergency => "emergency",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Longest publication period (公示期), in days.
pub const PERIOD_DAYS_MAX: u32 = 30;

/// Where a notice's publication period stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    /// Objections may be filed until the end.
    Running,
    /// The period is over but staff have not answered every objection: it cannot complete yet.
    AwaitingAnswers,
    /// 公示期满，无有效异议.
    CompleteNoObjection,
    /// 异议成立: an answered objection changes the decision.
    ObjectionUpheld,
}

/// The state of a period ending at `ends`, given each objection's answer (`None`: not answered yet;
/// `Some(true)`: upheld).
#[must_use]
pub fn period_state(
    ends: DateTime<Utc>,
    now: DateTime<Utc>,
    answers: &[Option<bool>],
) -> PeriodState {
    if now < ends {
        PeriodState::Running
    } else if answers.iter().any(Option::is_none) {
        PeriodState::AwaitingAnswers
    } else if answers.contains(&Some(true)) {
        PeriodState::ObjectionUpheld
    } else {
        PeriodState::CompleteNoObjection
    }
}

/// A resident may object while the period runs, to a notice addressed to where she lives.
pub fn may_object(
    actor: &Actor,
    scope: &ScopePath,
    ends: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let ends = ends.ok_or(DomainError::NoPeriod)?;
    policy::authorize(
        actor,
        policy::Action::MarkNoticeRead,
        policy::Target::Scope(scope),
    )?;
    if now >= ends {
        return Err(DomainError::PeriodOver);
    }
    Ok(())
}

/// When and how a notice is published, besides its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Publication {
    pub category: Category,
    pub pinned: bool,
    /// A draft is seen only by those who may post to its scope.
    pub draft: bool,
    /// Later than now: scheduled.
    pub publish_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    /// The publication period, in days (0: none).
    pub period_days: u32,
}

impl Publication {
    /// Checks the dates against `now`; returns when it is (or will be) published and when its period
    /// ends.
    pub fn check(
        &self,
        now: DateTime<Utc>,
    ) -> DomainResult<(DateTime<Utc>, Option<DateTime<Utc>>)> {
        if self.period_days > PERIOD_DAYS_MAX {
            return Err(DomainError::OutOfRange {
                field: Field::Days,
                min: 0,
                max: PERIOD_DAYS_MAX,
            });
        }
        let at = match self.publish_at {
            Some(t) if t > now => t,
            _ => now,
        };
        let ends = (self.period_days > 0)
            .then(|| at + chrono::Duration::days(i64::from(self.period_days)));
        if let Some(expires) = self.expires_at
            && (expires <= at || ends.is_some_and(|e| expires < e))
        {
            return Err(DomainError::Invalid {
                field: Field::ExpiresAt,
            });
        }
        Ok((at, ends))
    }
}

/// One notice of a public feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedEntry {
    pub id: String,
    pub title: String,
    /// Plain text (the rich text's markup removed).
    pub text: String,
    pub published_at: DateTime<Utc>,
    pub author: String,
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry are dropped.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// An Atom feed (RFC 4287) of a community's public notices, each linking to `{origin}/notices/{id}`.
#[must_use]
pub fn atom_feed(
    community: &str,
    origin: &str,
    self_url: &str,
    entries: &[FeedEntry],
    now: DateTime<Utc>,
) -> String {
    let time = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let updated = entries.iter().map(|e| e.published_at).max().unwrap_or(now);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n\
         <title>{} 公告栏</title>\n<id>{}</id>\n<link rel=\"self\" href=\"{}\"/>\n<link href=\"{}/\"/>\n<updated>{}</updated>\n",
        xml_escape(community),
        xml_escape(self_url),
        xml_escape(self_url),
        xml_escape(origin),
        time(updated),
    );
    for e in entries {
        let link = format!("{origin}/notices/{}", e.id);
        xml.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link href=\"{}\"/>\n<updated>{}</updated>\n\
             <author><name>{}</name></author>\n<content type=\"text\">{}</content>\n</entry>\n",
            xml_escape(&e.title),
            xml_escape(&link),
            xml_escape(&link),
            time(e.published_at),
            xml_escape(&e.author),
            xml_escape(&e.text),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// A notice as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: NoticeId,
    pub scope: ScopePath,
    pub title: String,
    pub body: String,
    pub author: MemberId,
    /// Later than now for a scheduled notice.
    pub published_at: DateTime<Utc>,
    pub category: Category,
    pub pinned: bool,
    pub draft: bool,
    pub expires_at: Option<DateTime<Utc>>,
    pub period_ends_at: Option<DateTime<Utc>>,
}

impl Notice {
    /// The notice with `publication`'s category, pin, draft, schedule, expiry and period.
    pub fn with(self, publication: &Publication, now: DateTime<Utc>) -> DomainResult<Notice> {
        let (at, ends) = publication.check(now)?;
        Ok(Notice {
            published_at: at,
            category: publication.category,
            pinned: publication.pinned,
            draft: publication.draft,
            expires_at: publication.expires_at,
            period_ends_at: ends,
            ..self
        })
    }
}

/// Trims the title and body and checks their lengths (in characters, not bytes: 80 汉字 are 80).
pub fn validate_text(title: &str, body: &str) -> DomainResult<(String, String)> {
    Ok((
        crate::text::clean_line(title, Field::Title, TITLE_MAX)?,
        crate::text::clean_text(body, Field::Body, BODY_MAX)?,
    ))
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
        category: Category::default(),
        pinned: false,
        draft: false,
        expires_at: None,
        period_ends_at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_feed_escapes_everything() {
        let xml = atom_feed(
            "幸福社区",
            "https://yishi.example",
            "https://yishi.example/api/v1/communities/com_1/notices.atom",
            &[FeedEntry {
                id: "ntc_1".into(),
                title: "<script>alert(1)</script> & 停水".into(),
                text: "a \"b\" 'c'\u{1}".into(),
                published_at: now(),
                author: "刘晓梅".into(),
            }],
            now(),
        );
        assert!(xml.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 停水</title>"));
        assert!(xml.contains("<content type=\"text\">a &quot;b&quot; &apos;c&apos;</content>"));
        assert!(xml.contains("<link href=\"https://yishi.example/notices/ntc_1\"/>"));
        assert!(!xml.contains("<script>"));
        assert_eq!(xml.matches("<entry>").count(), 1);
    }

    #[test]
    fn publication_periods() {
        let t0 = now();
        let day = chrono::Duration::days(1);
        assert_eq!(period_state(t0 + day, t0, &[]), PeriodState::Running);
        assert_eq!(period_state(t0, t0, &[]), PeriodState::CompleteNoObjection);
        assert_eq!(
            period_state(t0, t0, &[Some(false), None]),
            PeriodState::AwaitingAnswers,
            "every objection must be answered before the period completes"
        );
        assert_eq!(
            period_state(t0, t0, &[Some(false), Some(true)]),
            PeriodState::ObjectionUpheld
        );
        assert_eq!(
            period_state(t0, t0 + day, &[Some(false)]),
            PeriodState::CompleteNoObjection
        );
        // Objections: residents of the scope, during the period only.
        let r = resident_of(3);
        assert_eq!(may_object(&r, &building(3), Some(t0 + day), t0), Ok(()));
        assert_eq!(
            may_object(&r, &building(3), Some(t0), t0),
            Err(DomainError::PeriodOver)
        );
        assert_eq!(
            may_object(&r, &building(3), None, t0),
            Err(DomainError::NoPeriod)
        );
        assert_eq!(
            may_object(&resident_of(5), &building(3), Some(t0 + day), t0),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            may_object(&staff(), &building(3), Some(t0 + day), t0),
            Err(DomainError::Forbidden)
        );
        // Scheduling and expiry.
        let p = Publication {
            period_days: 7,
            ..Publication::default()
        };
        assert_eq!(p.check(t0), Ok((t0, Some(t0 + day * 7))));
        let later = Publication {
            publish_at: Some(t0 + day),
            period_days: 7,
            ..Publication::default()
        };
        assert_eq!(later.check(t0), Ok((t0 + day, Some(t0 + day * 8))));
        assert!(
            Publication {
                period_days: 31,
                ..Publication::default()
            }
            .check(t0)
            .is_err()
        );
        assert!(
            Publication {
                period_days: 7,
                expires_at: Some(t0 + day * 3),
                ..Publication::default()
            }
            .check(t0)
            .is_err(),
            "a notice cannot expire before its period ends"
        );
    }
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
            Err(DomainError::UnfitCharacters {
                field: Field::Title
            })
        );
        assert_eq!(
            validate_text("t", "a\u{0}b"),
            Err(DomainError::UnfitCharacters { field: Field::Body })
        );
    }
}
