//! Staff's requests: what waits for them, search and merge by number; every record's short number.

use super::Msg;

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    /// A request by its number: 「诉求 #128」.
    pub const RequestNumbered: Msg = Msg {
        zh: "诉求 {n}",
        en: "Request {n}",
    };
    /// A matter by its number: 「议题 #12」.
    pub const MatterNumbered: Msg = Msg {
        zh: "议题 {n}",
        en: "Matter {n}",
    };
    /// A notice by its number, under its title and on its paper version: 「公告 #37」.
    pub const NoticeNumbered: Msg = Msg {
        zh: "公告 {n}",
        en: "Notice {n}",
    };
    pub const VoteNumbered: Msg = Msg {
        zh: "投票 {n}",
        en: "Vote {n}",
    };
    pub const MeetingNumbered: Msg = Msg {
        zh: "会议 {n}",
        en: "Meeting {n}",
    };
    pub const CovenantNumbered: Msg = Msg {
        zh: "公约 {n}",
        en: "Covenant {n}",
    };
    pub const FindMatter: Msg = Msg {
        zh: "按编号或标题查找",
        en: "Find by number or title",
    };
    pub const NoMattersFound: Msg = Msg {
        zh: "没有找到这个编号或标题的事项。",
        en: "No matter has this number or title.",
    };
    pub const FindMatterHint: Msg = Msg {
        zh: "输入编号（如 12 或 #12），或标题、说明里的字词，多个词用空格隔开",
        en: "A number (such as 12 or #12), or words of the title or description, separated by spaces",
    };
    /// In the office, on the home screen and the hub: the card that leads to her queue.
    pub const QueueHeading: Msg = Msg {
        zh: "待我处理的诉求",
        en: "Requests waiting for me",
    };
    /// On the office hub: the link to the requests queue.
    pub const QueueLink: Msg = Msg {
        zh: "诉求办理",
        en: "Handle requests",
    };
    /// On a tab: how many of its open requests are overdue.
    pub const OverdueCount: Msg = Msg {
        zh: "{n} 件超期",
        en: "{n} overdue",
    };
    /// Read with a tab's count by screen readers: 「3 件未办结」.
    pub const OpenCount: Msg = Msg {
        zh: "{n} 件未办结",
        en: "{n} open",
    };
    pub const FindRequest: Msg = Msg {
        zh: "按编号或内容查找",
        en: "Find by number or words",
    };
    pub const FindRequestHint: Msg = Msg {
        zh: "输入编号（如 128 或 #128），或问题里的字词",
        en: "A number (such as 128 or #128), or words of the problem",
    };
    pub const ClearSearch: Msg = Msg {
        zh: "清除查找",
        en: "Clear",
    };
    pub const MergeIntoHint: Msg = Msg {
        zh: "填另一件诉求的编号：列表里和诉求标题下方的 # 号，如 #128。这件会并进去，居民会一起收到进展。",
        en: "The other request's number: the # shown on the list and under its title, such as #128. This one joins it, and its resident follows it.",
    };
    pub const MergedIntoNumber: Msg = Msg {
        zh: "已并入诉求 {n}，请在那里查看进展",
        en: "Merged into request {n}: follow it there",
    };
    pub const OverdueFirst: Msg = Msg {
        zh: "未办结的诉求，超期的排在最前。",
        en: "Open requests, overdue ones first.",
    };
    /// Why an act was done, as its actor recorded it.
    pub const AuditReason: Msg = Msg {
        zh: "原因：{reason}",
        en: "Reason: {reason}",
    };
}
