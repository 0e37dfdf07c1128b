//! Notification settings (`/account/notifications`): push on this phone, the topics that push, quiet
//! hours; and a meeting added to the phone's calendar.

use super::Msg;

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    // On the account page.
    pub const NotificationsIntro: Msg = Msg {
        zh: "所有新消息都在每个页面顶部的「消息」（铃铛）里。想让手机在有新消息时响铃提醒您，请打开通知设置。",
        en: "Every new message is in the Inbox (the bell) at the top of every screen. To have your phone alert you when one arrives, open the notification settings.",
    };
    pub const NotifySettingsLink: Msg = Msg {
        zh: "通知设置",
        en: "Notification settings",
    };
    // The settings page.
    pub const NotifySettingsHeading: Msg = Msg {
        zh: "通知设置",
        en: "Notification settings",
    };
    pub const InboxGetsEverything: Msg = Msg {
        zh: "无论怎样设置，所有消息都会出现在每个页面顶部的「消息」（铃铛）里。这里只决定手机要不要响铃提醒您。",
        en: "Whatever you choose here, every message appears in the Inbox (the bell) at the top of every screen. These settings only decide whether your phone alerts you.",
    };
    pub const PushHeading: Msg = Msg {
        zh: "这台手机",
        en: "This phone",
    };
    pub const PushSwitch: Msg = Msg {
        zh: "这台手机接收推送",
        en: "Push alerts on this phone",
    };
    pub const SwitchOn: Msg = Msg {
        zh: "开", en: "On"
    };
    pub const SwitchOff: Msg = Msg {
        zh: "关",
        en: "Off",
    };
    pub const PushIsOn: Msg = Msg {
        zh: "已开启：有新消息时，这台手机会响铃提醒您。",
        en: "On: this phone alerts you when a new message arrives.",
    };
    pub const PushIsOff: Msg = Msg {
        zh: "没有开启。点一下开启，手机问您是否允许通知时，请选「允许」。",
        en: "Off. Tap to turn it on; when the phone asks whether to allow notifications, choose “Allow”.",
    };
    pub const PushWorking: Msg = Msg {
        zh: "正在设置，请稍候…",
        en: "Setting up, please wait…",
    };
    pub const PushUnsupported: Msg = Msg {
        zh: "这台手机的浏览器收不到推送。所有消息照常在页面顶部的「消息」（铃铛）里。",
        en: "This phone's browser cannot receive push alerts. Every message is still in the Inbox (the bell) at the top of the screen.",
    };
    pub const PushAddToHomeScreen: Msg = Msg {
        zh: "苹果手机要先把议事添加到主屏幕：点浏览器的「分享」按钮，选「添加到主屏幕」，再从主屏幕打开议事，回到这里开启推送。在这之前，所有消息照常在页面顶部的「消息」（铃铛）里。",
        en: "On an iPhone or iPad, first add Yishi to the home screen: tap Share in the browser, choose “Add to Home Screen”, open Yishi from the home screen and come back here. Until then every message is in the Inbox (the bell) at the top of the screen.",
    };
    pub const PushDenied: Msg = Msg {
        zh: "浏览器不允许议事发通知。要接收推送，请在浏览器的设置里允许本网站发送通知，再回到这里开启。所有消息照常在页面顶部的「消息」（铃铛）里。",
        en: "The browser does not allow Yishi to send notifications. To receive push alerts, allow notifications for this site in the browser's settings, then come back here. Every message is still in the Inbox (the bell) at the top of the screen.",
    };
    pub const PushNotAllowed: Msg = Msg {
        zh: "您没有允许通知，所以推送没有开启。想开启时再点一次，手机问您时请选「允许」。",
        en: "Notifications were not allowed, so push is still off. Tap again when you want it, and choose “Allow” when the phone asks.",
    };
    pub const PushFailed: Msg = Msg {
        zh: "这台手机暂时没能开启推送，可能是网络不好，请稍后再试。所有消息照常在页面顶部的「消息」（铃铛）里。",
        en: "Push could not be turned on just now, perhaps because of the network. Please try again later. Every message is still in the Inbox (the bell) at the top of the screen.",
    };
    pub const PushServerOff: Msg = Msg {
        zh: "本社区暂时没有开通手机推送。所有消息都在页面顶部的「消息」（铃铛）里。",
        en: "Push alerts are not available in this community yet. Every message is in the Inbox (the bell) at the top of the screen.",
    };
    pub const TopicsHeading: Msg = Msg {
        zh: "哪些消息要推送",
        en: "Which messages to push",
    };
    pub const TopicsHint: Msg = Msg {
        zh: "打勾的会推送到手机。不打勾的不推送，但照样出现在「消息」里。",
        en: "Ticked ones are pushed to your phone. The others are not pushed, but still appear in the Inbox.",
    };
    pub const TopicNotices: Msg = Msg {
        zh: "新公告",
        en: "New notices",
    };
    pub const TopicVotes: Msg = Msg {
        zh: "请您投票",
        en: "Votes for you",
    };
    pub const TopicMeetings: Msg = Msg {
        zh: "会议通知",
        en: "Meetings",
    };
    pub const TopicMatters: Msg = Msg {
        zh: "议事进展（您提出或附议的议题）",
        en: "News of matters you raised or support",
    };
    pub const TopicRequests: Msg = Msg {
        zh: "诉求进展（您反映或关注的诉求）",
        en: "News of requests you made or follow",
    };
    pub const TopicVolunteers: Msg = Msg {
        zh: "志愿服务",
        en: "Volunteering",
    };
    pub const QuietHeading: Msg = Msg {
        zh: "免打扰",
        en: "Quiet hours",
    };
    pub const QuietCheck: Msg = Msg {
        zh: "开启免打扰时段",
        en: "Use quiet hours",
    };
    pub const QuietHint: Msg = Msg {
        zh: "这段时间手机不响铃；时段结束后，还没看的消息再提醒您。",
        en: "Your phone stays silent during these hours; messages you have not read yet alert you when they end.",
    };
    pub const QuietFrom: Msg = Msg {
        zh: "从几点开始",
        en: "From",
    };
    pub const QuietTo: Msg = Msg {
        zh: "到几点结束",
        en: "Until",
    };
    pub const QuietSummary: Msg = Msg {
        zh: "每天 {from} 到 {to} 不响铃。",
        en: "Silent every day from {from} to {to}.",
    };
    pub const QuietSummaryNextDay: Msg = Msg {
        zh: "每天 {from} 到第二天 {to} 不响铃。",
        en: "Silent every night from {from} to {to} the next morning.",
    };
    pub const QuietSame: Msg = Msg {
        zh: "开始和结束是同一个钟点，等于没有免打扰。",
        en: "Start and end are the same hour, so there are no quiet hours.",
    };
    // A meeting on the phone's calendar.
    pub const AddToCalendar: Msg = Msg {
        zh: "加入日历",
        en: "Add to calendar",
    };
    pub const AddToCalendarHint: Msg = Msg {
        zh: "下载这次会议的日历文件，用手机的日历打开，到时候日历会提醒您。",
        en: "Download this meeting's calendar file and open it with your phone's calendar, which will remind you.",
    };
}
