//! The shell's texts: the bottom bar, back links, the office entry, signing out, a forgotten passcode,
//! the home screen's "now" and the pages the bar leads to.

use super::Msg;

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    // The inbox (消息) and its bell in the header.
    pub const InboxLink: Msg = Msg {
        zh: "消息",
        en: "Inbox",
    };
    pub const InboxNoneUnread: Msg = Msg {
        zh: "消息，没有未读",
        en: "Inbox, nothing unread",
    };
    pub const InboxUnreadLabel: Msg = Msg {
        zh: "消息，{n} 条未读",
        en: "Inbox, {n} unread",
    };
    pub const InboxHeading: Msg = Msg {
        zh: "消息",
        en: "Inbox",
    };
    pub const InboxIntro: Msg = Msg {
        zh: "与您有关的新公告、投票、会议，和您提出或关注的事项、诉求的进展。",
        en: "New notices, votes and meetings for you, and news of the matters and requests you raised or follow.",
    };
    pub const InboxEmpty: Msg = Msg {
        zh: "还没有消息。",
        en: "No messages yet.",
    };
    pub const InboxAllRead: Msg = Msg {
        zh: "全部标为已读",
        en: "Mark all as read",
    };
    pub const InboxMore: Msg = Msg {
        zh: "更早的消息",
        en: "Older messages",
    };
    pub const InboxUnreadBadge: Msg = Msg {
        zh: "未读",
        en: "Unread",
    };
    pub const NotifNotice: Msg = Msg {
        zh: "新公告",
        en: "New notice",
    };
    pub const NotifVote: Msg = Msg {
        zh: "请您投票",
        en: "A vote for you",
    };
    pub const NotifMeeting: Msg = Msg {
        zh: "会议通知",
        en: "Meeting",
    };
    pub const NotifMatter: Msg = Msg {
        zh: "议事进展",
        en: "Matter news",
    };
    pub const NotifRequest: Msg = Msg {
        zh: "诉求进展",
        en: "Request news",
    };
    pub const NotifVoteClosing: Msg = Msg {
        zh: "投票一天内截止，您还没投",
        en: "Voting closes within a day and you have not voted",
    };
    pub const NotifMeetingSoon: Msg = Msg {
        zh: "会议一小时内开始",
        en: "Meeting within the hour",
    };
    pub const NotifPeriodEnding: Msg = Msg {
        zh: "您发布的公示一天内到期",
        en: "Your notice's publication period ends within a day",
    };
    pub const NotifRequestDue: Msg = Msg {
        zh: "诉求已到办理时限",
        en: "Request past its time limit",
    };
    pub const NotifMotionPut: Msg = Msg {
        zh: "会上开始表决",
        en: "A motion is put to the vote",
    };
    pub const NotifObjectionAnswered: Msg = Msg {
        zh: "您的异议已答复",
        en: "Your objection was answered",
    };
    pub const NotifStaffDigest: Msg = Msg {
        zh: "今日待办",
        en: "Waiting for you today",
    };
    pub const DigestSummary: Msg = Msg {
        zh: "待认证居民 {verify} 人 · 待答复异议 {objections} 条 · 超期诉求 {overdue} 件",
        en: "{verify} residents to verify · {objections} objections to answer · {overdue} overdue requests",
    };
    // The bottom bar.
    pub const TabBar: Msg = Msg {
        zh: "底部导航",
        en: "Sections",
    };
    pub const TabHome: Msg = Msg {
        zh: "首页",
        en: "Home",
    };
    pub const TabNotices: Msg = Msg {
        zh: "公告",
        en: "Notices",
    };
    pub const TabMatters: Msg = Msg {
        zh: "议事",
        en: "Matters",
    };
    pub const TabVotes: Msg = Msg {
        zh: "投票/会议",
        en: "Votes & meetings",
    };
    pub const TabMine: Msg = Msg {
        zh: "我的",
        en: "Me",
    };
    /// The header's one tap to the office's tools, for those who hold an office.
    pub const OfficeEntry: Msg = Msg {
        zh: "办公",
        en: "Office",
    };
    // Back links: each says where it goes.
    pub const BackHome: Msg = Msg {
        zh: "返回首页",
        en: "Back to the home page",
    };
    pub const BackToMine: Msg = Msg {
        zh: "返回“我的”",
        en: "Back to “Me”",
    };
    pub const BackToVotes: Msg = Msg {
        zh: "返回投票和会议",
        en: "Back to votes and meetings",
    };
    pub const BackToMatters: Msg = Msg {
        zh: "返回居民议事",
        en: "Back to residents' matters",
    };
    // Signing out, from 我的, with a confirmation.
    pub const SignOutQuestion: Msg = Msg {
        zh: "确定要退出登录吗？退出后，下次要重新输入手机号和密码。",
        en: "Sign out? Next time you will need your phone number and password again.",
    };
    pub const SignOutConfirm: Msg = Msg {
        zh: "确定退出",
        en: "Yes, sign out",
    };
    pub const SignOutCancel: Msg = Msg {
        zh: "不退出",
        en: "Stay signed in",
    };
    // A forgotten passcode.
    pub const ForgotPassword: Msg = Msg {
        zh: "忘记密码",
        en: "Forgot your password",
    };
    pub const ForgotPasswordText: Msg = Msg {
        zh: "请找您的网格员，或到社区居委会。工作人员核对您的身份后，会为您重置密码，并告诉您一个新的临时密码。用它登录以后，请在“我的”里改成您自己记得住的密码。",
        en: "Ask your grid worker, or go to the community office. Once they have checked who you are, they reset your password and give you a temporary one. After you sign in with it, change it to one you remember under “Me”.",
    };
    // The home screen.
    pub const LiveMeetingsHeading: Msg = Msg {
        zh: "正在开会",
        en: "In session now",
    };
    /// Under the first waiting vote on the home screen, when more wait (all of them are under 投票/会议).
    pub const MoreVotesWaiting: Msg = Msg {
        zh: "还有 {n} 个投票等您投",
        en: "{n} more votes waiting for you",
    };
    /// Under the first meeting in session on the home screen, when more are.
    pub const MoreMeetingsLive: Msg = Msg {
        zh: "还有 {n} 个会议正在开",
        en: "{n} more meetings in session",
    };
    pub const ConfirmRequestsHeading: Msg = Msg {
        zh: "已处理，请您确认",
        en: "Done: please confirm",
    };
    pub const AllNotices: Msg = Msg {
        zh: "全部公告",
        en: "All notices",
    };
    // 投票和会议.
    pub const VotesAndMeetings: Msg = Msg {
        zh: "投票和会议",
        en: "Votes and meetings",
    };
    pub const VotesOpenHeading: Msg = Msg {
        zh: "正在投票",
        en: "Open votes",
    };
    pub const VotesComingHeading: Msg = Msg {
        zh: "即将开始的投票",
        en: "Votes to come",
    };
    pub const VotesClosedHeading: Msg = Msg {
        zh: "已结束的投票",
        en: "Closed votes",
    };
    pub const NoVotesNow: Msg = Msg {
        zh: "现在没有投票。",
        en: "No votes at the moment.",
    };
    pub const CardClosesAt: Msg = Msg {
        zh: "{time}截止",
        en: "Closes {time}",
    };
    pub const CardOpensAt: Msg = Msg {
        zh: "{time}开始",
        en: "Opens {time}",
    };
    pub const MeetingsComingHeading: Msg = Msg {
        zh: "会议",
        en: "Meetings",
    };
    pub const NoMeetingsNow: Msg = Msg {
        zh: "近期没有会议。",
        en: "No meetings coming up.",
    };
    pub const MeetingHistoryLink: Msg = Msg {
        zh: "往期会议与搜索",
        en: "Past meetings and search",
    };
    // 我的.
    pub const MyThings: Msg = Msg {
        zh: "我的事",
        en: "My things",
    };
    pub const SignOutHeading: Msg = Msg {
        zh: "退出登录",
        en: "Sign out",
    };
    pub const SignOutHint: Msg = Msg {
        zh: "在别人的手机上用完，请退出登录。",
        en: "Sign out when you used someone else's phone.",
    };
}
