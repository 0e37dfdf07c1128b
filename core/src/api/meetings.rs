//! Meetings: calling one, reading it with the member's own part in it and its live state, check-in,
//! the agenda, speakers, motions and minutes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::members::OnBehalfRequest;
use crate::api::votes::VoteState;
use crate::ids::{MeetingId, NoticeId, VoteId};
use crate::meetings::{ItemState, MeetingSettings, MeetingState, SpeakerState};
use crate::numbers::RecordNumber;
use crate::territory::ScopeRef;
use crate::votes::poll::{PollResult, ResultsShown, Secrecy};
use crate::votes::tally::{Method, Threshold};

/// `POST /api/v1/meetings`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateMeetingRequest {
    pub scope: ScopeRef,
    pub settings: MeetingSettings,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingSummary {
    pub id: MeetingId,
    /// Its short number within the community (会议 #3), or the street for a meeting of the whole street.
    pub number: RecordNumber,
    pub title: String,
    pub place: String,
    pub scope_name: String,
    pub state: MeetingState,
    pub starts_at: DateTime<Utc>,
}

/// `GET /api/v1/meetings?q=`: meetings addressed to the member (or within her office), newest first. `q`
/// is a meeting's number (`3`, `#3`, `H-3`, `会议3`) or words of its title, place, agenda or minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingListResponse {
    pub meetings: Vec<MeetingSummary>,
}

/// The state every phone and the big screen show, pushed on every change and fetched on reconnect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingLive {
    pub meeting: MeetingId,
    /// Raised by every change: a view keeps the highest it has seen.
    pub revision: u64,
    pub state: MeetingState,
    pub items: Vec<LiveItem>,
    /// Invited voters checked in now.
    pub present: u64,
    pub eligible: u64,
    pub quorum_met: bool,
    /// Waiting and speaking, in order of request.
    pub speakers: Vec<LiveSpeaker>,
    /// The latest motion, open or closed.
    pub motion: Option<LiveMotion>,
    /// Present of invited per building of the list, as the chair's console counts them.
    #[serde(default)]
    pub buildings: Vec<BuildingCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LiveItem {
    pub position: u32,
    pub title: String,
    pub state: ItemState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LiveSpeaker {
    pub id: String,
    /// The name she shows neighbours.
    pub name: String,
    pub state: SpeakerState,
    pub started_at: Option<DateTime<Utc>>,
    /// The countdown the chair gave.
    pub seconds: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LiveMotion {
    pub vote: VoteId,
    pub title: String,
    pub options: Vec<String>,
    pub method: Method,
    pub state: VoteState,
    /// Votes cast, of the voters present when it was put.
    pub participated: u64,
    pub voters: u64,
    /// Shown live or after close, as the motion says.
    pub result: Option<PollResult>,
}

/// The member's own part in a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MyPart {
    pub invited: bool,
    pub present: bool,
    /// Her pending request to speak.
    pub speaker: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingView {
    pub id: MeetingId,
    pub number: RecordNumber,
    pub scope: ScopeRef,
    pub scope_name: String,
    pub settings: MeetingSettings,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// She may run this meeting (the chair's console).
    pub chair: bool,
    /// The secret of the check-in QR code, for the chair and the big screen only.
    pub checkin_token: Option<String>,
    pub me: MyPart,
    pub live: MeetingLive,
    /// Every motion put, oldest first, with its result when shown.
    pub motions: Vec<LiveMotion>,
    /// The minutes: for the chair from the close, for everyone once published.
    pub minutes: Option<String>,
    pub minutes_notice: Option<NoticeId>,
}

/// `GET /api/v1/meetings/{id}` and the answer to changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingResponse {
    pub meeting: MeetingView,
}

/// `POST /api/v1/meetings/{id}/attendance`: she checks in with the code of the QR in the room, or staff
/// check someone in by hand (代签到) with a reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckInRequest {
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub on_behalf: Option<OnBehalfRequest>,
}

/// `POST /api/v1/meetings/{id}/attendance/leave`: she leaves, or the chair records that someone left.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LeaveRequest {
    #[serde(default)]
    pub member_id: Option<crate::ids::MemberId>,
}

/// `POST /api/v1/meetings/{id}/speakers/{speaker}`: the chair gives the floor (with an optional countdown)
/// or ends a turn; the speaker may withdraw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpeakerUpdate {
    pub state: SpeakerState,
    #[serde(default)]
    pub seconds: Option<u32>,
}

/// `POST /api/v1/meetings/{id}/motions`: the chair puts a motion to the present voters, under the
/// meeting's rules; `override_reason` puts it without a quorum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MotionRequest {
    pub title: String,
    #[serde(default)]
    pub options: Vec<String>,
    pub method: Method,
    pub secrecy: Secrecy,
    pub results: ResultsShown,
    /// The majority this motion needs, when not the meeting's default.
    #[serde(default)]
    pub threshold: Option<Threshold>,
    #[serde(default)]
    pub override_reason: Option<String>,
}

/// `GET /api/v1/meetings/{id}/attendance`, for the chair: everyone on the list, whether present, with
/// where they live, to find them by name, building or flat and check in by hand those who cannot scan
/// the code. Only the chair reads it: the wall screen and residents' phones show counts, never names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttendanceListResponse {
    pub people: Vec<Attendee>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attendee {
    pub member_id: crate::ids::MemberId,
    pub name: String,
    pub present: bool,
    /// Checked in by staff, with this reason.
    pub on_behalf: Option<String>,
    /// Her building (for finding her, and the count per building); none for someone who lives outside
    /// the meeting's place, such as a chair from the community office.
    #[serde(default)]
    pub building_id: Option<crate::ids::BuildingId>,
    /// The building's name, e.g. 「3号楼」.
    #[serde(default)]
    pub building: Option<String>,
    /// Her flat within the building, e.g. 「1单元 201」.
    #[serde(default)]
    pub flat: Option<String>,
    /// The chair may still take her check-in back as a mistake (no motion was put since she came).
    #[serde(default)]
    pub may_undo: bool,
    /// The initials of her name's pinyin, for finding her by 「lxm」: 「lxm」 for 刘晓梅, a character
    /// read several ways in brackets (「[cz]gf」 for 曾桂芳); see [`crate::pinyin`]. Sent by the worker
    /// so that the phone needs no table of characters.
    #[serde(default)]
    pub initials: String,
}

/// Attendance in one building of a meeting's list: present of invited, counts only (the wall screen
/// shows them to the room). Counted by [`crate::meetings::roster::by_building`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuildingCount {
    /// `None` gathers those who live outside the meeting's buildings (a chair from the office).
    pub building: Option<crate::ids::BuildingId>,
    pub name: Option<String>,
    pub present: u32,
    pub invited: u32,
}

/// `PUT /api/v1/meetings/{id}/minutes`: the secretary's edited minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MinutesRequest {
    pub text: String,
}
