//! The chair's console: checking in a room of sixty by name, building or flat, attendance per building,
//! and the actions that end things, each with a confirm step in plain words.

use super::Msg;

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    pub const CheckInHeading: Msg = Msg {
        zh: "签到",
        en: "Check-in",
    };
    pub const CheckInSearch: Msg = Msg {
        zh: "找人签到：输入姓名、楼号或门牌",
        en: "Find someone to check in: name, building or flat",
    };
    pub const CheckInSearchHint: Msg = Msg {
        zh: "输入两三个字或姓名的拼音首字母就能找到，例如「张」「3号楼」「201」「lxm」。也可以点下面的楼号。",
        en: "Two or three characters or the initials of a name's pinyin are enough, e.g. a surname, 3号楼, 201 or lxm. Or tap a building below.",
    };
    pub const ByBuildingHeading: Msg = Msg {
        zh: "各楼到会情况",
        en: "Attendance by building",
    };
    /// A building's line, also a button that lists its people.
    pub const BuildingCount: Msg = Msg {
        zh: "{building}：到会 {present} 人，应到 {invited} 人",
        en: "{building}: {present} of {invited} present",
    };
    /// Those on the list who live outside the meeting's buildings (a chair from the community office).
    pub const OthersCount: Msg = Msg {
        zh: "其他参会人：到会 {present} 人，应到 {invited} 人",
        en: "Others: {present} of {invited} present",
    };
    /// On the wall screen, the count of those who live outside the meeting's buildings: 「其他 1/1」.
    pub const ScreenOthers: Msg = Msg {
        zh: "其他",
        en: "Others",
    };
    /// On the wall screen, beside the big number of those present: 「到会 31/62」.
    pub const ScreenPresentFigure: Msg = Msg {
        zh: "到会",
        en: "Present",
    };
    /// On the wall screen, beside the big number of ballots cast on the motion: 「已投 12/31」.
    pub const ScreenCastFigure: Msg = Msg {
        zh: "已投",
        en: "Voted",
    };
    /// On the wall screen's presence bar, the line where the quorum lies.
    pub const ScreenQuorumMark: Msg = Msg {
        zh: "法定人数 {n}",
        en: "Quorum {n}",
    };
    pub const MoreMatches: Msg = Msg {
        zh: "还有 {n} 人，请多输入几个字。",
        en: "{n} more: type a few more characters.",
    };
    pub const NoMatch: Msg = Msg {
        zh: "没有找到「{q}」，请换几个字试试。",
        en: "Nobody matches “{q}”. Try other characters.",
    };
    /// The button on a person's line; its accessible name says whom.
    pub const CheckInTap: Msg = Msg {
        zh: "签到",
        en: "Check in",
    };
    pub const CheckInWhom: Msg = Msg {
        zh: "为{name}签到",
        en: "Check in {name}",
    };
    pub const CheckingInWhom: Msg = Msg {
        zh: "正在为{name}签到…",
        en: "Checking in {name}…",
    };
    pub const CheckedInWhom: Msg = Msg {
        zh: "{name} 已签到。",
        en: "{name} is checked in.",
    };
    pub const UndoTap: Msg = Msg {
        zh: "撤销",
        en: "Undo",
    };
    pub const UndoWhom: Msg = Msg {
        zh: "撤销{name}的签到",
        en: "Undo {name}'s check-in",
    };
    pub const UndoneWhom: Msg = Msg {
        zh: "已撤销 {name} 的签到。",
        en: "{name}'s check-in is undone.",
    };
    pub const LeftTap: Msg = Msg {
        zh: "记为离场",
        en: "Record leaving",
    };
    pub const LeftWhom: Msg = Msg {
        zh: "记{name}离场",
        en: "Record that {name} left",
    };
    pub const RecordedLeft: Msg = Msg {
        zh: "已记 {name} 离场。",
        en: "{name} is recorded as gone.",
    };
    pub const DefaultCheckInReason: Msg = Msg {
        zh: "主持人在会场核对后签到",
        en: "Checked in by the chair in the room",
    };
    pub const CheckInReasonHint: Msg = Msg {
        zh: "会写进会议纪要，一般不用改。",
        en: "It goes into the minutes; usually leave it as it is.",
    };
    /// The chair checks herself in with the room's code, in one tap.
    pub const SelfCheckIn: Msg = Msg {
        zh: "我已到场，签到",
        en: "I am here: check me in",
    };
    pub const ChairOnList: Msg = Msg {
        zh: "您是主持人，也在参会名单里，可以签到和表决。",
        en: "You chair this meeting and are on the list: you check in and vote like everyone.",
    };
    // The end of the console: what cannot be taken back.
    pub const DangerHeading: Msg = Msg {
        zh: "结束表决、结束会议",
        en: "Close the vote, end the meeting",
    };
    pub const DangerIntro: Msg = Msg {
        zh: "这里的操作不能撤回。点了以后会先请您确认。",
        en: "These cannot be taken back. You are asked to confirm first.",
    };
    pub const CloseMotionAsk: Msg = Msg {
        zh: "结束「{title}」的表决后，还没投票的人就不能再投了，结果马上算出来。现在已投 {cast} 票，共 {voters} 人可投。",
        en: "Closing the vote on “{title}” stops anyone who has not voted yet, and the result is counted at once. {cast} of {voters} have voted.",
    };
    pub const ConfirmCloseMotion: Msg = Msg {
        zh: "确定结束表决",
        en: "Yes, close the vote",
    };
    pub const EndMeetingAsk: Msg = Msg {
        zh: "结束会议后，签到、发言和表决都会停止，还没结束的表决也会一起结束。系统会写好会议纪要，您可以修改后公示。",
        en: "Ending the meeting stops check-in, speaking and voting; a vote still open closes too. The minutes are written for you to edit and publish.",
    };
    pub const ConfirmEndMeeting: Msg = Msg {
        zh: "确定结束会议",
        en: "Yes, end the meeting",
    };
    pub const NotYet: Msg = Msg {
        zh: "先不结束",
        en: "Not yet",
    };
    pub const MotionRunning: Msg = Msg {
        zh: "正在表决：{title}",
        en: "Voting now: {title}",
    };
}
