//! Meetings as iCalendar files (RFC 5545), so that residents put decision days (民主决策日) and council
//! meetings in their phones' calendars: one meeting's `.ics` and the feed of a community's meetings (a
//! subscribed calendar) are both written by [`calendar`], from [`CalendarEvent`]s made with
//! [`CalendarEvent::of_meeting`]. Pure: the caller passes `now` (each event's DTSTAMP) and the address the
//! app is served at.
//!
//! What calendar apps are strict about, and this module is exact about:
//! - lines end in CRLF and are folded at 75 octets, not characters (a Chinese character is three octets in
//!   UTF-8, an emoji four), never inside a character; a continuation line starts with one space (§3.1);
//! - TEXT values escape `\`, `;`, `,` and line breaks (§3.3.11). TEXT cannot hold other control
//!   characters: they are dropped (a CR or CRLF is a line break), so no value can end its line and start
//!   a property of its own;
//! - start and end are the wall-clock time in Asia/Shanghai, with that zone's VTIMEZONE in the file, so a
//!   phone set to another zone still shows the meeting at the right instant; DTSTAMP and LAST-MODIFIED
//!   are UTC, as the RFC requires.
//!
//! Descriptions are plain text made from the meeting's plain fields: no HTML is written (no
//! `X-ALT-DESC`), so nothing a member typed is ever read as markup by a calendar app.

use chrono::{DateTime, TimeDelta, Utc};

use crate::i18n::{CalendarText, Lang};
use crate::ids::MeetingId;
use crate::meetings::{MeetingSettings, MeetingState};
use crate::time::china_format;

/// The product that wrote the file: Yishi, in Chinese first.
pub const PRODID: &str = "-//Yishi//Yishi//ZH";

/// The one time zone of the product (`crate::time`): China Standard Time, UTC+8.
pub const TZID: &str = "Asia/Shanghai";

/// How long a meeting is shown in a calendar until it closes. A meeting is called with its start only
/// (`MeetingSettings::starts_at`): a residents' council (居民议事会) commonly takes an evening's two
/// hours, and a closed meeting shows the time it really closed instead.
pub const DEFAULT_LENGTH: TimeDelta = TimeDelta::hours(2);

/// The longest a content line may be, in octets, without its CRLF (RFC 5545 §3.1).
pub const LINE_OCTETS: usize = 75;

/// The largest SEQUENCE an app reads: the property is an INTEGER, a signed 32-bit number (§3.3.8).
const SEQUENCE_MAX: u32 = 2_147_483_647;

/// An event's status, as calendar apps show it (a cancelled one struck through or marked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStatus {
    Confirmed,
    Cancelled,
}

impl EventStatus {
    fn as_ical(self) -> &'static str {
        match self {
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// What a calendar file is for (RFC 5546's iTIP method).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The meetings as they stand: a feed, or one meeting to add.
    Publish,
    /// The meetings listed are cancelled: a file that removes them from a calendar they were added to.
    /// Every event in it is written `STATUS:CANCELLED`, whatever its own status, since a cancellation
    /// cancels what it lists (RFC 5546 §3.2.5). No ORGANIZER is written (iTIP asks for one in a message
    /// between people; members have no calendar address here), and calendar apps that import the file
    /// act on its UID and SEQUENCE.
    Cancel,
}

impl Method {
    fn as_ical(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Cancel => "CANCEL",
        }
    }
}

/// A meeting as the calendar reads it: the parts of a stored meeting (the worker's stored meeting lends
/// them) that its event is made of.
#[derive(Clone, Copy, Debug)]
pub struct MeetingRecord<'a> {
    pub id: &'a MeetingId,
    pub settings: &'a MeetingSettings,
    /// The place it was called for, in words (「幸福里社区 3号楼」).
    pub scope_name: &'a str,
    pub state: MeetingState,
    pub closed_at: Option<DateTime<Utc>>,
    /// Raised by every change stored for the meeting (`crate::live`): the event's SEQUENCE.
    pub revision: u64,
}

/// One meeting in a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The same for the meeting in every file and every feed, so that a calendar that holds it updates
    /// it instead of adding another: `<meeting id>@<host of the app>`.
    pub uid: String,
    /// Raised whenever the meeting's time, place or status changes, so that a calendar takes the newer
    /// version over the one it holds (RFC 5545 §3.8.7.4). Written at most 2,147,483,647.
    pub sequence: u32,
    pub title: String,
    /// Plain text; line breaks are kept.
    pub description: String,
    pub location: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: EventStatus,
    /// The meeting's page in the app.
    pub url: Option<String>,
    /// When what the event shows last changed, when the record knows it.
    pub last_modified: Option<DateTime<Utc>>,
}

impl CalendarEvent {
    /// The event of a meeting, with its description in `lang`, for an app served at `base_url`
    /// (`https://yishi.example.org`).
    ///
    /// - **Sequence**: the meeting's revision. It is the one counter the record keeps that only rises,
    ///   and every change stored for the meeting raises it in the change's own batch (opening, closing, a
    ///   check-in, a ballot), so it rises whenever the time, the place or the status changes. It also
    ///   rises on changes a calendar does not show; the RFC only asks that it never falls and rises on
    ///   significant changes, and a calendar receiving a higher one merely reads the event again.
    /// - **End**: the start and [`DEFAULT_LENGTH`] while the meeting is scheduled or open; the time it
    ///   closed once closed (a closed meeting's entry then records how long it really took). Closing
    ///   raises the revision, so the calendar takes the new end.
    /// - **Last modified**: the close, which is the last change of what the event shows that the record
    ///   dates; none before it (the record keeps no date of its calling).
    /// - **Status**: confirmed. The record has no cancelled meeting; one withdrawn is marked with
    ///   [`CalendarEvent::cancelled`].
    #[must_use]
    pub fn of_meeting(meeting: &MeetingRecord<'_>, base_url: &str, lang: Lang) -> CalendarEvent {
        let settings = meeting.settings;
        let start = settings.starts_at;
        let closed = match (meeting.state, meeting.closed_at) {
            (MeetingState::Closed, Some(at)) if at > start => Some(at),
            _ => None,
        };
        let end = closed.unwrap_or_else(|| {
            start
                .checked_add_signed(DEFAULT_LENGTH)
                .unwrap_or(DateTime::<Utc>::MAX_UTC)
        });
        let url = meeting_url(base_url, meeting.id);
        let mut lines = vec![
            CalendarText::Scope(meeting.scope_name).text(lang),
            CalendarText::Agenda.text(lang),
        ];
        lines.extend(settings.agenda.iter().enumerate().map(|(i, title)| {
            CalendarText::Item {
                number: i + 1,
                title,
            }
            .text(lang)
        }));
        lines.push(String::new());
        lines.push(CalendarText::Link(&url).text(lang));
        CalendarEvent {
            uid: format!("{}@{}", meeting.id, host(base_url)),
            sequence: u32::try_from(meeting.revision).unwrap_or(u32::MAX),
            title: settings.title.clone(),
            description: lines.join("\n"),
            location: settings.place.clone(),
            start,
            end,
            status: EventStatus::Confirmed,
            url: Some(url),
            last_modified: closed,
        }
    }

    /// The event of a meeting withdrawn `at`: cancelled, its description opening with a line that says
    /// so (for calendar apps that show no status). Made from the record after the withdrawal, which
    /// raised its revision like any change, so the sequence is above that of every version published
    /// before.
    #[must_use]
    pub fn cancelled(mut self, at: DateTime<Utc>, lang: Lang) -> CalendarEvent {
        self.description = format!(
            "{}\n\n{}",
            CalendarText::Cancelled.text(lang),
            self.description
        );
        self.status = EventStatus::Cancelled;
        self.last_modified = Some(at);
        self
    }
}

/// The meeting's page in the app served at `base_url`.
#[must_use]
pub fn meeting_url(base_url: &str, id: &MeetingId) -> String {
    format!("{}/meetings/{id}", base_url.trim_end_matches('/'))
}

/// The host of `base_url`, lower case, without scheme, user, port or path: the right-hand side of every
/// UID, so that the ids stay unique among those of other calendars. `yishi` when the address has none.
fn host(base_url: &str) -> String {
    let rest = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        // An IPv6 address keeps its colons.
        host_port.split_inclusive(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    let host: String = host
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    if host.is_empty() {
        "yishi".into()
    } else {
        host.to_lowercase()
    }
}

/// A calendar named `name` (shown as the calendar's name by apps that subscribe to it) holding `events`,
/// as an `.ics` file: one meeting's, or a feed of a community's meetings.
#[must_use]
pub fn calendar(
    name: &str,
    events: &[CalendarEvent],
    method: Method,
    now: DateTime<Utc>,
) -> String {
    let mut out = Lines::default();
    out.raw("BEGIN", "VCALENDAR");
    out.raw("VERSION", "2.0");
    out.raw("PRODID", PRODID);
    out.raw("CALSCALE", "GREGORIAN");
    out.raw("METHOD", method.as_ical());
    out.text("X-WR-CALNAME", name);
    out.raw("X-WR-TIMEZONE", TZID);
    time_zone(&mut out);
    for event in events {
        write_event(&mut out, event, method, now);
    }
    out.raw("END", "VCALENDAR");
    out.0
}

/// Asia/Shanghai as the file defines it: UTC+8 all year. China has kept no daylight saving time since
/// 1991, and no meeting is dated before it; so one STANDARD rule from 1970 is the whole zone.
fn time_zone(out: &mut Lines) {
    out.raw("BEGIN", "VTIMEZONE");
    out.raw("TZID", TZID);
    out.raw("BEGIN", "STANDARD");
    out.raw("TZOFFSETFROM", "+0800");
    out.raw("TZOFFSETTO", "+0800");
    out.raw("TZNAME", "CST");
    out.raw("DTSTART", "19700101T000000");
    out.raw("END", "STANDARD");
    out.raw("END", "VTIMEZONE");
}

fn write_event(out: &mut Lines, event: &CalendarEvent, method: Method, now: DateTime<Utc>) {
    let status = match method {
        Method::Publish => event.status,
        Method::Cancel => EventStatus::Cancelled,
    };
    let zoned = format!("TZID={TZID}");
    out.raw("BEGIN", "VEVENT");
    out.text("UID", &event.uid);
    out.raw("SEQUENCE", &event.sequence.min(SEQUENCE_MAX).to_string());
    out.raw("DTSTAMP", &utc(now));
    out.param("DTSTART", &zoned, &local(event.start));
    out.param("DTEND", &zoned, &local(event.end));
    out.text("SUMMARY", &event.title);
    out.text("LOCATION", &event.location);
    out.text("DESCRIPTION", &event.description);
    if let Some(url) = &event.url {
        out.raw("URL", &uri(url));
    }
    out.raw("STATUS", status.as_ical());
    if let Some(at) = event.last_modified {
        out.raw("LAST-MODIFIED", &utc(at));
    }
    out.raw("END", "VEVENT");
}

/// A DATE-TIME in UTC (`20261205T110000Z`).
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A DATE-TIME as a clock in China shows it, for a property with `TZID=Asia/Shanghai`.
fn local(t: DateTime<Utc>) -> String {
    china_format(t, "%Y%m%dT%H%M%S")
}

/// The content lines of a file, each ended and folded as it is added.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// A property whose value is written as it is (a fixed word, a number, a time).
    fn raw(&mut self, name: &str, value: &str) {
        fold_into(&mut self.0, &format!("{name}:{value}"));
    }

    /// A property with one parameter.
    fn param(&mut self, name: &str, parameter: &str, value: &str) {
        fold_into(&mut self.0, &format!("{name};{parameter}:{value}"));
    }

    /// A TEXT property: the value escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }
}

/// Appends `line` folded at [`LINE_OCTETS`] octets and ended with CRLF. A fold goes before the character
/// that would not fit, never inside one; the space that starts a continuation line counts in it.
fn fold_into(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if octets + width > LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += width;
    }
    out.push_str("\r\n");
}

/// A character TEXT cannot hold (§3.3.11: the ASCII controls but the tab).
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

/// A TEXT value: `\`, `;` and `,` escaped with a backslash; a line break (LF, CRLF or a lone CR) written
/// `\n`; any other control character dropped.
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value (not TEXT, so not escaped): control characters and spaces, which a URI cannot hold,
/// dropped.
fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !is_control(*c) && !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::meetings::Procedure;
    use crate::votes::electorate::ElectorateRule;
    use crate::votes::tally::{Quorum, Threshold};

    const BASE: &str = "https://yishi.example.org/";

    fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, minute, 0)
            .single()
            .unwrap_or_default()
    }

    fn settings() -> MeetingSettings {
        MeetingSettings {
            title: "3号楼居民议事会".into(),
            place: "党群服务中心二楼会议室".into(),
            starts_at: at(5, 11, 0),
            electorate: ElectorateRule::Residents,
            procedure: Procedure {
                quorum: Quorum::PresentPercent { percent: 51 },
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
            },
            agenda: vec!["加装电梯".into(), "楼道堆物清理".into()],
        }
    }

    fn record<'a>(id: &'a MeetingId, settings: &'a MeetingSettings) -> MeetingRecord<'a> {
        MeetingRecord {
            id,
            settings,
            scope_name: "幸福里社区 3号楼",
            state: MeetingState::Scheduled,
            closed_at: None,
            revision: 4,
        }
    }

    fn event(title: &str, description: &str) -> CalendarEvent {
        CalendarEvent {
            uid: "m_1@yishi.example.org".into(),
            sequence: 0,
            title: title.into(),
            description: description.into(),
            location: "会议室".into(),
            start: at(5, 11, 0),
            end: at(5, 13, 0),
            status: EventStatus::Confirmed,
            url: None,
            last_modified: None,
        }
    }

    fn one(event: CalendarEvent) -> String {
        calendar("会议", &[event], Method::Publish, at(1, 2, 0))
    }

    /// The file's logical lines: continuation lines joined again (§3.1).
    fn unfold(file: &str) -> Vec<String> {
        file.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    /// A TEXT value read back, as a calendar app reads it.
    fn unescape(value: &str) -> Option<String> {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next()? {
                'n' | 'N' => out.push('\n'),
                c @ ('\\' | ';' | ',') => out.push(c),
                _ => return None,
            }
        }
        Some(out)
    }

    /// The value of the first property `name` of the file, unescaped.
    fn value(file: &str, name: &str) -> Option<String> {
        let prefix = format!("{name}:");
        unfold(file)
            .iter()
            .find_map(|l| l.strip_prefix(&prefix).map(String::from))
            .and_then(|v| unescape(&v))
    }

    /// The names of the file's properties, in order.
    fn names(file: &str) -> Vec<String> {
        unfold(file)
            .iter()
            .map(|l| l.split([':', ';']).next().unwrap_or_default().to_owned())
            .collect()
    }

    /// What a TEXT value keeps of any text: line breaks as LF, no other control character but the tab.
    fn kept(text: &str) -> String {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !is_control(*c) || *c == '\n')
            .collect()
    }

    #[test]
    fn a_feed_is_written_exactly() {
        let mut e = event("3号楼居民议事会", "议事清单：\n1. 加装电梯");
        e.url = Some("https://yishi.example.org/meetings/m_1".into());
        e.last_modified = Some(at(2, 3, 4));
        let file = one(e);
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Yishi//Yishi//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:会议",
            "X-WR-TIMEZONE:Asia/Shanghai",
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Shanghai",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0800",
            "TZOFFSETTO:+0800",
            "TZNAME:CST",
            "DTSTART:19700101T000000",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:m_1@yishi.example.org",
            "SEQUENCE:0",
            "DTSTAMP:20261201T020000Z",
            "DTSTART;TZID=Asia/Shanghai:20261205T190000",
            "DTEND;TZID=Asia/Shanghai:20261205T210000",
            "SUMMARY:3号楼居民议事会",
            "LOCATION:会议室",
            "DESCRIPTION:议事清单：\\n1. 加装电梯",
            "URL:https://yishi.example.org/meetings/m_1",
            "STATUS:CONFIRMED",
            "LAST-MODIFIED:20261202T030400Z",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(file, expected);
    }

    #[test]
    fn every_line_ends_in_crlf_and_nothing_else_breaks_one() {
        let file = one(event("甲\n乙\r\n丙\r丁", "a\rb\n\nc"));
        assert!(file.ends_with("\r\n"));
        let bytes = file.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                assert_eq!(bytes.get(i.wrapping_sub(1)), Some(&b'\r'), "bare LF at {i}");
            }
            if *b == b'\r' {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
            }
        }
        assert_eq!(value(&file, "SUMMARY").as_deref(), Some("甲\n乙\n丙\n丁"));
        assert_eq!(value(&file, "DESCRIPTION").as_deref(), Some("a\nb\n\nc"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_never_inside_a_character() {
        // ASCII: "SUMMARY:" and 67 letters fill the first line; a continuation holds a space and 74, and
        // the last the 59 left of 200.
        let file = one(event(&"a".repeat(200), ""));
        let summary: Vec<&str> = file
            .split("\r\n")
            .skip_while(|l| !l.starts_with("SUMMARY:"))
            .take_while(|l| !l.starts_with("LOCATION:"))
            .collect();
        assert_eq!(
            summary.iter().map(|l| l.len()).collect::<Vec<_>>(),
            [75, 75, 60]
        );
        assert!(summary.iter().skip(1).all(|l| l.starts_with(' ')));
        // Chinese: 8 + 22 × 3 = 74 octets; the 23rd character would make 77, so it starts the next line.
        let file = one(event(&"议".repeat(30), ""));
        let lines: Vec<&str> = file
            .split("\r\n")
            .skip_while(|l| !l.starts_with("SUMMARY:"))
            .take(2)
            .collect();
        assert_eq!(
            lines,
            [
                format!("SUMMARY:{}", "议".repeat(22)),
                format!(" {}", "议".repeat(8))
            ]
        );
        // Four-octet emoji after an odd offset.
        let file = one(event(&format!("x{}", "😀".repeat(40)), ""));
        for line in file.split("\r\n") {
            assert!(line.len() <= LINE_OCTETS, "{line}");
        }
        assert_eq!(
            value(&file, "SUMMARY"),
            Some(format!("x{}", "😀".repeat(40)))
        );
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
        let file = one(event(r"a,b;c\d:e", "一\n二，三；四\\n"));
        let lines = unfold(&file);
        assert!(lines.contains(&r"SUMMARY:a\,b\;c\\d:e".to_owned()));
        assert!(lines.contains(&r"DESCRIPTION:一\n二，三；四\\n".to_owned()));
        assert_eq!(value(&file, "SUMMARY").as_deref(), Some(r"a,b;c\d:e"));
        assert_eq!(
            value(&file, "DESCRIPTION").as_deref(),
            Some("一\n二，三；四\\n")
        );
        // The calendar's name and the UID are TEXT too.
        let file = calendar("A,B", &[], Method::Publish, at(1, 0, 0));
        assert!(unfold(&file).contains(&r"X-WR-CALNAME:A\,B".to_owned()));
    }

    #[test]
    fn no_value_can_start_a_property_of_its_own() {
        let mut e = event(
            "会\r\nSTATUS:CANCELLED",
            "x\nEND:VEVENT\r\nBEGIN:VEVENT\u{0}\u{7}\u{1b}",
        );
        e.location = "a\u{b}b\tc".into();
        e.url = Some("https://x.example/\r\nSTATUS:CANCELLED m".into());
        let file = one(e);
        let lines = unfold(&file);
        assert_eq!(lines.iter().filter(|l| l.starts_with("STATUS:")).count(), 1);
        assert!(lines.contains(&"STATUS:CONFIRMED".to_owned()));
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
        assert_eq!(value(&file, "LOCATION").as_deref(), Some("ab\tc"));
        assert!(lines.contains(&"URL:https://x.example/STATUS:CANCELLEDm".to_owned()));
        assert!(!file.contains('\u{0}') && !file.contains('\u{1b}'));
    }

    #[test]
    fn what_members_type_is_text_never_markup() {
        let typed = "<b>加装电梯</b> <a href=\"javascript:x\">议</a>";
        let file = one(event(typed, typed));
        assert_eq!(value(&file, "SUMMARY").as_deref(), Some(typed));
        assert_eq!(value(&file, "DESCRIPTION").as_deref(), Some(typed));
        // No HTML form of the description, and no parameter that would make a calendar read one.
        assert!(
            !file.contains("X-ALT-DESC") && !file.contains("FMTTYPE") && !file.contains("ALTREP")
        );
    }

    #[test]
    fn times_are_shanghai_wall_clock_and_the_stamp_is_utc() {
        // 16:30 UTC on New Year's Eve is half past midnight on New Year's Day in China.
        let mut e = event("跨年", "");
        e.start = at(31, 16, 30);
        e.end = at(31, 18, 0);
        let file = calendar("会议", &[e], Method::Publish, at(31, 23, 59));
        let lines = unfold(&file);
        for line in [
            "DTSTART;TZID=Asia/Shanghai:20270101T003000",
            "DTEND;TZID=Asia/Shanghai:20270101T020000",
            "DTSTAMP:20261231T235900Z",
        ] {
            assert!(lines.contains(&line.to_owned()), "{line}");
        }
    }

    #[test]
    fn a_meeting_becomes_an_event_with_its_title_place_agenda_and_page() {
        let (id, s) = (MeetingId::from_trusted("m_01"), settings());
        let e = CalendarEvent::of_meeting(&record(&id, &s), BASE, Lang::ZhCn);
        assert_eq!(e.uid, "m_01@yishi.example.org");
        assert_eq!(e.sequence, 4);
        assert_eq!(e.title, "3号楼居民议事会");
        assert_eq!(e.location, "党群服务中心二楼会议室");
        assert_eq!((e.start, e.end), (at(5, 11, 0), at(5, 13, 0)));
        assert_eq!(e.status, EventStatus::Confirmed);
        assert_eq!(
            e.url.as_deref(),
            Some("https://yishi.example.org/meetings/m_01")
        );
        assert_eq!(e.last_modified, None);
        assert_eq!(
            e.description,
            "范围：幸福里社区 3号楼\n议事清单：\n1. 加装电梯\n2. 楼道堆物清理\n\n\
             详情与签到：https://yishi.example.org/meetings/m_01"
        );
        let en = CalendarEvent::of_meeting(&record(&id, &s), BASE, Lang::En);
        assert_eq!(
            en.description,
            "For: 幸福里社区 3号楼\nAgenda:\n1. 加装电梯\n2. 楼道堆物清理\n\n\
             Details and check-in: https://yishi.example.org/meetings/m_01"
        );
    }

    #[test]
    fn the_uid_is_the_meeting_at_the_apps_host_whatever_the_address_looks_like() {
        let id = MeetingId::from_trusted("m_01");
        let s = settings();
        for base in [
            "https://yishi.example.org",
            "https://Yishi.Example.org/",
            "https://yishi.example.org:8443/app/",
            "http://user@yishi.example.org?x#y",
            "yishi.example.org",
        ] {
            let e = CalendarEvent::of_meeting(&record(&id, &s), base, Lang::ZhCn);
            assert_eq!(e.uid, "m_01@yishi.example.org", "{base}");
        }
        assert_eq!(host("http://[::1]:8787"), "[::1]");
        assert_eq!(host(""), "yishi");
        assert_eq!(
            meeting_url("http://localhost:8787/", &id),
            "http://localhost:8787/meetings/m_01"
        );
    }

    #[test]
    fn the_sequence_rises_with_every_change_of_time_place_or_status() {
        let id = MeetingId::from_trusted("m_01");
        let s = settings();
        let scheduled = record(&id, &s);
        // Opening and closing are stored changes: each raises the revision, and so the sequence.
        let open = MeetingRecord {
            state: MeetingState::Open,
            revision: 5,
            ..scheduled
        };
        let closed = MeetingRecord {
            state: MeetingState::Closed,
            closed_at: Some(at(5, 12, 40)),
            revision: 9,
            ..scheduled
        };
        let versions =
            [scheduled, open, closed].map(|r| CalendarEvent::of_meeting(&r, BASE, Lang::ZhCn));
        assert!(versions.windows(2).all(|w| w[0].sequence < w[1].sequence));
        assert!(versions.iter().all(|e| e.uid == versions[0].uid));
        // Once closed it shows how long it took, and when that became known.
        assert_eq!(versions[2].end, at(5, 12, 40));
        assert_eq!(versions[2].last_modified, Some(at(5, 12, 40)));
        // A close recorded before the start (a clock gone wrong) leaves the default length.
        let early = MeetingRecord {
            closed_at: Some(at(5, 10, 0)),
            ..closed
        };
        assert_eq!(
            CalendarEvent::of_meeting(&early, BASE, Lang::ZhCn).end,
            at(5, 13, 0)
        );
        // A revision past what SEQUENCE holds is written as its largest value.
        let huge = MeetingRecord {
            revision: u64::MAX,
            ..scheduled
        };
        let file = one(CalendarEvent::of_meeting(&huge, BASE, Lang::ZhCn));
        assert!(unfold(&file).contains(&"SEQUENCE:2147483647".to_owned()));
    }

    #[test]
    fn a_cancelled_meeting_says_so_in_its_status_and_its_words() {
        let id = MeetingId::from_trusted("m_01");
        let s = settings();
        let e = CalendarEvent::of_meeting(&record(&id, &s), BASE, Lang::ZhCn)
            .cancelled(at(3, 8, 0), Lang::ZhCn);
        assert_eq!(e.status, EventStatus::Cancelled);
        assert_eq!(e.last_modified, Some(at(3, 8, 0)));
        assert!(e.description.starts_with("本次会议已取消。\n\n范围："));
        let feed = calendar("会议", &[e], Method::Publish, at(3, 8, 0));
        assert!(unfold(&feed).contains(&"STATUS:CANCELLED".to_owned()));
        assert!(unfold(&feed).contains(&"METHOD:PUBLISH".to_owned()));
        let en = CalendarEvent::of_meeting(&record(&id, &s), BASE, Lang::En)
            .cancelled(at(3, 8, 0), Lang::En);
        assert!(en.description.starts_with("This meeting is cancelled.\n\n"));
    }

    #[test]
    fn a_cancel_file_cancels_every_event_it_lists() {
        let file = calendar(
            "会议",
            &[event("甲", ""), event("乙", "")],
            Method::Cancel,
            at(3, 8, 0),
        );
        let lines = unfold(&file);
        assert!(lines.contains(&"METHOD:CANCEL".to_owned()));
        assert_eq!(lines.iter().filter(|l| *l == "STATUS:CANCELLED").count(), 2);
        assert!(!lines.iter().any(|l| l == "STATUS:CONFIRMED"));
    }

    #[test]
    fn english_descriptions_add_no_chinese_of_their_own() {
        for text in [
            CalendarText::Feed("x"),
            CalendarText::Scope("x"),
            CalendarText::Agenda,
            CalendarText::Item {
                number: 1,
                title: "x",
            },
            CalendarText::Link("x"),
            CalendarText::Cancelled,
        ] {
            let en = text.text(Lang::En);
            assert!(en.is_ascii(), "{en}");
            assert!(!text.text(Lang::ZhCn).is_empty());
        }
        assert_eq!(
            CalendarText::Feed("幸福里社区").text(Lang::ZhCn),
            "幸福里社区的会议"
        );
    }

    /// Titles and descriptions as members type them: Chinese, emoji, the characters TEXT escapes, line
    /// breaks of every kind, and sometimes any character at all.
    fn typed() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z 议事会加装电梯，；、😀👨‍👩‍👧,;:\\\\\n\r\t\"]{0,200}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any title and description: every line within 75 octets and whole UTF-8 on its own, every
        /// continuation starting with a space, and the values read back as typed (line breaks as LF,
        /// control characters TEXT cannot hold left out).
        #[test]
        fn any_text_folds_within_75_octets_and_reads_back(
            title in typed(),
            description in typed(),
            location in typed(),
            name in typed(),
        ) {
            let mut e = event(&title, &description);
            e.location.clone_from(&location);
            let file = calendar(&name, &[e], Method::Publish, at(1, 2, 0));
            let bytes = file.as_bytes();
            prop_assert!(bytes.ends_with(b"\r\n"));
            let raw_lines: Vec<&[u8]> = bytes[..bytes.len() - 1]
                .split(|b| *b == b'\n')
                .collect();
            for (i, line) in raw_lines.iter().enumerate() {
                let line = line.strip_suffix(b"\r");
                prop_assert!(line.is_some(), "line {} has no CR before its LF", i);
                let line = line.unwrap_or_default();
                prop_assert!(line.len() <= LINE_OCTETS, "line {} has {} octets", i, line.len());
                prop_assert!(std::str::from_utf8(line).is_ok(), "line {} splits a character", i);
                prop_assert!(!line.contains(&b'\r'));
                prop_assert!(!line.is_empty(), "empty line {}", i);
            }
            prop_assert_eq!(value(&file, "SUMMARY"), Some(kept(&title)));
            prop_assert_eq!(value(&file, "DESCRIPTION"), Some(kept(&description)));
            prop_assert_eq!(value(&file, "LOCATION"), Some(kept(&location)));
            prop_assert_eq!(value(&file, "X-WR-CALNAME"), Some(kept(&name)));
            // No value started a line of its own: the file holds the properties of any other.
            prop_assert_eq!(names(&file), names(&one(event("t", "d"))));
        }

        /// Text without control characters (but line breaks and tabs) reads back exactly.
        #[test]
        fn text_without_controls_reads_back_exactly(
            title in "[^\u{0}-\u{8}\u{b}-\u{1f}\u{7f}]{0,160}",
        ) {
            let file = one(event(&title, &title));
            prop_assert_eq!(value(&file, "SUMMARY"), Some(title.clone()));
            prop_assert_eq!(value(&file, "DESCRIPTION"), Some(title));
        }
    }
}
