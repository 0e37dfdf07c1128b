//! Writes a sample feed of three meetings as core's calendar writer does, for `scripts/ics_test.py` to
//! read with another implementation (the PyPI package icalendar):
//!
//!     cargo run -q -p yishi-core --example ics_sample            the feed, on standard output
//!     cargo run -q -p yishi-core --example ics_sample -- DIR     DIR/meetings.ics (the feed),
//!                                                                DIR/cancel.ics (one meeting's
//!                                                                cancellation) and DIR/expected.json
//!
//! The meetings: one with a long Chinese title and an agenda full of commas, semicolons, backslashes
//! and line breaks; one cancelled; one moved, whose record stands at revision 2. `expected.json` says
//! what each event holds, from the same values, for the reader to compare with what it parsed.

use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use serde_json::json;
use yishi_core::Lang;
use yishi_core::ics::{CalendarEvent, EventStatus, MeetingRecord, Method, calendar};
use yishi_core::ids::MeetingId;
use yishi_core::meetings::{MeetingSettings, MeetingState, Procedure};
use yishi_core::votes::electorate::ElectorateRule;
use yishi_core::votes::tally::{Quorum, Threshold};

const BASE: &str = "https://yishi.example.org";

fn at(month: u32, day: u32, hour: u32, minute: u32) -> Result<DateTime<Utc>, String> {
    Utc.with_ymd_and_hms(2026, month, day, hour, minute, 0)
        .single()
        .ok_or_else(|| format!("no such time: 2026-{month}-{day} {hour}:{minute}"))
}

fn settings(
    title: &str,
    place: &str,
    starts_at: DateTime<Utc>,
    agenda: &[&str],
) -> MeetingSettings {
    MeetingSettings {
        title: title.into(),
        place: place.into(),
        starts_at,
        electorate: ElectorateRule::Residents,
        procedure: Procedure {
            quorum: Quorum::PresentPercent { percent: 51 },
            threshold: Threshold::SimpleMajority,
            count_abstentions: false,
        },
        agenda: agenda.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn event(id: &str, settings: &MeetingSettings, scope_name: &str, revision: u64) -> CalendarEvent {
    let id = MeetingId::from_trusted(id);
    let record = MeetingRecord {
        id: &id,
        settings,
        scope_name,
        state: MeetingState::Scheduled,
        closed_at: None,
        revision,
    };
    CalendarEvent::of_meeting(&record, BASE, Lang::ZhCn)
}

fn events() -> Result<Vec<CalendarEvent>, String> {
    // 民主决策日: 19:00 in Shanghai, 11:00 UTC.
    let decision_day = settings(
        "幸福里社区2026年第四季度民主决策日：关于加装电梯、楼道堆物清理, 以及停车位分配方案; 请全体居民准时参加",
        "幸福里社区党群服务中心二楼多功能会议室（东侧入口, 电梯可达）",
        at(12, 5, 11, 0)?,
        &[
            "加装电梯：3号楼、5号楼的方案, 费用分摊; 低层住户的意见",
            "楼道堆物清理\n（含自行车、纸箱）",
            r"停车位分配方案（附件见 \\公示栏\方案.pdf）",
        ],
    );
    // Past midnight in Shanghai, on the day before in UTC: a date that the zone must carry.
    let cancelled = settings(
        "5号楼居民议事会",
        "5号楼一层架空层",
        at(12, 9, 16, 30)?,
        &["垃圾分类投放点调整"],
    );
    // Moved to another evening and room: the record stands at revision 2.
    let moved = settings(
        "社区居民代表会议, 第三次",
        "社区居委会会议室",
        at(12, 12, 7, 30)?,
        &["社区公约修订"],
    );
    Ok(vec![
        event("m_01JDECISION", &decision_day, "幸福里社区", 0),
        event("m_01JCANCEL", &cancelled, "幸福里社区 5号楼", 3)
            .cancelled(at(12, 2, 1, 0)?, Lang::ZhCn),
        event("m_01JMOVED", &moved, "幸福里社区", 2),
    ])
}

fn expected(events: &[CalendarEvent]) -> serde_json::Value {
    let events: Vec<_> = events
        .iter()
        .map(|e| {
            json!({
                "uid": e.uid,
                "summary": e.title,
                "description": e.description,
                "location": e.location,
                "start": e.start.to_rfc3339(),
                "end": e.end.to_rfc3339(),
                "sequence": e.sequence,
                "status": match e.status {
                    EventStatus::Confirmed => "CONFIRMED",
                    EventStatus::Cancelled => "CANCELLED",
                },
                "url": e.url,
            })
        })
        .collect();
    json!({ "feed": "meetings.ics", "cancel": "cancel.ics", "events": events })
}

fn main() -> Result<(), String> {
    let now = at(12, 2, 2, 0)?;
    let events = events()?;
    let feed = calendar("幸福里社区的会议", &events, Method::Publish, now);
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        print!("{feed}");
        return Ok(());
    };
    let cancelled: Vec<CalendarEvent> = events
        .iter()
        .filter(|e| e.status == EventStatus::Cancelled)
        .cloned()
        .collect();
    let cancel = calendar("5号楼居民议事会", &cancelled, Method::Cancel, now);
    let expected = serde_json::to_string_pretty(&expected(&events)).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, text) in [
        ("meetings.ics", feed),
        ("cancel.ics", cancel),
        ("expected.json", expected),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
