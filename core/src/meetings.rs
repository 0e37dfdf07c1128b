//! Deliberation meetings (居民议事会): their settings and agenda (议事清单), the order in which a chair
//! moves through them, presence and quorum, the speakers' queue, putting a motion to the vote, and the
//! minutes (会议纪要) written from what happened. Motions are votes of the voting engine; this module only
//! decides when one may be put and with which rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::i18n::Lang;
use crate::members::normalize_reason;
use crate::text::clean_line;
use crate::votes::electorate::ElectorateRule;
use crate::votes::tally::{Quorum, Threshold, Turnout};

pub const TITLE_MAX: usize = 80;
pub const PLACE_MAX: usize = 80;
pub const ITEM_MAX: usize = 80;
pub const ITEMS_MAX: usize = 30;
/// Longest time a chair may give a speaker, in seconds.
pub const FLOOR_MAX_SECONDS: u32 = 30 * 60;

/// The rules of procedure (议事规则) of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Procedure {
    /// Who must be present for motions to be put: none, or a presence quorum.
    pub quorum: Quorum,
    /// The default majority of its motions.
    pub threshold: Threshold,
    pub count_abstentions: bool,
}

/// Everything fixed when a meeting is called.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingSettings {
    pub title: String,
    /// Where it is held, e.g. 「社区党群服务中心二楼会议室」.
    pub place: String,
    pub starts_at: DateTime<Utc>,
    /// Who is invited and votes: residents of the scope, its households, or the resident
    /// representatives.
    pub electorate: ElectorateRule,
    pub procedure: Procedure,
    /// The agenda's items, in order.
    pub agenda: Vec<String>,
}

impl MeetingSettings {
    /// Checks and cleans the settings: a title and a place, one to [`ITEMS_MAX`] agenda items, and a
    /// quorum counted on those present (a meeting's quorum is about who came).
    pub fn validate(mut self) -> DomainResult<MeetingSettings> {
        self.title = clean_line(&self.title, Field::Title, TITLE_MAX)?;
        self.place = clean_line(&self.place, Field::Place, PLACE_MAX)?;
        self.agenda = self
            .agenda
            .iter()
            .map(|item| clean_line(item, Field::Agenda, ITEM_MAX))
            .collect::<DomainResult<_>>()?;
        if self.agenda.is_empty() || self.agenda.len() > ITEMS_MAX {
            return Err(DomainError::OutOfRange {
                field: Field::Agenda,
                min: 1,
                max: ITEMS_MAX as u32,
            });
        }
        match self.procedure.quorum {
            Quorum::None
            | Quorum::PresentCount { .. }
            | Quorum::PresentPercent { percent: 1..=100 } => {}
            _ => {
                return Err(DomainError::Invalid {
                    field: Field::Rules,
                });
            }
        }
        Ok(self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    Scheduled,
    Open,
    Closed,
}

impl MeetingState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingState::Scheduled => "scheduled",
            MeetingState::Open => "open",
            MeetingState::Closed => "closed",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<MeetingState> {
        match s {
            "scheduled" => Some(MeetingState::Scheduled),
            "open" => Some(MeetingState::Open),
            "closed" => Some(MeetingState::Closed),
            _ => None,
        }
    }

    /// The state after the chair opens (`true`) or closes (`false`) the meeting.
    pub fn next(self, open: bool) -> DomainResult<MeetingState> {
        match (self, open) {
            (MeetingState::Scheduled, true) => Ok(MeetingState::Open),
            (MeetingState::Open, false) => Ok(MeetingState::Closed),
            (MeetingState::Closed, _) => Err(DomainError::MeetingClosed),
            _ => Err(DomainError::MeetingNotOpen),
        }
    }

    /// People check in and out, speak and vote only while the meeting is open.
    pub fn require_open(self) -> DomainResult<()> {
        match self {
            MeetingState::Open => Ok(()),
            MeetingState::Closed => Err(DomainError::MeetingClosed),
            MeetingState::Scheduled => Err(DomainError::MeetingNotOpen),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    Pending,
    Open,
    Done,
}

impl ItemState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Pending => "pending",
            ItemState::Open => "open",
            ItemState::Done => "done",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<ItemState> {
        match s {
            "pending" => Some(ItemState::Pending),
            "open" => Some(ItemState::Open),
            "done" => Some(ItemState::Done),
            _ => None,
        }
    }
}

/// Opening item `index` of an agenda whose items are in `states`: the meeting is open, the item is not
/// done, and any other open item is closed first (the answer lists the items whose state changes).
pub fn open_item(
    meeting: MeetingState,
    states: &[ItemState],
    index: usize,
) -> DomainResult<Vec<(usize, ItemState)>> {
    meeting.require_open()?;
    match states.get(index) {
        None => Err(DomainError::NotFound {
            entity: crate::error::Entity::AgendaItem,
        }),
        Some(ItemState::Done) => Err(DomainError::ItemDone),
        Some(ItemState::Open) => Ok(Vec::new()),
        Some(ItemState::Pending) => {
            let mut changes: Vec<(usize, ItemState)> = states
                .iter()
                .enumerate()
                .filter(|(_, s)| **s == ItemState::Open)
                .map(|(i, _)| (i, ItemState::Done))
                .collect();
            changes.push((index, ItemState::Open));
            Ok(changes)
        }
    }
}

/// Whether the presence quorum is met with `present` of `eligible` voters checked in.
#[must_use]
pub fn quorum_met(quorum: Quorum, present: u64, eligible: u64) -> bool {
    Turnout {
        eligible,
        eligible_weight: 0,
        present: Some(present),
    }
    .meets(quorum, present)
}

/// Whether a motion may be put now: with the quorum met, yes; without it, only when the chair gives a
/// reason, which the minutes record (the motion is then counted without a quorum rule).
pub fn may_put_motion(
    quorum_met: bool,
    override_reason: Option<&str>,
) -> DomainResult<Option<String>> {
    match (quorum_met, override_reason) {
        (true, _) => Ok(None),
        (false, Some(reason)) if !reason.trim().is_empty() => normalize_reason(reason).map(Some),
        (false, _) => Err(DomainError::QuorumNotMet),
    }
}

/// The state of a request to speak (申请发言).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpeakerState {
    Waiting,
    Speaking,
    Done,
    Withdrawn,
}

impl SpeakerState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerState::Waiting => "waiting",
            SpeakerState::Speaking => "speaking",
            SpeakerState::Done => "done",
            SpeakerState::Withdrawn => "withdrawn",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<SpeakerState> {
        match s {
            "waiting" => Some(SpeakerState::Waiting),
            "speaking" => Some(SpeakerState::Speaking),
            "done" => Some(SpeakerState::Done),
            "withdrawn" => Some(SpeakerState::Withdrawn),
            _ => None,
        }
    }

    /// The chair gives the floor (`Speaking`), ends a turn (`Done`), or the speaker withdraws.
    pub fn move_to(self, next: SpeakerState) -> DomainResult<SpeakerState> {
        use SpeakerState::{Done, Speaking, Waiting, Withdrawn};
        match (self, next) {
            (Waiting, Speaking | Withdrawn) | (Speaking, Done) => Ok(next),
            _ => Err(DomainError::Invalid {
                field: Field::Speaker,
            }),
        }
    }
}

/// The countdown a chair may give a speaker: 1 second to [`FLOOR_MAX_SECONDS`], or none.
pub fn check_floor_seconds(seconds: Option<u32>) -> DomainResult<Option<u32>> {
    match seconds {
        Some(s) if s == 0 || s > FLOOR_MAX_SECONDS => Err(DomainError::OutOfRange {
            field: Field::Seconds,
            min: 1,
            max: FLOOR_MAX_SECONDS,
        }),
        other => Ok(other),
    }
}

/// What the minutes are written from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecord {
    pub title: String,
    pub place: String,
    pub scope_name: String,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub eligible: u64,
    /// Who came, in order of arrival: name, arrival, departure.
    pub attendance: Vec<Attendance>,
    pub items: Vec<ItemRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub name: String,
    pub arrived_at: DateTime<Utc>,
    pub left_at: Option<DateTime<Utc>>,
    /// Checked in by staff (代签到), with the reason.
    pub on_behalf: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub title: String,
    pub speakers: Vec<String>,
    pub motions: Vec<MotionRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotionRecord {
    pub title: String,
    /// The result in plain words (the voting engine's result text, without its title).
    pub result: String,
    /// The chair put it without a quorum, for this reason.
    pub quorum_override: Option<String>,
}

/// The minutes (会议纪要) in plain text, in the meeting's language: when and where, who came, and for
/// each item who spoke and what was decided with the figures. The secretary may edit them before they
/// are approved and published.
#[must_use]
pub fn minutes_text(
    record: &MeetingRecord,
    lang: Lang,
    time: impl Fn(&DateTime<Utc>) -> String,
    clock: impl Fn(&DateTime<Utc>) -> String,
) -> String {
    let zh = lang == Lang::ZhCn;
    let mut out: Vec<String> = Vec::new();
    let when = |t: &Option<DateTime<Utc>>| t.as_ref().map(&time).unwrap_or_else(|| "—".into());
    if zh {
        out.push(format!("会议：{}", record.title));
        out.push(format!("范围：{}", record.scope_name));
        out.push(format!("地点：{}", record.place));
        out.push(format!(
            "时间：{} 至 {}",
            when(&record.opened_at),
            when(&record.closed_at)
        ));
        out.push(format!(
            "应到 {} 人，实到 {} 人。",
            record.eligible,
            record.attendance.len()
        ));
    } else {
        out.push(format!("Meeting: {}", record.title));
        out.push(format!("For: {}", record.scope_name));
        out.push(format!("Place: {}", record.place));
        out.push(format!(
            "Time: {} to {}",
            when(&record.opened_at),
            when(&record.closed_at)
        ));
        out.push(format!(
            "{} of {} invited attended.",
            record.attendance.len(),
            record.eligible
        ));
    }
    if !record.attendance.is_empty() {
        let names: Vec<String> = record
            .attendance
            .iter()
            .map(|a| {
                let mut notes = vec![if zh {
                    format!("{} 到", clock(&a.arrived_at))
                } else {
                    format!("came {}", clock(&a.arrived_at))
                }];
                if a.on_behalf.is_some() {
                    notes.push(if zh {
                        "代签到".into()
                    } else {
                        "checked in by staff".into()
                    });
                }
                // Everyone still there leaves when the meeting closes: only earlier departures count.
                if let Some(left) = a.left_at.as_ref().filter(|l| Some(**l) != record.closed_at) {
                    notes.push(if zh {
                        format!("{} 离场", clock(left))
                    } else {
                        format!("left {}", clock(left))
                    });
                }
                if zh {
                    format!("{}（{}）", a.name, notes.join("，"))
                } else {
                    format!("{} ({})", a.name, notes.join(", "))
                }
            })
            .collect();
        out.push(if zh {
            format!("出席：{}", names.join("、"))
        } else {
            format!("Present: {}", names.join(", "))
        });
    }
    for (n, item) in record.items.iter().enumerate() {
        out.push(String::new());
        out.push(if zh {
            format!("议题{}：{}", n + 1, item.title)
        } else {
            format!("Item {}: {}", n + 1, item.title)
        });
        if !item.speakers.is_empty() {
            out.push(if zh {
                format!("发言：{}", item.speakers.join("、"))
            } else {
                format!("Speakers: {}", item.speakers.join(", "))
            });
        }
        for motion in &item.motions {
            out.push(if zh {
                format!("表决：{}", motion.title)
            } else {
                format!("Motion: {}", motion.title)
            });
            if let Some(reason) = &motion.quorum_override {
                out.push(if zh {
                    format!("（未达到法定人数，主持人决定照常表决，理由：{reason}）")
                } else {
                    format!("(Put without a quorum; the chair's reason: {reason})")
                });
            }
            out.push(motion.result.clone());
        }
        if item.motions.is_empty() && item.speakers.is_empty() {
            out.push(if zh {
                "（未讨论）".into()
            } else {
                "(Not discussed.)".into()
            });
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, hour, minute, 0)
            .single()
            .unwrap_or_default()
    }

    fn settings() -> MeetingSettings {
        MeetingSettings {
            title: " 3号楼居民议事会 ".into(),
            place: "党群服务中心会议室".into(),
            starts_at: at(11, 0),
            electorate: ElectorateRule::Residents,
            procedure: Procedure {
                quorum: Quorum::PresentPercent { percent: 51 },
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
            },
            agenda: vec!["加装电梯".into(), " 楼道堆物清理 ".into()],
        }
    }

    #[test]
    fn settings_need_a_title_a_place_an_agenda_and_a_presence_quorum() -> DomainResult<()> {
        let ok = settings().validate()?;
        assert_eq!(ok.title, "3号楼居民议事会");
        assert_eq!(ok.agenda, ["加装电梯", "楼道堆物清理"]);
        let mut no_place = settings();
        no_place.place = "  ".into();
        assert_eq!(
            no_place.validate(),
            Err(DomainError::Required {
                field: Field::Place
            })
        );
        let mut empty = settings();
        empty.agenda.clear();
        assert!(matches!(
            empty.validate(),
            Err(DomainError::OutOfRange {
                field: Field::Agenda,
                ..
            })
        ));
        let mut blank_item = settings();
        blank_item.agenda.push(" ".into());
        assert_eq!(
            blank_item.validate(),
            Err(DomainError::Required {
                field: Field::Agenda
            })
        );
        let mut by_ballots = settings();
        by_ballots.procedure.quorum = Quorum::Count { ballots: 5 };
        assert_eq!(
            by_ballots.validate(),
            Err(DomainError::Invalid {
                field: Field::Rules
            })
        );
        Ok(())
    }

    #[test]
    fn a_meeting_opens_once_and_closes_once() {
        use MeetingState::{Closed, Open, Scheduled};
        assert_eq!(Scheduled.next(true), Ok(Open));
        assert_eq!(Open.next(false), Ok(Closed));
        assert_eq!(Scheduled.next(false), Err(DomainError::MeetingNotOpen));
        assert_eq!(Open.next(true), Err(DomainError::MeetingNotOpen));
        assert_eq!(Closed.next(true), Err(DomainError::MeetingClosed));
        assert_eq!(Closed.require_open(), Err(DomainError::MeetingClosed));
        for s in [Scheduled, Open, Closed] {
            assert_eq!(MeetingState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn one_item_is_open_at_a_time_and_done_items_stay_done() {
        use ItemState::{Done, Open, Pending};
        let states = [Done, Open, Pending];
        assert_eq!(
            open_item(MeetingState::Open, &states, 2),
            Ok(vec![(1, Done), (2, Open)])
        );
        assert_eq!(open_item(MeetingState::Open, &states, 1), Ok(vec![]));
        assert_eq!(
            open_item(MeetingState::Open, &states, 0),
            Err(DomainError::ItemDone)
        );
        assert!(open_item(MeetingState::Open, &states, 3).is_err());
        assert_eq!(
            open_item(MeetingState::Scheduled, &states, 2),
            Err(DomainError::MeetingNotOpen)
        );
    }

    #[test]
    fn quorum_and_the_chairs_override() {
        let half = Quorum::PresentPercent { percent: 51 };
        assert!(quorum_met(half, 11, 20));
        assert!(!quorum_met(half, 10, 20));
        assert!(quorum_met(Quorum::None, 0, 20));
        assert!(quorum_met(Quorum::PresentCount { present: 7 }, 7, 20));
        assert_eq!(may_put_motion(true, None), Ok(None));
        assert_eq!(may_put_motion(false, None), Err(DomainError::QuorumNotMet));
        assert_eq!(
            may_put_motion(false, Some("  ")),
            Err(DomainError::QuorumNotMet)
        );
        assert_eq!(
            may_put_motion(false, Some(" 事情紧急，到会代表一致同意表决 ")),
            Ok(Some("事情紧急，到会代表一致同意表决".into()))
        );
    }

    #[test]
    fn speakers_wait_speak_and_finish() {
        use SpeakerState::{Done, Speaking, Waiting, Withdrawn};
        assert_eq!(Waiting.move_to(Speaking), Ok(Speaking));
        assert_eq!(Speaking.move_to(Done), Ok(Done));
        assert_eq!(Waiting.move_to(Withdrawn), Ok(Withdrawn));
        assert!(Done.move_to(Speaking).is_err());
        assert!(Waiting.move_to(Done).is_err());
        assert!(Speaking.move_to(Withdrawn).is_err());
        assert_eq!(check_floor_seconds(Some(180)), Ok(Some(180)));
        assert_eq!(check_floor_seconds(None), Ok(None));
        assert!(check_floor_seconds(Some(0)).is_err());
        assert!(check_floor_seconds(Some(FLOOR_MAX_SECONDS + 1)).is_err());
    }

    #[test]
    fn minutes_say_who_came_who_spoke_and_what_was_decided() {
        let record = MeetingRecord {
            title: "3号楼居民议事会".into(),
            place: "会议室".into(),
            scope_name: "阳光小区 3号楼".into(),
            opened_at: Some(at(11, 0)),
            closed_at: Some(at(12, 30)),
            eligible: 20,
            attendance: vec![
                Attendance {
                    name: "杜国强".into(),
                    arrived_at: at(10, 55),
                    left_at: None,
                    on_behalf: None,
                },
                Attendance {
                    name: "何桂英".into(),
                    arrived_at: at(11, 2),
                    left_at: Some(at(12, 0)),
                    on_behalf: Some("老人没有手机".into()),
                },
            ],
            items: vec![
                ItemRecord {
                    title: "加装电梯".into(),
                    speakers: vec!["杜国强".into()],
                    motions: vec![MotionRecord {
                        title: "同意加装电梯".into(),
                        result: "赞成 2 票，反对 0 票，弃权 0 票。结果：通过。".into(),
                        quorum_override: Some("事情紧急".into()),
                    }],
                },
                ItemRecord {
                    title: "楼道堆物".into(),
                    speakers: vec![],
                    motions: vec![],
                },
            ],
        };
        let hhmm = |t: &DateTime<Utc>| t.format("%H:%M").to_string();
        let text = minutes_text(&record, Lang::ZhCn, hhmm, hhmm);
        assert_eq!(
            text,
            "会议：3号楼居民议事会\n范围：阳光小区 3号楼\n地点：会议室\n时间：11:00 至 12:30\n应到 20 人，实到 2 人。\n\
             出席：杜国强（10:55 到）、何桂英（11:02 到，代签到，12:00 离场）\n\n议题1：加装电梯\n发言：杜国强\n表决：同意加装电梯\n\
             （未达到法定人数，主持人决定照常表决，理由：事情紧急）\n赞成 2 票，反对 0 票，弃权 0 票。结果：通过。\n\n\
             议题2：楼道堆物\n（未讨论）"
        );
        assert!(
            minutes_text(&record, Lang::En, hhmm, hhmm).starts_with("Meeting: 3号楼居民议事会")
        );
    }
}
