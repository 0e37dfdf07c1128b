//! Notifications: who is told of what, once, and when a push may wake her.
//!
//! The inbox is the record. A change that concerns people (a notice published, a vote opened, a meeting
//! called, a step on a request) writes **one** notification in the batch that stores the change, addressed
//! to an [`Audience`]: one member, the residents of a place, the voters of a vote, the followers of a
//! matter or a request. Whose inbox holds it is decided when she reads her inbox, by joining her home and
//! her ballots, supports and follows against the audience: a notice to a community of 5,000 residents is
//! one row, not 5,000. The same rule, stated on one actor, is [`Audience::reaches_resident`]; nobody is
//! told of what she may not read (the tests check it against the policy).
//!
//! Each notification carries an idempotency key ([`Notification::key`]): the event that causes it and
//! its subject. A retried request, or a reminder job that runs twice, writes the key once.
//!
//! Push only wakes a phone: [`push_decision`] says, from her choices and the hour in China, whether to
//! push now, after the quiet hours, or not at all.

use chrono::{DateTime, Duration, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{MatterId, MeetingId, MemberId, NoticeId, RequestId, VoteId};
use crate::members::Actor;
use crate::territory::ScopePath;

/// What happened. The app words each kind in the resident's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A notice was published to a place she lives in.
    NoticePublished,
    /// A vote she may cast was opened.
    VoteOpened,
    /// A meeting of her place was called.
    MeetingCalled,
    /// A matter she raised or supports was answered or moved a step.
    MatterUpdated,
    /// A request she made or follows changed.
    RequestUpdated,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::NoticePublished,
        Kind::VoteOpened,
        Kind::MeetingCalled,
        Kind::MatterUpdated,
        Kind::RequestUpdated,
    ];

    /// The kind as stored and sent.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::NoticePublished => "notice_published",
            Kind::VoteOpened => "vote_opened",
            Kind::MeetingCalled => "meeting_called",
            Kind::MatterUpdated => "matter_updated",
            Kind::RequestUpdated => "request_updated",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The heading of its push message in `lang` (the inbox words each kind the same way).
    #[must_use]
    pub fn heading(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, ZhCn};
        match (self, lang) {
            (Kind::NoticePublished, ZhCn) => "新公告",
            (Kind::NoticePublished, En) => "New notice",
            (Kind::VoteOpened, ZhCn) => "请您投票",
            (Kind::VoteOpened, En) => "A vote for you",
            (Kind::MeetingCalled, ZhCn) => "会议通知",
            (Kind::MeetingCalled, En) => "Meeting",
            (Kind::MatterUpdated, ZhCn) => "议事进展",
            (Kind::MatterUpdated, En) => "Matter news",
            (Kind::RequestUpdated, ZhCn) => "诉求进展",
            (Kind::RequestUpdated, En) => "Request news",
        }
    }

    /// Whether its push should reach a phone at once even in power saving (a vote, a meeting).
    #[must_use]
    pub fn is_urgent(self) -> bool {
        matches!(self.topic(), Topic::Votes | Topic::Meetings)
    }

    /// The topic under which she chooses whether it may push.
    #[must_use]
    pub fn topic(self) -> Topic {
        match self {
            Kind::NoticePublished => Topic::Notices,
            Kind::VoteOpened => Topic::Votes,
            Kind::MeetingCalled => Topic::Meetings,
            Kind::MatterUpdated => Topic::Matters,
            Kind::RequestUpdated => Topic::Requests,
        }
    }
}

/// The topics of the settings page: push on or off for each; the inbox holds them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Notices,
    Votes,
    Meetings,
    Matters,
    Requests,
    Volunteers,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::Notices,
        Topic::Votes,
        Topic::Meetings,
        Topic::Matters,
        Topic::Requests,
        Topic::Volunteers,
    ];
}

/// What a notification opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Subject {
    Notice(NoticeId),
    Vote(VoteId),
    Meeting(MeetingId),
    Matter(MatterId),
    Request(RequestId),
}

impl Subject {
    /// The subject's type as stored.
    #[must_use]
    pub fn type_str(&self) -> &'static str {
        match self {
            Subject::Notice(_) => "notice",
            Subject::Vote(_) => "vote",
            Subject::Meeting(_) => "meeting",
            Subject::Matter(_) => "matter",
            Subject::Request(_) => "request",
        }
    }

    #[must_use]
    pub fn id_str(&self) -> &str {
        match self {
            Subject::Notice(id) => id.as_str(),
            Subject::Vote(id) => id.as_str(),
            Subject::Meeting(id) => id.as_str(),
            Subject::Matter(id) => id.as_str(),
            Subject::Request(id) => id.as_str(),
        }
    }

    /// Reads a stored subject back; `None` when the row is not one the code knows.
    #[must_use]
    pub fn parse(type_str: &str, id: &str) -> Option<Subject> {
        Some(match type_str {
            "notice" => Subject::Notice(NoticeId::parse(id)?),
            "vote" => Subject::Vote(VoteId::parse(id)?),
            "meeting" => Subject::Meeting(MeetingId::parse(id)?),
            "matter" => Subject::Matter(MatterId::parse(id)?),
            "request" => Subject::Request(RequestId::parse(id)?),
            _ => return None,
        })
    }

    /// The app's path of the subject (where the notification opens).
    #[must_use]
    pub fn path(&self) -> String {
        match self {
            Subject::Notice(id) => format!("/notices/{id}"),
            Subject::Vote(id) => format!("/votes/{id}"),
            Subject::Meeting(id) => format!("/meetings/{id}"),
            Subject::Matter(id) => format!("/matters/{id}"),
            Subject::Request(id) => format!("/requests/{id}"),
        }
    }
}

/// Who a notification is for, resolved when each member reads her inbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    /// One member.
    Member(MemberId),
    /// The confirmed residents whose home lies within the place.
    Residents(ScopePath),
    /// Those who may cast a ballot of the vote (its casters, proxies included).
    Voters(VoteId),
    /// Who raised the matter and who supports it.
    MatterFollowers(MatterId),
    /// Who made the request and who follows it.
    RequestFollowers(RequestId),
}

impl Audience {
    /// For an audience of residents: whether it reaches `actor`. A member who is not active, or whose
    /// home is not confirmed, is reached by no place.
    #[must_use]
    pub fn reaches_resident(scope: &ScopePath, actor: &Actor) -> bool {
        actor.is_active() && actor.residence().is_some_and(|p| scope.contains(&p.unit))
    }
}

/// One notification, as written with the change that causes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    pub kind: Kind,
    pub subject: Subject,
    pub audience: Audience,
    /// The subject's title when it happened (a notice's title, a vote's question), shown in the inbox.
    pub title: String,
    /// Told once: a second notification with the same key is not written.
    pub key: String,
    /// Who caused it: she is not told of her own act.
    pub by: Option<MemberId>,
}

/// Longest title kept in a notification (characters); the inbox shows one line of it.
pub const TITLE_MAX: usize = 80;

impl Notification {
    fn new(kind: Kind, subject: Subject, audience: Audience, title: &str, step: &str) -> Self {
        let key = if step.is_empty() {
            format!("{}:{}", kind.as_str(), subject.id_str())
        } else {
            format!("{}:{}:{step}", kind.as_str(), subject.id_str())
        };
        Notification {
            kind,
            subject,
            audience,
            title: title.chars().take(TITLE_MAX).collect(),
            key,
            by: None,
        }
    }

    /// The same notification, caused by `member`.
    #[must_use]
    pub fn by(mut self, member: &MemberId) -> Self {
        self.by = Some(member.clone());
        self
    }

    /// A notice published to `scope`: its residents are told, once however often it is published.
    #[must_use]
    pub fn notice_published(notice: &NoticeId, scope: &ScopePath, title: &str) -> Self {
        Notification::new(
            Kind::NoticePublished,
            Subject::Notice(notice.clone()),
            Audience::Residents(scope.clone()),
            title,
            "",
        )
    }

    /// A vote opened: those who may cast it are told.
    #[must_use]
    pub fn vote_opened(vote: &VoteId, title: &str) -> Self {
        Notification::new(
            Kind::VoteOpened,
            Subject::Vote(vote.clone()),
            Audience::Voters(vote.clone()),
            title,
            "",
        )
    }

    /// A meeting called for `scope`: its residents are invited.
    #[must_use]
    pub fn meeting_called(meeting: &MeetingId, scope: &ScopePath, title: &str) -> Self {
        Notification::new(
            Kind::MeetingCalled,
            Subject::Meeting(meeting.clone()),
            Audience::Residents(scope.clone()),
            title,
            "",
        )
    }

    /// A step on a matter (`step`: the event's or comment's id, so each is told once). The database
    /// writes these itself when a step or a comment is stored (migration 0016's triggers), in this
    /// shape.
    #[must_use]
    pub fn matter_updated(matter: &MatterId, title: &str, step: &str) -> Self {
        Notification::new(
            Kind::MatterUpdated,
            Subject::Matter(matter.clone()),
            Audience::MatterFollowers(matter.clone()),
            title,
            step,
        )
    }

    /// A change to a request (`step`: the event's id); written by the database as for matters.
    #[must_use]
    pub fn request_updated(request: &RequestId, title: &str, step: &str) -> Self {
        Notification::new(
            Kind::RequestUpdated,
            Subject::Request(request.clone()),
            Audience::RequestFollowers(request.clone()),
            title,
            step,
        )
    }
}

/// Quiet hours in China's time: no push from `from` o'clock until `to` o'clock (which may be the next
/// morning). The inbox is not quiet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuietHours {
    /// The hour quiet begins, 0–23.
    pub from: u8,
    /// The hour quiet ends, 0–23.
    pub to: u8,
}

impl Default for QuietHours {
    /// Ten at night until seven in the morning.
    fn default() -> Self {
        QuietHours { from: 22, to: 7 }
    }
}

impl QuietHours {
    /// Whether both hours are on the clock.
    #[must_use]
    pub fn is_valid(self) -> bool {
        self.from < 24 && self.to < 24
    }

    /// Whether `at` falls in the quiet hours; when `from == to`, no hour is quiet.
    #[must_use]
    pub fn contains(self, at: DateTime<Utc>) -> bool {
        let hour = at.with_timezone(&crate::time::china()).hour();
        let (from, to) = (u32::from(self.from), u32::from(self.to));
        if from <= to {
            (from..to).contains(&hour)
        } else {
            hour >= from || hour < to
        }
    }

    /// When the quiet hours that contain `at` end (`at` itself when it is not quiet).
    #[must_use]
    pub fn end_after(self, at: DateTime<Utc>) -> DateTime<Utc> {
        if !self.contains(at) {
            return at;
        }
        // Step to the top of each following hour until quiet ends (at most a day of hours).
        let local = at.with_timezone(&crate::time::china());
        let top = at
            - Duration::minutes(i64::from(local.minute()))
            - Duration::seconds(i64::from(local.second()))
            - Duration::nanoseconds(i64::from(local.nanosecond()));
        (1..=24)
            .map(|h| top + Duration::hours(h))
            .find(|t| !self.contains(*t))
            .unwrap_or(at)
    }
}

/// A member's choices: which topics may push, and her quiet hours. Stored with her profile; a choice
/// left out keeps its default (every topic pushes, quiet from 22:00 to 7:00).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotificationPrefs {
    /// Topics that do not push (they still reach the inbox).
    #[serde(default)]
    pub push_off: Vec<Topic>,
    /// `None`: push at any hour.
    #[serde(default = "default_quiet")]
    pub quiet_hours: Option<QuietHours>,
}

#[expect(
    clippy::unnecessary_wraps,
    reason = "serde's default must return the field's type"
)]
fn default_quiet() -> Option<QuietHours> {
    Some(QuietHours::default())
}

impl Default for NotificationPrefs {
    fn default() -> Self {
        NotificationPrefs {
            push_off: Vec::new(),
            quiet_hours: default_quiet(),
        }
    }
}

impl NotificationPrefs {
    /// The choices as stored: topics once each, in order.
    #[must_use]
    pub fn normalized(mut self) -> Self {
        self.push_off.sort_unstable();
        self.push_off.dedup();
        self
    }

    /// Whether the choices can be kept.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.quiet_hours.is_none_or(QuietHours::is_valid)
    }
}

/// Whether a notification may wake her phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PushDecision {
    Now,
    /// During her quiet hours: at their end, if it is still unread.
    At(DateTime<Utc>),
    /// She turned the topic's push off: the inbox only.
    Never,
}

#[must_use]
pub fn push_decision(prefs: &NotificationPrefs, kind: Kind, now: DateTime<Utc>) -> PushDecision {
    if prefs.push_off.contains(&kind.topic()) {
        return PushDecision::Never;
    }
    match prefs.quiet_hours {
        Some(q) if q.contains(now) => PushDecision::At(q.end_after(now)),
        _ => PushDecision::Now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::can_read_notice;
    use crate::testing::actors::*;
    use crate::testing::territory::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn china(h: u32, m: u32) -> DateTime<Utc> {
        crate::time::china()
            .with_ymd_and_hms(2026, 12, 3, h, m, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn places() -> Vec<ScopePath> {
        let mut all = vec![street(), community(), compound_a(), compound_b()];
        for b in 1..=6 {
            all.push(building(b));
            all.push(unit_of(b, 1));
            all.push(unit_of(b, 2));
        }
        all
    }

    fn actors() -> Vec<Actor> {
        let mut all = vec![staff(), outsider_staff(), street_admin()];
        for b in 1..=6 {
            all.push(resident_of(b));
            all.push(building_head_of(b));
        }
        let mut away = resident_of(2);
        away.status = crate::members::MemberStatus::Suspended;
        all.push(away);
        all
    }

    #[test]
    fn a_place_reaches_only_residents_who_may_read_what_is_addressed_to_it() {
        for scope in places() {
            for actor in actors() {
                if Audience::reaches_resident(&scope, &actor) {
                    assert!(
                        can_read_notice(&actor, &scope),
                        "{} is told of a notice to {scope:?} she may not read",
                        actor.member
                    );
                }
            }
        }
    }

    #[test]
    fn a_place_reaches_every_resident_who_lives_in_it_and_no_one_else() {
        assert!(Audience::reaches_resident(&building(3), &resident_of(3)));
        assert!(Audience::reaches_resident(&compound_a(), &resident_of(3)));
        assert!(Audience::reaches_resident(&community(), &resident_of(5)));
        assert!(!Audience::reaches_resident(&building(3), &resident_of(4)));
        assert!(!Audience::reaches_resident(&compound_b(), &resident_of(3)));
        // Offices see what is addressed within their area, but the inbox tells residents only.
        assert!(!Audience::reaches_resident(&community(), &staff()));
        let mut suspended = resident_of(3);
        suspended.status = crate::members::MemberStatus::Suspended;
        assert!(!Audience::reaches_resident(&building(3), &suspended));
    }

    #[test]
    fn the_key_is_the_event_and_its_subject() {
        let notice = NoticeId::from_trusted("ntc_1");
        let a = Notification::notice_published(&notice, &building(1), "停水通知");
        let b = Notification::notice_published(&notice, &community(), "停水通知（更正）");
        assert_eq!(a.key, "notice_published:ntc_1");
        assert_eq!(a.key, b.key, "published again, told once");
        let matter = MatterId::from_trusted("mat_1");
        let first = Notification::matter_updated(&matter, "修路灯", "evt_1");
        let second = Notification::matter_updated(&matter, "修路灯", "evt_2");
        assert_ne!(first.key, second.key, "each step is told");
        assert_eq!(first.key, "matter_updated:mat_1:evt_1");
    }

    #[test]
    fn a_long_title_is_cut_on_a_character() {
        let title = "停".repeat(200);
        let n = Notification::vote_opened(&VoteId::from_trusted("vot_1"), &title);
        assert_eq!(n.title.chars().count(), TITLE_MAX);
    }

    #[test]
    fn subjects_and_kinds_read_back() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        let s = Subject::Request(RequestId::from_trusted("req_1"));
        assert_eq!(Subject::parse(s.type_str(), s.id_str()), Some(s.clone()));
        assert_eq!(s.path(), "/requests/req_1");
        assert_eq!(Subject::parse("poll", "x"), None);
        assert_eq!(Subject::parse("notice", "not an id"), None);
    }

    #[test]
    fn quiet_hours_span_midnight() {
        let q = QuietHours::default();
        assert!(q.contains(china(22, 0)));
        assert!(q.contains(china(23, 59)));
        assert!(q.contains(china(0, 30)));
        assert!(q.contains(china(6, 59)));
        assert!(!q.contains(china(7, 0)));
        assert!(!q.contains(china(21, 59)));
        assert!(!q.contains(china(12, 0)));
        let day = QuietHours { from: 12, to: 14 };
        assert!(day.contains(china(13, 0)));
        assert!(!day.contains(china(14, 0)));
        let none = QuietHours { from: 9, to: 9 };
        assert!(!none.contains(china(9, 30)));
    }

    #[test]
    fn a_push_in_quiet_hours_waits_for_the_morning() {
        let prefs = NotificationPrefs::default();
        assert_eq!(
            push_decision(&prefs, Kind::VoteOpened, china(23, 40)),
            PushDecision::At(china(7, 0) + Duration::days(1))
        );
        assert_eq!(
            push_decision(&prefs, Kind::VoteOpened, china(5, 10)),
            PushDecision::At(china(7, 0))
        );
        assert_eq!(
            push_decision(&prefs, Kind::VoteOpened, china(9, 0)),
            PushDecision::Now
        );
        let off = NotificationPrefs {
            push_off: vec![Topic::Votes],
            quiet_hours: None,
        };
        assert_eq!(
            push_decision(&off, Kind::VoteOpened, china(9, 0)),
            PushDecision::Never
        );
        assert_eq!(
            push_decision(&off, Kind::NoticePublished, china(23, 0)),
            PushDecision::Now
        );
    }

    #[test]
    fn stored_choices_default_what_they_leave_out() {
        let empty: NotificationPrefs = serde_json::from_str("{}").unwrap_or_default();
        assert_eq!(empty, NotificationPrefs::default());
        let never_quiet: Result<NotificationPrefs, _> =
            serde_json::from_str(r#"{"quiet_hours":null}"#);
        assert_eq!(never_quiet.ok().and_then(|p| p.quiet_hours), None);
        assert!(
            !NotificationPrefs {
                push_off: vec![],
                quiet_hours: Some(QuietHours { from: 24, to: 7 })
            }
            .is_valid()
        );
        let twice = NotificationPrefs {
            push_off: vec![Topic::Votes, Topic::Notices, Topic::Votes],
            quiet_hours: None,
        };
        assert_eq!(
            twice.normalized().push_off,
            vec![Topic::Notices, Topic::Votes]
        );
    }

    proptest! {
        /// Quiet hours end within a day, at a time that is not quiet, never before the push was due.
        #[test]
        fn quiet_ends_at_a_loud_hour(from in 0u8..24, to in 0u8..24, minutes in 0i64..(7 * 24 * 60)) {
            let q = QuietHours { from, to };
            let at = china(0, 0) + Duration::minutes(minutes);
            let end = q.end_after(at);
            prop_assert!(end >= at);
            prop_assert!(end - at <= Duration::hours(24));
            prop_assert!(!q.contains(end));
        }
    }
}
