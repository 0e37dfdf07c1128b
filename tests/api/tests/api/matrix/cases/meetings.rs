//! A meeting of building 3's residents: the chair's console and a resident's phone. A caller checks in
//! before she asks to speak, and leaves last.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let open = || r.meeting_open.clone();
    let reads = || may(Action::ReadVote, building3());
    let chairs = || may(Action::ManageVotes, building3());
    vec![
        case(
            "call a meeting",
            CreateMeeting {},
            Body::Json(
                json!({ "scope": records::building3(), "settings": records::meeting_settings(&marker("矩阵议事会")) }),
            ),
            chairs(),
        ),
        case("meetings", ListMeetings {}, Body::Empty, everyone),
        case("a meeting", GetMeeting { id: open() }, Body::Empty, reads()),
        case(
            "a meeting's calendar file",
            MeetingCalendar { id: open() },
            Body::Empty,
            reads(),
        ),
        case(
            "live state",
            GetMeetingLive { id: open() },
            Body::Empty,
            reads(),
        ),
        case(
            "open a meeting",
            OpenMeeting {
                id: r.meeting_scheduled.clone(),
            },
            Body::Empty,
            chairs(),
        ),
        case(
            "close a meeting",
            CloseMeeting {
                id: r.meeting_to_close.clone(),
            },
            Body::Empty,
            chairs(),
        ),
        case(
            "check in",
            CheckIn { id: open() },
            Body::Json(json!({ "token": r.checkin_token })),
            voter,
        ),
        case(
            "check in an elder",
            CheckIn { id: open() },
            Body::Json(
                json!({ "on_behalf": { "member_id": "mbr_elder", "reason": "老人没有手机，由工作人员代签到" } }),
            ),
            |a: &Actor| {
                authorize(a, Action::ReadVote, Target::Scope(&building3())).is_ok()
                    && may_record_presence(
                        a,
                        &building3(),
                        &MemberId::from_trusted("mbr_elder"),
                        Some(&unit3(1)),
                    )
                    .is_ok()
            },
        ),
        // Who may take a check-in back: the chair's alone. The member is not on the list, so there is
        // nothing to take back and no caller's own presence changes (meetings.rs takes real ones back).
        case(
            "undo a check-in",
            UndoCheckIn {
                id: open(),
                member: MemberId::from_trusted("mbr_r5"),
            },
            Body::Empty,
            chairs(),
        ),
        case(
            "attendance",
            Attendance { id: open() },
            Body::Empty,
            chairs(),
        ),
        case(
            "open an item",
            OpenItem {
                id: open(),
                position: 0,
            },
            Body::Empty,
            chairs(),
        ),
        case(
            "close an item",
            CloseItem {
                id: open(),
                position: 0,
            },
            Body::Empty,
            chairs(),
        ),
        // Asking for the floor takes being present: she checked in above.
        case(
            "ask to speak",
            RequestToSpeak { id: open() },
            Body::Empty,
            voter,
        ),
        case(
            "give the floor",
            UpdateSpeaker {
                id: open(),
                speaker: token(&r.speaker),
            },
            Body::Json(json!({ "state": "speaking" })),
            chairs(),
        ),
        // The motion put in set-up is closed first; the first chair to put one after it succeeds.
        case(
            "close a motion",
            CloseMotion {
                id: open(),
                vote: r.motion.clone(),
            },
            Body::Empty,
            chairs(),
        ),
        case(
            "put a motion",
            PutMotion { id: open() },
            Body::Json(
                json!({ "title": marker("动议"), "options": [], "method": { "kind": "yes_no" }, "secrecy": "named", "results": "live" }),
            ),
            chairs(),
        ),
        case(
            "leave",
            Leave { id: open() },
            Body::Json(json!({})),
            reads(),
        ),
        case(
            "edit minutes",
            PutMinutes {
                id: r.meeting_closed.clone(),
            },
            Body::Json(json!({ "text": "会议纪要正文" })),
            chairs(),
        ),
        case(
            "publish minutes",
            PublishMinutes {
                id: r.meeting_closed.clone(),
            },
            Body::Empty,
            chairs(),
        ),
    ]
}
