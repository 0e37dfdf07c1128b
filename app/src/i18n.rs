//! The app's own screen text. Every user-facing string is a [`Msg`] looked up by [`t`]: one exhaustive
//! `match` per language, so a message without a translation does not compile. Error messages and field names
//! shared with the API come from `yishi_core::i18n`.

use leptos::prelude::*;
use yishi_core::Lang;

use crate::prefs;

/// A piece of screen text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    // Shell and header.
    AppName,
    MainNav,
    Settings,
    /// The language switch shows the name of the *other* language.
    OtherLanguage,
    LargeType,
    SignOut,
    Loading,
    Retry,
    // Errors that are not the server's.
    NetworkError,
    UnexpectedResponse,
    SignInFirst,
    // Sign-in and joining.
    SignInHeading,
    SignInIntro,
    Phone,
    PhoneHint,
    Password,
    SignInButton,
    SigningIn,
    JoinLink,
    JoinHeading,
    JoinIntro,
    InviteCode,
    InviteCodeHint,
    Name,
    SetPasscode,
    PasscodeHint,
    JoinButton,
    Joining,
    HaveAccount,
    // Home and the notice board.
    Greeting,
    NoticesHeading,
    NoNotices,
    LoadMore,
    NewNoticeLink,
    BackToList,
    Author,
    PublishedAt,
    // Publishing.
    NewNoticeHeading,
    Title,
    TitleHint,
    Body,
    BodyHint,
    ScopeLabel,
    ScopeHint,
    ChooseScope,
    WholeCommunity,
    WholeCompound,
    PublishButton,
    Publishing,
    CannotPost,
    // Administration, account, reads.
    AdminLink,
    AccountLink,
    PendingBanner,
    AdminHeading,
    TerritoryLink,
    MembersLink,
    AuditLink,
    BackToAdmin,
    TerritoryHeading,
    Figures,
    ArchivedBadge,
    ArchiveButton,
    RestoreButton,
    NewCompound,
    NewBuilding,
    PlaceName,
    LayoutUnits,
    LayoutFloors,
    LayoutDoors,
    LayoutHint,
    InCompound,
    AddButton,
    Working,
    ImportHeading,
    ImportHint,
    CsvLabel,
    ImportButton,
    ImportDone,
    ImportRowError,
    PrintInvites,
    HouseholdsLink,
    Representative,
    NoPhone,
    PendingBadge,
    NoMembers,
    IssueInvite,
    InPerson,
    NewInvite,
    LiveInvites,
    AddMemberNoPhone,
    MakeRepresentative,
    Door,
    InviteSheetHeading,
    IssueMissing,
    Issued,
    NoInvites,
    RevokeButton,
    PrintButton,
    InviteCardHint,
    MembersHeading,
    PendingOnly,
    SearchLabel,
    SearchButton,
    NoMembersFound,
    ConfirmResident,
    RejectResident,
    ReasonLabel,
    MemberDetails,
    RolesHeading,
    NoRoles,
    GrantRoleHeading,
    GrantButton,
    ResetPasscode,
    TemporaryPasscode,
    AuditHeading,
    OnBehalfOf,
    NoEntries,
    AccountHeading,
    ProfileHeading,
    NameDisplayLabel,
    NameFull,
    NameInitials,
    LanguageLabel,
    SaveButton,
    Saved,
    ChangePasscodeHeading,
    CurrentPasscode,
    NewPasscode,
    PasscodeChanged,
    SessionsHeading,
    ThisDevice,
    SignedInAt,
    EndSession,
    NotificationsHeading,
    NotificationsLater,
    MarkRead,
    ReadAt,
    ReadOnBehalf,
    ReadsHeading,
    ReadCount,
    UnreadHeading,
    RecordOnBehalf,
    ChooseResident,
    RecordButton,
    // Votes.
    VotesHeading,
    NewVoteLink,
    NewVoteHeading,
    VoteTitle,
    VoteKind,
    KindYesNo,
    KindSingle,
    KindMultiple,
    MaxPick,
    VoteOptions,
    VoteHours,
    VoteAudience,
    SecretBallot,
    CreateVoteButton,
    VoteScheduled,
    VoteOpen,
    VoteClosed,
    VoteCloses,
    Participation,
    Yes,
    No,
    Abstain,
    CastButton,
    YourReceipt,
    AlreadyVoted,
    ResultHeading,
    Adopted,
    Rejected,
    QuorumNotMet,
    TieNote,
    CloseVote,
    PublishResult,
    ResultLater,
    Votes,
    // Not found.
    NotFoundHeading,
    NotFoundText,
    GoHome,
}

/// The text of `key` in `lang`.
#[must_use]
pub fn t(lang: Lang, key: Msg) -> &'static str {
    match lang {
        Lang::ZhCn => zh_cn(key),
        Lang::En => en(key),
    }
}

/// The text of `key` with `{name}` placeholders replaced.
#[must_use]
pub fn fill(lang: Lang, key: Msg, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(t(lang, key).to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

fn zh_cn(key: Msg) -> &'static str {
    match key {
        Msg::AppName => "议事",
        Msg::MainNav => "主导航",
        Msg::Settings => "显示设置",
        Msg::OtherLanguage => "English",
        Msg::LargeType => "大字模式",
        Msg::SignOut => "退出登录",
        Msg::Loading => "正在加载…",
        Msg::Retry => "重试",
        Msg::NetworkError => "网络连接失败，请检查网络后重试。",
        Msg::UnexpectedResponse => "服务器的回答无法识别，请稍后再试。",
        Msg::SignInFirst => "请先登录，正在前往登录页…",
        Msg::SignInHeading => "登录",
        Msg::SignInIntro => "请用登记的手机号和密码登录。",
        Msg::Phone => "手机号",
        Msg::PhoneHint => "11 位手机号码",
        Msg::Password => "密码",
        Msg::SignInButton => "登录",
        Msg::SigningIn => "正在登录，请稍候…",
        Msg::JoinLink => "用邀请码加入",
        Msg::JoinHeading => "用邀请码加入",
        Msg::JoinIntro => "第一次使用？请输入社区发给您家的邀请码。",
        Msg::InviteCode => "邀请码",
        Msg::InviteCodeHint => "邀请码印在社区发的通知单上，共 8 位字母和数字",
        Msg::Name => "姓名",
        Msg::SetPasscode => "设置密码",
        Msg::PasscodeHint => "至少 {min} 个字符，可以用好记的数字，以后登录要用",
        Msg::JoinButton => "加入",
        Msg::Joining => "正在加入，请稍候…",
        Msg::HaveAccount => "已经有账号？去登录",
        Msg::Greeting => "您好，{name}",
        Msg::NoticesHeading => "公告",
        Msg::NoNotices => "目前还没有公告。",
        Msg::LoadMore => "加载更多",
        Msg::NewNoticeLink => "发布公告",
        Msg::BackToList => "返回公告列表",
        Msg::Author => "发布人",
        Msg::PublishedAt => "发布时间",
        Msg::NewNoticeHeading => "发布公告",
        Msg::Title => "标题",
        Msg::TitleHint => "最多 {max} 个字，已输入 {count} 个字",
        Msg::Body => "正文",
        Msg::BodyHint => "最多 {max} 个字，已输入 {count} 个字",
        Msg::ScopeLabel => "发布范围",
        Msg::ScopeHint => "选择谁能看到这条公告",
        Msg::ChooseScope => "请选择",
        Msg::WholeCommunity => "{name}（全社区）",
        Msg::WholeCompound => "{name}（全小区）",
        Msg::PublishButton => "发布",
        Msg::Publishing => "正在发布，请稍候…",
        Msg::CannotPost => "您没有发布公告的权限。",
        Msg::AdminLink => "社区管理",
        Msg::AccountLink => "我的账号",
        Msg::PendingBanner => "您的居民身份正在等待社区确认。确认以后，就能看到本楼的公告。",
        Msg::AdminHeading => "社区管理",
        Msg::TerritoryLink => "楼栋与住户",
        Msg::MembersLink => "居民认证与成员",
        Msg::AuditLink => "操作日志",
        Msg::BackToAdmin => "返回社区管理",
        Msg::TerritoryHeading => "楼栋与住户",
        Msg::Figures => "{households} 户，{residents} 位居民，{pending} 位待认证",
        Msg::ArchivedBadge => "已归档",
        Msg::ArchiveButton => "归档",
        Msg::RestoreButton => "恢复",
        Msg::NewCompound => "新增小区",
        Msg::NewBuilding => "新增楼栋",
        Msg::PlaceName => "名称",
        Msg::LayoutUnits => "单元数",
        Msg::LayoutFloors => "楼层数",
        Msg::LayoutDoors => "每层户数",
        Msg::LayoutHint => "三项都填写时，自动生成单元和门牌号（如 101、102）",
        Msg::InCompound => "所在小区",
        Msg::AddButton => "添加",
        Msg::Working => "正在处理，请稍候…",
        Msg::ImportHeading => "从表格导入",
        Msg::ImportHint => "每行一户，第一行是表头：{header}",
        Msg::CsvLabel => "表格内容（CSV）",
        Msg::ImportButton => "导入",
        Msg::ImportDone => {
            "已导入：{compounds} 个小区、{buildings} 栋楼、{units} 个单元、{households} 户；已有的 {existing} 户保持不变。"
        }
        Msg::ImportRowError => "第 {line} 行：{message}",
        Msg::PrintInvites => "邀请码",
        Msg::HouseholdsLink => "住户",
        Msg::Representative => "户代表",
        Msg::NoPhone => "无手机",
        Msg::PendingBadge => "待认证",
        Msg::NoMembers => "还没有人加入。",
        Msg::IssueInvite => "生成邀请码",
        Msg::InPerson => "当面发放（加入后直接认证）",
        Msg::NewInvite => "新的邀请码：{code}",
        Msg::LiveInvites => "未使用的邀请码 {count} 个",
        Msg::AddMemberNoPhone => "添加无手机的家庭成员",
        Msg::MakeRepresentative => "设为户代表",
        Msg::Door => "门牌 {name}",
        Msg::InviteSheetHeading => "邀请码 · {name}",
        Msg::IssueMissing => "为还没有邀请码的住户生成",
        Msg::Issued => "新生成 {count} 个邀请码",
        Msg::NoInvites => "这栋楼没有未使用的邀请码。",
        Msg::RevokeButton => "作废",
        Msg::PrintButton => "打印",
        Msg::InviteCardHint => "用手机扫码加入，或打开 {site}/join 输入邀请码",
        Msg::MembersHeading => "居民认证与成员",
        Msg::PendingOnly => "只看待认证的居民",
        Msg::SearchLabel => "搜索姓名或手机号",
        Msg::SearchButton => "搜索",
        Msg::NoMembersFound => "没有找到成员。",
        Msg::ConfirmResident => "确认身份",
        Msg::RejectResident => "不是本户居民",
        Msg::ReasonLabel => "原因",
        Msg::MemberDetails => "详情",
        Msg::RolesHeading => "角色",
        Msg::NoRoles => "没有角色。",
        Msg::GrantRoleHeading => "授予角色",
        Msg::GrantButton => "授予",
        Msg::ResetPasscode => "重置密码",
        Msg::TemporaryPasscode => {
            "临时密码：{code}。只显示这一次，请当面告诉本人，并提醒她登录后修改。"
        }
        Msg::AuditHeading => "操作日志",
        Msg::OnBehalfOf => "代{name}办理：{reason}",
        Msg::NoEntries => "还没有记录。",
        Msg::AccountHeading => "我的账号",
        Msg::ProfileHeading => "显示设置",
        Msg::NameDisplayLabel => "邻居看到的名字",
        Msg::NameFull => "全名",
        Msg::NameInitials => "只显示姓氏（如 王**）",
        Msg::LanguageLabel => "语言",
        Msg::SaveButton => "保存",
        Msg::Saved => "已保存。",
        Msg::ChangePasscodeHeading => "修改密码",
        Msg::CurrentPasscode => "当前密码",
        Msg::NewPasscode => "新密码",
        Msg::PasscodeChanged => "密码已修改，其他设备已退出登录。",
        Msg::SessionsHeading => "已登录的设备",
        Msg::ThisDevice => "本机",
        Msg::SignedInAt => "登录于 {time}",
        Msg::EndSession => "退出该设备",
        Msg::NotificationsHeading => "消息通知",
        Msg::NotificationsLater => "短信和微信通知会在以后的版本提供。",
        Msg::MarkRead => "标记为已读",
        Msg::ReadAt => "您已于 {time} 阅读。",
        Msg::ReadOnBehalf => "由{name}代为确认：{reason}",
        Msg::ReadsHeading => "阅读情况",
        Msg::ReadCount => "已读 {read} 人，共 {addressed} 人",
        Msg::UnreadHeading => "还没读的居民",
        Msg::RecordOnBehalf => "代为确认已告知",
        Msg::ChooseResident => "选择居民",
        Msg::RecordButton => "确认",
        Msg::VotesHeading => "待我投票",
        Msg::NewVoteLink => "发起投票",
        Msg::NewVoteHeading => "发起投票",
        Msg::VoteTitle => "投票事项",
        Msg::VoteKind => "投票方式",
        Msg::KindYesNo => "赞成 / 反对 / 弃权",
        Msg::KindSingle => "从几个选项中选一个",
        Msg::KindMultiple => "从几个选项中选几个",
        Msg::MaxPick => "最多选几项（得票最多的这几项当选）",
        Msg::VoteOptions => "选项（每行一个）",
        Msg::VoteHours => "投票时长（小时）",
        Msg::VoteAudience => "投票范围",
        Msg::SecretBallot => "无记名投票",
        Msg::CreateVoteButton => "发起",
        Msg::VoteScheduled => "投票还没开始",
        Msg::VoteOpen => "投票进行中",
        Msg::VoteClosed => "投票已结束",
        Msg::VoteCloses => "截止时间：{time}",
        Msg::Participation => "已投 {cast} 票，共 {eligible} 人",
        Msg::Yes => "赞成",
        Msg::No => "反对",
        Msg::Abstain => "弃权",
        Msg::CastButton => "投这一票",
        Msg::YourReceipt => "已投票。您的回执：{receipt}（结果公布后可以在投票清单里核对）",
        Msg::AlreadyVoted => "您已经投过票了。",
        Msg::ResultHeading => "投票结果",
        Msg::Adopted => "通过",
        Msg::Rejected => "未通过",
        Msg::QuorumNotMet => "参与人数不足，不作决定",
        Msg::TieNote => "票数相同",
        Msg::CloseVote => "结束投票",
        Msg::PublishResult => "公示结果",
        Msg::ResultLater => "投票结束后公布结果。",
        Msg::Votes => "{count} 票",
        Msg::NotFoundHeading => "页面不存在",
        Msg::NotFoundText => "您要找的页面不存在，可能是链接写错了。",
        Msg::GoHome => "回到首页",
    }
}

fn en(key: Msg) -> &'static str {
    match key {
        Msg::AppName => "Yishi",
        Msg::MainNav => "Main navigation",
        Msg::Settings => "Display settings",
        Msg::OtherLanguage => "中文",
        Msg::LargeType => "Large text",
        Msg::SignOut => "Sign out",
        Msg::Loading => "Loading…",
        Msg::Retry => "Try again",
        Msg::NetworkError => "Could not connect. Please check your network and try again.",
        Msg::UnexpectedResponse => {
            "The server sent an answer we could not read. Please try again later."
        }
        Msg::SignInFirst => "Please sign in first. Taking you to the sign-in page…",
        Msg::SignInHeading => "Sign in",
        Msg::SignInIntro => "Sign in with your registered phone number and password.",
        Msg::Phone => "Phone number",
        Msg::PhoneHint => "Your 11-digit mobile number",
        Msg::Password => "Password",
        Msg::SignInButton => "Sign in",
        Msg::SigningIn => "Signing in, please wait…",
        Msg::JoinLink => "Join with an invite code",
        Msg::JoinHeading => "Join with an invite code",
        Msg::JoinIntro => {
            "First time here? Enter the invite code your community gave your household."
        }
        Msg::InviteCode => "Invite code",
        Msg::InviteCodeHint => "Printed on the letter from your community: 8 letters and digits",
        Msg::Name => "Name",
        Msg::SetPasscode => "Choose a password",
        Msg::PasscodeHint => {
            "At least {min} characters; easy-to-remember digits are fine. You will use it to sign in."
        }
        Msg::JoinButton => "Join",
        Msg::Joining => "Joining, please wait…",
        Msg::HaveAccount => "Already have an account? Sign in",
        Msg::Greeting => "Hello, {name}",
        Msg::NoticesHeading => "Notices",
        Msg::NoNotices => "There are no notices yet.",
        Msg::LoadMore => "Load more",
        Msg::NewNoticeLink => "Post a notice",
        Msg::BackToList => "Back to notices",
        Msg::Author => "Posted by",
        Msg::PublishedAt => "Posted at",
        Msg::NewNoticeHeading => "Post a notice",
        Msg::Title => "Title",
        Msg::TitleHint => "At most {max} characters; {count} so far",
        Msg::Body => "Text",
        Msg::BodyHint => "At most {max} characters; {count} so far",
        Msg::ScopeLabel => "Audience",
        Msg::ScopeHint => "Who will see this notice",
        Msg::ChooseScope => "Please choose",
        Msg::WholeCommunity => "{name} (whole community)",
        Msg::WholeCompound => "{name} (whole compound)",
        Msg::PublishButton => "Post",
        Msg::Publishing => "Posting, please wait…",
        Msg::CannotPost => "You are not allowed to post notices.",
        Msg::AdminLink => "Community admin",
        Msg::AccountLink => "My account",
        Msg::PendingBanner => {
            "Your residency is waiting for the community's confirmation. Once confirmed, you will see your building's notices."
        }
        Msg::AdminHeading => "Community admin",
        Msg::TerritoryLink => "Buildings and households",
        Msg::MembersLink => "Residents and members",
        Msg::AuditLink => "Audit log",
        Msg::BackToAdmin => "Back to community admin",
        Msg::TerritoryHeading => "Buildings and households",
        Msg::Figures => "{households} households, {residents} residents, {pending} waiting",
        Msg::ArchivedBadge => "Archived",
        Msg::ArchiveButton => "Archive",
        Msg::RestoreButton => "Restore",
        Msg::NewCompound => "Add a compound",
        Msg::NewBuilding => "Add a building",
        Msg::PlaceName => "Name",
        Msg::LayoutUnits => "Units",
        Msg::LayoutFloors => "Floors",
        Msg::LayoutDoors => "Households per floor",
        Msg::LayoutHint => "Fill in all three to create the units and door numbers (101, 102 …)",
        Msg::InCompound => "Compound",
        Msg::AddButton => "Add",
        Msg::Working => "Working, please wait…",
        Msg::ImportHeading => "Import from a spreadsheet",
        Msg::ImportHint => "One household per line; the first line is the header: {header}",
        Msg::CsvLabel => "Spreadsheet content (CSV)",
        Msg::ImportButton => "Import",
        Msg::ImportDone => {
            "Imported {compounds} compounds, {buildings} buildings, {units} units and {households} households; {existing} existing households left as they were."
        }
        Msg::ImportRowError => "Line {line}: {message}",
        Msg::PrintInvites => "Invite codes",
        Msg::HouseholdsLink => "Households",
        Msg::Representative => "Representative",
        Msg::NoPhone => "No phone",
        Msg::PendingBadge => "Waiting",
        Msg::NoMembers => "Nobody has joined yet.",
        Msg::IssueInvite => "Issue an invite code",
        Msg::InPerson => "Handed over in person (confirmed on joining)",
        Msg::NewInvite => "New invite code: {code}",
        Msg::LiveInvites => "{count} unused invite codes",
        Msg::AddMemberNoPhone => "Add a member without a phone",
        Msg::MakeRepresentative => "Make representative",
        Msg::Door => "Door {name}",
        Msg::InviteSheetHeading => "Invite codes · {name}",
        Msg::IssueMissing => "Issue codes for households without one",
        Msg::Issued => "{count} new codes issued",
        Msg::NoInvites => "This building has no unused invite codes.",
        Msg::RevokeButton => "Revoke",
        Msg::PrintButton => "Print",
        Msg::InviteCardHint => "Scan to join, or open {site}/join and type the code",
        Msg::MembersHeading => "Residents and members",
        Msg::PendingOnly => "Only residents waiting for confirmation",
        Msg::SearchLabel => "Search by name or phone",
        Msg::SearchButton => "Search",
        Msg::NoMembersFound => "No members found.",
        Msg::ConfirmResident => "Confirm",
        Msg::RejectResident => "Not a resident here",
        Msg::ReasonLabel => "Reason",
        Msg::MemberDetails => "Details",
        Msg::RolesHeading => "Roles",
        Msg::NoRoles => "No roles.",
        Msg::GrantRoleHeading => "Grant a role",
        Msg::GrantButton => "Grant",
        Msg::ResetPasscode => "Reset passcode",
        Msg::TemporaryPasscode => {
            "Temporary passcode: {code}. Shown only once: tell her in person and ask her to change it."
        }
        Msg::AuditHeading => "Audit log",
        Msg::OnBehalfOf => "For {name}: {reason}",
        Msg::NoEntries => "No entries yet.",
        Msg::AccountHeading => "My account",
        Msg::ProfileHeading => "Display",
        Msg::NameDisplayLabel => "Name your neighbours see",
        Msg::NameFull => "Full name",
        Msg::NameInitials => "Family name only (e.g. W. *)",
        Msg::LanguageLabel => "Language",
        Msg::SaveButton => "Save",
        Msg::Saved => "Saved.",
        Msg::ChangePasscodeHeading => "Change passcode",
        Msg::CurrentPasscode => "Current passcode",
        Msg::NewPasscode => "New passcode",
        Msg::PasscodeChanged => "Passcode changed; your other devices are signed out.",
        Msg::SessionsHeading => "Signed-in devices",
        Msg::ThisDevice => "This device",
        Msg::SignedInAt => "Signed in {time}",
        Msg::EndSession => "Sign this device out",
        Msg::NotificationsHeading => "Notifications",
        Msg::NotificationsLater => "SMS and WeChat notifications will come in a later version.",
        Msg::MarkRead => "Mark as read",
        Msg::ReadAt => "You read this on {time}.",
        Msg::ReadOnBehalf => "Recorded by {name}: {reason}",
        Msg::ReadsHeading => "Who has read it",
        Msg::ReadCount => "{read} of {addressed} have read it",
        Msg::UnreadHeading => "Residents who have not read it",
        Msg::RecordOnBehalf => "Record on her behalf",
        Msg::ChooseResident => "Resident",
        Msg::RecordButton => "Record",
        Msg::VotesHeading => "Waiting for my vote",
        Msg::NewVoteLink => "Start a vote",
        Msg::NewVoteHeading => "Start a vote",
        Msg::VoteTitle => "What is being decided",
        Msg::VoteKind => "Kind of vote",
        Msg::KindYesNo => "Yes / no / abstain",
        Msg::KindSingle => "Choose one of several options",
        Msg::KindMultiple => "Choose several options",
        Msg::MaxPick => "At most how many (that many with the most votes win)",
        Msg::VoteOptions => "Options (one per line)",
        Msg::VoteHours => "Voting time (hours)",
        Msg::VoteAudience => "Who votes",
        Msg::SecretBallot => "Secret ballot",
        Msg::CreateVoteButton => "Start",
        Msg::VoteScheduled => "Not open yet",
        Msg::VoteOpen => "Voting open",
        Msg::VoteClosed => "Voting closed",
        Msg::VoteCloses => "Closes {time}",
        Msg::Participation => "{cast} of {eligible} have voted",
        Msg::Yes => "Yes",
        Msg::No => "No",
        Msg::Abstain => "Abstain",
        Msg::CastButton => "Cast my vote",
        Msg::YourReceipt => "Voted. Your receipt: {receipt} (check it in the published list)",
        Msg::AlreadyVoted => "You have voted.",
        Msg::ResultHeading => "Result",
        Msg::Adopted => "Adopted",
        Msg::Rejected => "Not adopted",
        Msg::QuorumNotMet => "Too few took part: no decision",
        Msg::TieNote => "Tied",
        Msg::CloseVote => "Close voting",
        Msg::PublishResult => "Publish the result",
        Msg::ResultLater => "The result is published when voting closes.",
        Msg::Votes => "{count} votes",
        Msg::NotFoundHeading => "Page not found",
        Msg::NotFoundText => "The page you are looking for does not exist. The link may be wrong.",
        Msg::GoHome => "Go to the home page",
    }
}

const LANG_KEY: &str = "yishi.lang";

/// The current language, shared by every component.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    #[must_use]
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The current language without subscribing to changes (for requests).
    #[must_use]
    pub fn lang_untracked(self) -> Lang {
        self.lang.get_untracked()
    }

    /// The text of `key` in the current language (tracked).
    #[must_use]
    pub fn t(self, key: Msg) -> &'static str {
        t(self.lang.get(), key)
    }

    /// A reactive text for views and attributes: re-renders when the language changes.
    pub fn text(self, key: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// Switches the language, remembers it and updates `<html lang>`.
    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        prefs::store(LANG_KEY, lang.tag());
    }
}

/// Provides the language context: the stored choice, Chinese otherwise. Keeps `<html lang>` and the
/// document's title in step.
pub fn provide_i18n_context() -> I18n {
    let initial = prefs::load(LANG_KEY)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let i18n = I18n {
        lang: RwSignal::new(initial),
    };
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
    provide_context(i18n);
    i18n
}

/// The language context (a Chinese one if none was provided, which only happens in isolated components).
#[must_use]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: RwSignal::new(Lang::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(Lang::ZhCn, Msg::Greeting, &[("name", "张三")]),
            "您好，张三"
        );
        assert_eq!(
            fill(Lang::En, Msg::TitleHint, &[("max", "80"), ("count", "3")]),
            "At most 80 characters; 3 so far"
        );
    }

    #[test]
    fn the_language_switch_names_the_other_language() {
        assert_eq!(t(Lang::ZhCn, Msg::OtherLanguage), "English");
        assert_eq!(t(Lang::En, Msg::OtherLanguage), "中文");
    }
}
