//! The minutes (会议纪要) of a meeting, written from its record when the chair closes it: when and where,
//! who came, and for each agenda item who spoke and what was decided, with the figures. The words are
//! the i18n layer's ([`MinutesText`]), in the reader's language; times are China time, as the room's
//! clock shows them ([`crate::time`]). The secretary may edit the text before it is published as a
//! notice ([`notice_title`]).

use chrono::{DateTime, Utc};

use super::SpeakerState;
use crate::i18n::{Lang, MinutesText};
use crate::time::china_format;
use crate::votes::poll::{PollResult, PollSettings, result_text};

/// What the record holds when the meeting closes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRecord {
    pub title: String,
    pub place: String,
    pub scope_name: String,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Voters invited.
    pub eligible: u64,
    /// Who came, in order of arrival.
    pub attendance: Vec<Attendance>,
    /// The agenda in order: each item's position and title.
    pub agenda: Vec<(u32, String)>,
    /// Requests to speak, in the order they were made.
    pub speakers: Vec<SpeakerRecord>,
    /// Motions, in the order they were put.
    pub motions: Vec<MotionRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendance {
    pub name: String,
    pub arrived_at: DateTime<Utc>,
    pub left_at: Option<DateTime<Utc>>,
    /// Checked in by staff (代签到), with the reason.
    pub on_behalf: Option<String>,
}

/// A request to speak, on an agenda item (by position) or outside the agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerRecord {
    pub item: Option<u32>,
    pub name: String,
    pub state: SpeakerState,
}

/// A motion put to the vote, on an agenda item (by position) or outside the agenda, with its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MotionRecord {
    pub item: Option<u32>,
    pub settings: PollSettings,
    pub result: PollResult,
    pub participated: u64,
    /// Voters present when it was put: the base of its figures.
    pub present: u64,
    /// The chair put it without a quorum, for this reason.
    pub quorum_override: Option<String>,
}

/// One heading of the minutes: an agenda item, or the other business.
struct Heading {
    title: String,
    speakers: Vec<String>,
    motions: Vec<Decided>,
}

/// A motion as the minutes tell it.
struct Decided {
    title: String,
    /// The vote's result in plain words, without the notice's closing line about the ballot list.
    result: String,
    quorum_override: Option<String>,
}

/// Those who had the floor: their turn ended, or it was running when the meeting closed.
fn spoke(s: &SpeakerRecord) -> bool {
    matches!(s.state, SpeakerState::Done | SpeakerState::Speaking)
}

/// The agenda's items with who spoke and what was decided on each, then the other business when
/// anything happened outside the agenda.
fn headings(record: &MeetingRecord, lang: Lang) -> Vec<Heading> {
    let spoke_on = |item: Option<u32>| -> Vec<String> {
        record
            .speakers
            .iter()
            .filter(|s| s.item == item && spoke(s))
            .map(|s| s.name.clone())
            .collect()
    };
    let mut items: Vec<Heading> = record
        .agenda
        .iter()
        .map(|(position, title)| Heading {
            title: title.clone(),
            speakers: spoke_on(Some(*position)),
            motions: Vec::new(),
        })
        .collect();
    let mut other = Heading {
        title: MinutesText::OtherBusiness.text(lang),
        speakers: spoke_on(None),
        motions: Vec::new(),
    };
    for motion in &record.motions {
        let (_, text) = result_text(
            &motion.settings,
            &motion.result,
            motion.participated,
            motion.present,
            lang,
        );
        let decided = Decided {
            title: motion.settings.title.clone(),
            result: text
                .lines()
                .take(text.lines().count().saturating_sub(1))
                .collect::<Vec<_>>()
                .join("\n"),
            quorum_override: motion.quorum_override.clone(),
        };
        let on_item = motion
            .item
            .and_then(|p| {
                record
                    .agenda
                    .iter()
                    .position(|(position, _)| *position == p)
            })
            .and_then(|i| items.get_mut(i));
        match on_item {
            Some(item) => item.motions.push(decided),
            None => other.motions.push(decided),
        }
    }
    if !other.motions.is_empty() || !other.speakers.is_empty() {
        items.push(other);
    }
    items
}

/// The minutes in plain text, in `lang`.
#[must_use]
pub fn minutes_text(record: &MeetingRecord, lang: Lang) -> String {
    let word = |t: MinutesText<'_>| t.text(lang);
    let time = |t: &Option<DateTime<Utc>>| match t {
        Some(t) => china_format(*t, "%Y-%m-%d %H:%M"),
        None => word(MinutesText::NoTime),
    };
    let clock = |t: DateTime<Utc>| china_format(t, "%H:%M");
    let mut out: Vec<String> = vec![
        word(MinutesText::Meeting(&record.title)),
        word(MinutesText::Scope(&record.scope_name)),
        word(MinutesText::Place(&record.place)),
        word(MinutesText::Time {
            from: &time(&record.opened_at),
            to: &time(&record.closed_at),
        }),
        word(MinutesText::Turnout {
            present: record.attendance.len(),
            eligible: record.eligible,
        }),
    ];
    if !record.attendance.is_empty() {
        let names: Vec<String> = record
            .attendance
            .iter()
            .map(|a| {
                let mut notes = vec![word(MinutesText::Arrived(&clock(a.arrived_at)))];
                if a.on_behalf.is_some() {
                    notes.push(word(MinutesText::CheckedInByStaff));
                }
                // Everyone still there leaves when the meeting closes: only earlier departures count.
                if let Some(left) = a.left_at.filter(|l| Some(*l) != record.closed_at) {
                    notes.push(word(MinutesText::Left(&clock(left))));
                }
                word(MinutesText::Attendee {
                    name: &a.name,
                    notes: &notes,
                })
            })
            .collect();
        out.push(word(MinutesText::Present(&names)));
    }
    for (n, item) in headings(record, lang).iter().enumerate() {
        out.push(String::new());
        out.push(word(MinutesText::Item {
            number: n + 1,
            title: &item.title,
        }));
        if !item.speakers.is_empty() {
            out.push(word(MinutesText::Speakers(&item.speakers)));
        }
        for motion in &item.motions {
            out.push(word(MinutesText::Motion(&motion.title)));
            if let Some(reason) = &motion.quorum_override {
                out.push(word(MinutesText::WithoutQuorum(reason)));
            }
            out.push(motion.result.clone());
        }
        if item.motions.is_empty() && item.speakers.is_empty() {
            out.push(word(MinutesText::NotDiscussed));
        }
    }
    out.join("\n")
}

/// The title of the notice that publishes the minutes of the meeting `title`, within a notice's length.
#[must_use]
pub fn notice_title(title: &str, lang: Lang) -> String {
    MinutesText::NoticeTitle(title)
        .text(lang)
        .chars()
        .take(crate::notices::TITLE_MAX)
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::time::china;
    use crate::votes::electorate::ElectorateRule;
    use crate::votes::poll::{ResultsShown, Secrecy, count};
    use crate::votes::tally::{
        Ballot, Choice, Method, Quorum, Rules, Threshold, TieBreak, Turnout,
    };

    /// 5 December 2026 at `hour:minute`, China time.
    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        china()
            .with_ymd_and_hms(2026, 12, 5, hour, minute, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    /// A yes/no motion with two yes votes of two present.
    fn motion(item: Option<u32>, title: &str, quorum_override: Option<&str>) -> MotionRecord {
        let settings = PollSettings {
            title: title.into(),
            options: vec![],
            method: Method::YesNo,
            rules: Rules {
                quorum: Quorum::None,
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
                double_majority: false,
            },
            tie_break: TieBreak::NoWinner,
            electorate: ElectorateRule::Residents,
            secrecy: Secrecy::Named,
            results: ResultsShown::AfterClose,
            changeable: false,
            max_proxies: 0,
            opens_at: at(19, 30),
            closes_at: at(23, 30),
        };
        let yes = Ballot {
            choice: Choice::Yes,
            weight: 1,
        };
        let result = count(&settings, &[yes.clone(), yes], Turnout::of(2, 2));
        MotionRecord {
            item,
            settings,
            result,
            participated: 2,
            present: 2,
            quorum_override: quorum_override.map(Into::into),
        }
    }

    fn speaker(item: Option<u32>, name: &str, state: SpeakerState) -> SpeakerRecord {
        SpeakerRecord {
            item,
            name: name.into(),
            state,
        }
    }

    fn record() -> MeetingRecord {
        MeetingRecord {
            title: "3号楼居民议事会".into(),
            place: "会议室".into(),
            scope_name: "阳光小区 3号楼".into(),
            opened_at: Some(at(19, 0)),
            closed_at: Some(at(20, 30)),
            eligible: 20,
            attendance: vec![
                Attendance {
                    name: "杜国强".into(),
                    arrived_at: at(18, 55),
                    left_at: Some(at(20, 30)),
                    on_behalf: None,
                },
                Attendance {
                    name: "何桂英".into(),
                    arrived_at: at(19, 2),
                    left_at: Some(at(20, 0)),
                    on_behalf: Some("老人没有手机".into()),
                },
            ],
            agenda: vec![(0, "加装电梯".into()), (1, "楼道堆物".into())],
            speakers: vec![
                speaker(Some(0), "杜国强", SpeakerState::Done),
                speaker(Some(0), "何桂英", SpeakerState::Withdrawn),
                speaker(Some(1), "王芳", SpeakerState::Waiting),
            ],
            motions: vec![motion(Some(0), "同意加装电梯", Some("事情紧急"))],
        }
    }

    #[test]
    fn minutes_say_who_came_who_spoke_and_what_was_decided() {
        // Word for word what the minutes said before they were written in core.
        assert_eq!(
            minutes_text(&record(), Lang::ZhCn),
            "会议：3号楼居民议事会\n范围：阳光小区 3号楼\n地点：会议室\n\
             时间：2026-12-05 19:00 至 2026-12-05 20:30\n应到 20 人，实到 2 人。\n\
             出席：杜国强（18:55 到）、何桂英（19:02 到，代签到，20:00 离场）\n\n\
             议题1：加装电梯\n发言：杜国强\n表决：同意加装电梯\n\
             （未达到法定人数，主持人决定照常表决，理由：事情紧急）\n\
             应投 2 票，实投 2 票。\n赞成 2 票，反对 0 票，弃权 0 票。\n结果：通过。\n\n\
             议题2：楼道堆物\n（未讨论）"
        );
        assert_eq!(
            minutes_text(&record(), Lang::En),
            "Meeting: 3号楼居民议事会\nFor: 阳光小区 3号楼\nPlace: 会议室\n\
             Time: 2026-12-05 19:00 to 2026-12-05 20:30\n2 of 20 invited attended.\n\
             Present: 杜国强 (came 18:55), 何桂英 (came 19:02, checked in by staff, left 20:00)\n\n\
             Item 1: 加装电梯\nSpeakers: 杜国强\nMotion: 同意加装电梯\n\
             (Put without a quorum; the chair's reason: 事情紧急)\n\
             2 of 2 voters took part.\nYes 2, no 0, abstain 0.\nOutcome: adopted.\n\n\
             Item 2: 楼道堆物\n(Not discussed.)"
        );
    }

    #[test]
    fn what_happened_outside_the_agenda_is_other_business() {
        let mut r = record();
        r.speakers
            .push(speaker(None, "李明", SpeakerState::Speaking));
        r.motions.push(motion(None, "下次会议改到周六", None));
        // A motion on an item the agenda does not have is other business too.
        r.motions.push(motion(Some(7), "增设电动车充电桩", None));
        let text = minutes_text(&r, Lang::ZhCn);
        let other = text.split("\n\n").last().unwrap_or_default();
        assert!(other.starts_with("议题3：其他事项\n发言：李明\n表决：下次会议改到周六\n"));
        assert!(other.contains("表决：增设电动车充电桩\n"));
        assert!(!other.contains("理由"));
        assert!(minutes_text(&r, Lang::En).contains("Item 3: Other business\nSpeakers: 李明"));
    }

    #[test]
    fn a_meeting_nobody_came_to() {
        let r = MeetingRecord {
            opened_at: None,
            closed_at: None,
            attendance: vec![],
            speakers: vec![],
            motions: vec![],
            ..record()
        };
        assert_eq!(
            minutes_text(&r, Lang::ZhCn),
            "会议：3号楼居民议事会\n范围：阳光小区 3号楼\n地点：会议室\n时间：— 至 —\n\
             应到 20 人，实到 0 人。\n\n议题1：加装电梯\n（未讨论）\n\n议题2：楼道堆物\n（未讨论）"
        );
    }

    #[test]
    fn the_notice_title_fits_a_notice() {
        assert_eq!(
            notice_title("3号楼居民议事会", Lang::ZhCn),
            "会议纪要：3号楼居民议事会"
        );
        assert_eq!(notice_title("Block 3", Lang::En), "Minutes: Block 3");
        let long = "议".repeat(crate::notices::TITLE_MAX);
        assert_eq!(
            notice_title(&long, Lang::ZhCn).chars().count(),
            crate::notices::TITLE_MAX
        );
    }
}
