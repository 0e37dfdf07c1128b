//! Forms that say what is wrong where the finger is: field names in error messages, what an action did,
//! and the screens fixed with them (a report by a resident waiting for confirmation, a vote's start, a
//! request's confirmation time, a notice's publication period, a covenant's drafting comments).

use super::Msg;

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    // Field names as the forms say them in "请填写… / 请选择…".
    pub const PlaceWord: Msg = Msg {
        zh: "地点",
        en: "place",
    };
    pub const MeetingPlaceWord: Msg = Msg {
        zh: "会议地点",
        en: "meeting place",
    };
    pub const KindOfProblemWord: Msg = Msg {
        zh: "问题类别",
        en: "kind of problem",
    };
    pub const ProblemWord: Msg = Msg {
        zh: "遇到的问题",
        en: "problem",
    };
    pub const CategoryWord: Msg = Msg {
        zh: "类别",
        en: "category",
    };
    pub const VoteAudienceWord: Msg = Msg {
        zh: "投票范围",
        en: "who votes",
    };
    pub const MeetingAudienceWord: Msg = Msg {
        zh: "会议范围",
        en: "who it is for",
    };
    pub const VoteQuestionWord: Msg = Msg {
        zh: "投票事项",
        en: "question",
    };
    pub const VoteOptionsWord: Msg = Msg {
        zh: "选项",
        en: "options",
    };

    // The report form.
    pub const PlaceTextWord: Msg = Msg {
        zh: "具体位置",
        en: "Exact place",
    };
    pub const PlaceTextOptional: Msg = Msg {
        zh: "可以不填。比如：2单元门口、东门停车场。",
        en: "You may leave this empty. E.g. the door of entrance 2, the east car park.",
    };
    pub const PlaceTextNeeded: Msg = Msg {
        zh: "选了“其他地方”，请写清楚在哪里，比如：东门停车场。",
        en: "For “elsewhere”, say where, e.g. the east car park.",
    };
    pub const PendingReportNote: Msg = Msg {
        zh: "您的住户信息还在等社区确认。现在也可以反映问题，会照常送到负责的单位。",
        en: "Your household is still waiting for the community's confirmation. You can report a problem now; it goes to the responsible unit as usual.",
    };
    pub const NoHomeToReport: Msg = Msg {
        zh: "您还没有加入住户，暂时不能在这里反映问题。请先用邀请码加入；着急的事，请直接找网格员或社区办公室。",
        en: "You have not joined a household yet, so you cannot report a problem here. Join with your invite code first; for anything urgent, ask your grid worker or the community office.",
    };
    pub const ReportSent: Msg = Msg {
        zh: "已送出，{unit}会处理。进度会在这一页显示。",
        en: "Sent: {unit} will handle it. Its progress shows on this page.",
    };
    // What an everyday change did, in the toast (the record redraws far from the button she tapped).
    pub const SupportDone: Msg = Msg {
        zh: "已附议，谢谢您的支持。",
        en: "You support it. Thank you.",
    };
    pub const CommentPosted: Msg = Msg {
        zh: "您的意见已发表。",
        en: "Your comment is posted.",
    };
    pub const ObjectionSent: Msg = Msg {
        zh: "异议已提交，社区会公开答复。",
        en: "Your objection is sent; the community will answer it in public.",
    };
    pub const JoinedRequest: Msg = Msg {
        zh: "已加入这件诉求，办好了您也会收到结果。",
        en: "You joined this request; you will hear when it is done.",
    };
    pub const ConfirmSent: Msg = Msg {
        zh: "已收到您的确认和评价，谢谢。",
        en: "Your confirmation and rating are in. Thank you.",
    };

    // A vote's start.
    pub const VoteStartLegend: Msg = Msg {
        zh: "什么时候开始投票",
        en: "When voting opens",
    };
    pub const StartNow: Msg = Msg {
        zh: "现在开始",
        en: "Now",
    };
    pub const StartLater: Msg = Msg {
        zh: "定个时间开始",
        en: "At a set time",
    };
    pub const StartsAtLabel: Msg = Msg {
        zh: "开始时间（北京时间）",
        en: "Opens at (China time)",
    };
    pub const StartsAtHint: Msg = Msg {
        zh: "委托要在开始以前办好。",
        en: "Proxies are given before it opens.",
    };

    // A request's confirmation, once its time has passed.
    pub const ConfirmLapsed: Msg = Msg {
        zh: "确认时间（{time}）已经过了，这件诉求很快会自动完结。在那之前，您仍可以告诉我们解决得怎么样。",
        en: "The time to answer ({time}) has passed, and the request will close by itself soon. Until then you can still tell us how it went.",
    };

    // A notice's publication period.
    pub const PeriodTerm: Msg = Msg {
        zh: "公示期",
        en: "Publication period",
    };
    pub const PeriodFromTo: Msg = Msg {
        zh: "公示期：{from} 至 {to}",
        en: "Publication period: {from} to {to}",
    };
    pub const PeriodDates: Msg = Msg {
        zh: "{from} 至 {to}",
        en: "{from} to {to}",
    };

    // A covenant's comments, kept apart from the adopted text.
    pub const DraftingComments: Msg = Msg {
        zh: "起草时收到的意见（{n} 条）",
        en: "Comments made while drafting ({n})",
    };
    pub const ClauseRef: Msg = Msg {
        zh: "第 {n} 条：",
        en: "Clause {n}: ",
    };

    // The join form.
    pub const InviteFor: Msg = Msg {
        zh: "这个邀请码是 {place} 的。",
        en: "This code is for {place}.",
    };
    pub const InviteUnknown: Msg = Msg {
        zh: "找不到这个邀请码，或者它已经用过了。请对照信上的邀请码再看一遍。",
        en: "This code is unknown or already used. Please check it against your letter.",
    };
}
