//! The app's own screen text. Every user-facing string is a [`Msg`] looked up by [`t`]: a constant with its
//! Chinese and its English, so a message without a translation does not compile. Error messages and field
//! names shared with the API come from `yishi_core::i18n`.

use leptos::prelude::*;
use yishi_core::Lang;

use crate::prefs;

mod chair;
mod forms;
mod nav;
mod notify;
mod staff;
mod votes;
mod words;

/// A piece of screen text: its Chinese and its English, side by side, so that a message without a
/// translation does not compile. Each message is a constant ([`Msg::AppName`], …): a screen that is not
/// in an app takes its texts with it, and the linker drops them (the home app carries only its own).
/// The office's texts are compiled into the other apps too, unused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Msg {
    zh: &'static str,
    en: &'static str,
}

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    // Shell and header.
    pub const AppName: Msg = Msg {
        zh: "议事",
        en: "Yishi",
    };
    pub const MainNav: Msg = Msg {
        zh: "主导航",
        en: "Main navigation",
    };
    pub const Settings: Msg = Msg {
        zh: "显示设置",
        en: "Display settings",
    };
    /// The language switch shows the name of the *other* language.
    pub const OtherLanguage: Msg = Msg {
        zh: "English",
        en: "中文",
    };
    pub const LargeType: Msg = Msg {
        zh: "大字模式",
        en: "Large text",
    };
    pub const SignOut: Msg = Msg {
        zh: "退出登录",
        en: "Sign out",
    };
    pub const Loading: Msg = Msg {
        zh: "正在加载…",
        en: "Loading…",
    };
    pub const Retry: Msg = Msg {
        zh: "重试",
        en: "Try again",
    };
    // Errors that are not the server's.
    pub const NetworkError: Msg = Msg {
        zh: "网络连接失败，请检查网络后重试。",
        en: "Could not connect. Please check your network and try again.",
    };
    pub const UnexpectedResponse: Msg = Msg {
        zh: "服务器的回答无法识别，请稍后再试。",
        en: "The server sent an answer we could not read. Please try again later.",
    };
    pub const SignInFirst: Msg = Msg {
        zh: "请先登录，正在前往登录页…",
        en: "Please sign in first. Taking you to the sign-in page…",
    };
    // Sign-in and joining.
    pub const SignInHeading: Msg = Msg {
        zh: "登录",
        en: "Sign in",
    };
    pub const SignInIntro: Msg = Msg {
        zh: "请用登记的手机号和密码登录。",
        en: "Sign in with your registered phone number and password.",
    };
    pub const Phone: Msg = Msg {
        zh: "手机号",
        en: "Phone number",
    };
    pub const PhoneHint: Msg = Msg {
        zh: "11 位手机号码",
        en: "Your 11-digit mobile number",
    };
    pub const Password: Msg = Msg {
        zh: "密码",
        en: "Password",
    };
    pub const SignInButton: Msg = Msg {
        zh: "登录",
        en: "Sign in",
    };
    pub const SigningIn: Msg = Msg {
        zh: "正在登录，请稍候…",
        en: "Signing in, please wait…",
    };
    pub const JoinLink: Msg = Msg {
        zh: "用邀请码加入",
        en: "Join with an invite code",
    };
    pub const JoinHeading: Msg = Msg {
        zh: "用邀请码加入",
        en: "Join with an invite code",
    };
    pub const JoinIntro: Msg = Msg {
        zh: "第一次使用？请输入社区发给您家的邀请码。",
        en: "First time here? Enter the invite code your community gave your household.",
    };
    pub const InviteCode: Msg = Msg {
        zh: "邀请码",
        en: "Invite code",
    };
    pub const InviteCodeHint: Msg = Msg {
        zh: "邀请码印在社区发的通知单上，共 8 位字母和数字",
        en: "Printed on the letter from your community: 8 letters and digits",
    };
    pub const Name: Msg = Msg {
        zh: "姓名",
        en: "Name",
    };
    pub const SetPasscode: Msg = Msg {
        zh: "设置密码",
        en: "Choose a password",
    };
    pub const PasscodeHint: Msg = Msg {
        zh: "至少 {min} 个字符，可以用好记的数字，以后登录要用",
        en: "At least {min} characters; easy-to-remember digits are fine. You will use it to sign in.",
    };
    pub const JoinButton: Msg = Msg {
        zh: "加入",
        en: "Join",
    };
    pub const Joining: Msg = Msg {
        zh: "正在加入，请稍候…",
        en: "Joining, please wait…",
    };
    pub const HaveAccount: Msg = Msg {
        zh: "已经有账号？去登录",
        en: "Already have an account? Sign in",
    };
    // Home and the notice board.
    pub const Greeting: Msg = Msg {
        zh: "您好，{name}",
        en: "Hello, {name}",
    };
    pub const NoticesHeading: Msg = Msg {
        zh: "公告",
        en: "Notices",
    };
    pub const NoNotices: Msg = Msg {
        zh: "目前还没有公告。",
        en: "There are no notices yet.",
    };
    pub const LoadMore: Msg = Msg {
        zh: "加载更多",
        en: "Load more",
    };
    pub const NewNoticeLink: Msg = Msg {
        zh: "发布公告",
        en: "Post a notice",
    };
    pub const BackToList: Msg = Msg {
        zh: "返回公告列表",
        en: "Back to notices",
    };
    pub const Author: Msg = Msg {
        zh: "发布人",
        en: "Posted by",
    };
    pub const PublishedAt: Msg = Msg {
        zh: "发布时间",
        en: "Posted at",
    };
    // Publishing.
    pub const NewNoticeHeading: Msg = Msg {
        zh: "发布公告",
        en: "Post a notice",
    };
    pub const Title: Msg = Msg {
        zh: "标题",
        en: "Title",
    };
    pub const TitleHint: Msg = Msg {
        zh: "最多 {max} 个字，已输入 {count} 个字",
        en: "At most {max} characters; {count} so far",
    };
    pub const Body: Msg = Msg {
        zh: "正文",
        en: "Text",
    };
    pub const BodyHint: Msg = Msg {
        zh: "最多 {max} 个字，已输入 {count} 个字",
        en: "At most {max} characters; {count} so far",
    };
    pub const ScopeLabel: Msg = Msg {
        zh: "发布范围",
        en: "Audience",
    };
    pub const ScopeHint: Msg = Msg {
        zh: "选择谁能看到这条公告",
        en: "Who will see this notice",
    };
    pub const ChooseScope: Msg = Msg {
        zh: "请选择",
        en: "Please choose",
    };
    pub const WholeCommunity: Msg = Msg {
        zh: "{name}（全社区）",
        en: "{name} (whole community)",
    };
    pub const WholeCompound: Msg = Msg {
        zh: "{name}（全小区）",
        en: "{name} (whole compound)",
    };
    pub const PublishButton: Msg = Msg {
        zh: "发布",
        en: "Post",
    };
    pub const Publishing: Msg = Msg {
        zh: "正在发布，请稍候…",
        en: "Posting, please wait…",
    };
    pub const CannotPost: Msg = Msg {
        zh: "您没有发布公告的权限。",
        en: "You are not allowed to post notices.",
    };
    // Administration, account, reads.
    pub const PendingBanner: Msg = Msg {
        zh: "您的居民身份正在等待社区确认。确认以后，就能看到本楼的公告。",
        en: "Your residency is waiting for the community's confirmation. Once confirmed, you will see your building's notices.",
    };
    pub const AdminHeading: Msg = Msg {
        zh: "社区管理",
        en: "Community admin",
    };
    pub const TerritoryLink: Msg = Msg {
        zh: "楼栋与住户",
        en: "Buildings and households",
    };
    pub const MembersLink: Msg = Msg {
        zh: "居民认证与成员",
        en: "Residents and members",
    };
    pub const AuditLink: Msg = Msg {
        zh: "操作日志",
        en: "Audit log",
    };
    pub const BackToAdmin: Msg = Msg {
        zh: "返回社区管理",
        en: "Back to community admin",
    };
    pub const TerritoryHeading: Msg = Msg {
        zh: "楼栋与住户",
        en: "Buildings and households",
    };
    pub const Figures: Msg = Msg {
        zh: "{households} 户，{residents} 位居民，{pending} 位待认证",
        en: "{households} households, {residents} residents, {pending} waiting",
    };
    pub const ArchivedBadge: Msg = Msg {
        zh: "已归档",
        en: "Archived",
    };
    pub const ArchiveButton: Msg = Msg {
        zh: "归档",
        en: "Archive",
    };
    pub const RestoreButton: Msg = Msg {
        zh: "恢复",
        en: "Restore",
    };
    pub const RenameButton: Msg = Msg {
        zh: "改名",
        en: "Rename",
    };
    pub const NewNameLabel: Msg = Msg {
        zh: "新名称",
        en: "New name",
    };
    pub const NewCompound: Msg = Msg {
        zh: "新增小区",
        en: "Add a compound",
    };
    pub const NewBuilding: Msg = Msg {
        zh: "新增楼栋",
        en: "Add a building",
    };
    pub const PlaceName: Msg = Msg {
        zh: "名称",
        en: "Name",
    };
    pub const LayoutUnits: Msg = Msg {
        zh: "单元数",
        en: "Units",
    };
    pub const LayoutFloors: Msg = Msg {
        zh: "楼层数",
        en: "Floors",
    };
    pub const LayoutDoors: Msg = Msg {
        zh: "每层户数",
        en: "Households per floor",
    };
    pub const LayoutHint: Msg = Msg {
        zh: "三项都填写时，自动生成单元和门牌号（如 101、102）",
        en: "Fill in all three to create the units and door numbers (101, 102 …)",
    };
    pub const InCompound: Msg = Msg {
        zh: "所在小区",
        en: "Compound",
    };
    pub const AddButton: Msg = Msg {
        zh: "添加",
        en: "Add",
    };
    pub const Working: Msg = Msg {
        zh: "正在处理，请稍候…",
        en: "Working, please wait…",
    };
    pub const ImportHeading: Msg = Msg {
        zh: "从表格导入",
        en: "Import from a spreadsheet",
    };
    pub const ImportHint: Msg = Msg {
        zh: "每行一户，第一行是表头：{header}",
        en: "One household per line; the first line is the header: {header}",
    };
    pub const CsvLabel: Msg = Msg {
        zh: "表格内容（CSV）",
        en: "Spreadsheet content (CSV)",
    };
    pub const ImportButton: Msg = Msg {
        zh: "导入",
        en: "Import",
    };
    pub const ImportDone: Msg = Msg {
        zh: "已导入：{compounds} 个小区、{buildings} 栋楼、{units} 个单元、{households} 户；已有的 {existing} 户保持不变。",
        en: "Imported {compounds} compounds, {buildings} buildings, {units} units and {households} households; {existing} existing households left as they were.",
    };
    pub const ImportRowError: Msg = Msg {
        zh: "第 {line} 行：{message}",
        en: "Line {line}: {message}",
    };
    pub const PrintInvites: Msg = Msg {
        zh: "邀请码",
        en: "Invite codes",
    };
    pub const HouseholdsLink: Msg = Msg {
        zh: "住户",
        en: "Households",
    };
    pub const Representative: Msg = Msg {
        zh: "户代表",
        en: "Representative",
    };
    pub const NoPhone: Msg = Msg {
        zh: "无手机",
        en: "No phone",
    };
    pub const PendingBadge: Msg = Msg {
        zh: "待认证",
        en: "Waiting",
    };
    pub const NoMembers: Msg = Msg {
        zh: "还没有人加入。",
        en: "Nobody has joined yet.",
    };
    pub const IssueInvite: Msg = Msg {
        zh: "生成邀请码",
        en: "Issue an invite code",
    };
    pub const InPerson: Msg = Msg {
        zh: "当面发放（加入后直接认证）",
        en: "Handed over in person (confirmed on joining)",
    };
    pub const NewInvite: Msg = Msg {
        zh: "新的邀请码：{code}",
        en: "New invite code: {code}",
    };
    pub const LiveInvites: Msg = Msg {
        zh: "未使用的邀请码 {count} 个",
        en: "{count} unused invite codes",
    };
    pub const AddMemberNoPhone: Msg = Msg {
        zh: "添加无手机的家庭成员",
        en: "Add a member without a phone",
    };
    pub const MakeRepresentative: Msg = Msg {
        zh: "设为户代表",
        en: "Make representative",
    };
    pub const Door: Msg = Msg {
        zh: "门牌 {name}",
        en: "Door {name}",
    };
    pub const InviteSheetHeading: Msg = Msg {
        zh: "邀请码 · {name}",
        en: "Invite codes · {name}",
    };
    pub const IssueMissing: Msg = Msg {
        zh: "为还没有邀请码的住户生成",
        en: "Issue codes for households without one",
    };
    pub const Issued: Msg = Msg {
        zh: "新生成 {count} 个邀请码",
        en: "{count} new codes issued",
    };
    pub const NoInvites: Msg = Msg {
        zh: "这栋楼没有未使用的邀请码。",
        en: "This building has no unused invite codes.",
    };
    pub const RevokeButton: Msg = Msg {
        zh: "作废",
        en: "Revoke",
    };
    pub const PrintButton: Msg = Msg {
        zh: "打印",
        en: "Print",
    };
    pub const InviteCardHint: Msg = Msg {
        zh: "用手机扫码加入，或打开 {site}/join 输入邀请码",
        en: "Scan to join, or open {site}/join and type the code",
    };
    // The two apps, weak networks and new versions.
    #[cfg_attr(feature = "office", allow(dead_code, reason = "the resident app's"))]
    pub const OpenInOffice: Msg = Msg {
        zh: "在工作台中打开",
        en: "Open in the office app",
    };
    pub const OpenResidentApp: Msg = Msg {
        zh: "切换到居民版",
        en: "Switch to the resident app",
    };
    pub const OfflineBanner: Msg = Msg {
        zh: "离线：显示的是上次联网时保存的内容",
        en: "Offline: showing what was saved when you were last online",
    };
    pub const OfflineNotSent: Msg = Msg {
        zh: "您现在没有联网，没有发出。联网后请再试一次。",
        en: "You are offline: nothing was sent. Try again once you are online.",
    };
    pub const NewVersion: Msg = Msg {
        zh: "有新版本，点此刷新",
        en: "A new version is ready: tap to refresh",
    };
    pub const MembersHeading: Msg = Msg {
        zh: "居民认证与成员",
        en: "Residents and members",
    };
    pub const PendingOnly: Msg = Msg {
        zh: "只看待认证的居民",
        en: "Only residents waiting for confirmation",
    };
    pub const SearchLabel: Msg = Msg {
        zh: "搜索姓名或手机号",
        en: "Search by name or phone",
    };
    pub const SearchButton: Msg = Msg {
        zh: "搜索",
        en: "Search",
    };
    pub const NoMembersFound: Msg = Msg {
        zh: "没有找到成员。",
        en: "No members found.",
    };
    pub const ConfirmResident: Msg = Msg {
        zh: "确认身份",
        en: "Confirm",
    };
    pub const RejectResident: Msg = Msg {
        zh: "不是本户居民",
        en: "Not a resident here",
    };
    pub const ReasonLabel: Msg = Msg {
        zh: "原因",
        en: "Reason",
    };
    pub const MemberDetails: Msg = Msg {
        zh: "详情",
        en: "Details",
    };
    pub const RolesHeading: Msg = Msg {
        zh: "角色",
        en: "Roles",
    };
    pub const NoRoles: Msg = Msg {
        zh: "没有角色。",
        en: "No roles.",
    };
    pub const GrantRoleHeading: Msg = Msg {
        zh: "授予角色",
        en: "Grant a role",
    };
    pub const GrantButton: Msg = Msg {
        zh: "授予",
        en: "Grant",
    };
    pub const ResetPasscode: Msg = Msg {
        zh: "重置密码",
        en: "Reset passcode",
    };
    pub const TemporaryPasscode: Msg = Msg {
        zh: "临时密码：{code}。只显示这一次，请当面告诉本人，并提醒她登录后修改。",
        en: "Temporary passcode: {code}. Shown only once: tell her in person and ask her to change it.",
    };
    pub const AuditHeading: Msg = Msg {
        zh: "操作日志",
        en: "Audit log",
    };
    pub const NoEntries: Msg = Msg {
        zh: "还没有记录。",
        en: "No entries yet.",
    };
    pub const AccountHeading: Msg = Msg {
        zh: "我的账号",
        en: "My account",
    };
    pub const ProfileHeading: Msg = Msg {
        zh: "显示设置",
        en: "Display",
    };
    pub const NameDisplayLabel: Msg = Msg {
        zh: "邻居看到的名字",
        en: "Name your neighbours see",
    };
    pub const NameFull: Msg = Msg {
        zh: "全名",
        en: "Full name",
    };
    pub const NameInitials: Msg = Msg {
        zh: "只显示姓氏（如 王**）",
        en: "Family name only (e.g. W. *)",
    };
    pub const LanguageLabel: Msg = Msg {
        zh: "语言",
        en: "Language",
    };
    pub const SaveButton: Msg = Msg {
        zh: "保存",
        en: "Save",
    };
    pub const Saved: Msg = Msg {
        zh: "已保存。",
        en: "Saved.",
    };
    pub const ChangePasscodeHeading: Msg = Msg {
        zh: "修改密码",
        en: "Change passcode",
    };
    pub const CurrentPasscode: Msg = Msg {
        zh: "当前密码",
        en: "Current passcode",
    };
    pub const NewPasscode: Msg = Msg {
        zh: "新密码",
        en: "New passcode",
    };
    pub const PasscodeChanged: Msg = Msg {
        zh: "密码已修改，其他设备已退出登录。",
        en: "Passcode changed; your other devices are signed out.",
    };
    pub const SessionsHeading: Msg = Msg {
        zh: "已登录的设备",
        en: "Signed-in devices",
    };
    pub const ThisDevice: Msg = Msg {
        zh: "本机",
        en: "This device",
    };
    pub const SignedInAt: Msg = Msg {
        zh: "登录于 {time}",
        en: "Signed in {time}",
    };
    pub const EndSession: Msg = Msg {
        zh: "退出该设备",
        en: "Sign this device out",
    };
    pub const NotificationsHeading: Msg = Msg {
        zh: "消息通知",
        en: "Notifications",
    };
    pub const MarkRead: Msg = Msg {
        zh: "标记为已读",
        en: "Mark as read",
    };
    pub const ReadAt: Msg = Msg {
        zh: "您已于 {time} 阅读。",
        en: "You read this on {time}.",
    };
    pub const ReadOnBehalf: Msg = Msg {
        zh: "由{name}代为确认：{reason}",
        en: "Recorded by {name}: {reason}",
    };
    pub const ReadsHeading: Msg = Msg {
        zh: "阅读情况",
        en: "Who has read it",
    };
    pub const ReadCount: Msg = Msg {
        zh: "已读 {read} 人，共 {addressed} 人",
        en: "{read} of {addressed} have read it",
    };
    pub const UnreadHeading: Msg = Msg {
        zh: "还没读的居民",
        en: "Residents who have not read it",
    };
    pub const RecordOnBehalf: Msg = Msg {
        zh: "代为确认已告知",
        en: "Record on her behalf",
    };
    pub const ChooseResident: Msg = Msg {
        zh: "选择居民",
        en: "Resident",
    };
    pub const RecordButton: Msg = Msg {
        zh: "确认",
        en: "Record",
    };
    // Votes.
    pub const VotesHeading: Msg = Msg {
        zh: "待我投票",
        en: "Waiting for my vote",
    };
    pub const NewVoteLink: Msg = Msg {
        zh: "发起投票",
        en: "Start a vote",
    };
    pub const NewVoteHeading: Msg = Msg {
        zh: "发起投票",
        en: "Start a vote",
    };
    pub const VoteTitle: Msg = Msg {
        zh: "投票事项",
        en: "What is being decided",
    };
    pub const VoteKind: Msg = Msg {
        zh: "投票方式",
        en: "Kind of vote",
    };
    pub const MaxPick: Msg = Msg {
        zh: "最多选几项（得票最多的这几项当选）",
        en: "At most how many (that many with the most votes win)",
    };
    pub const VoteOptions: Msg = Msg {
        zh: "选项（每行一个）",
        en: "Options (one per line)",
    };
    pub const VoteHours: Msg = Msg {
        zh: "投票时长（小时）",
        en: "Voting time (hours)",
    };
    pub const VoteAudience: Msg = Msg {
        zh: "投票范围",
        en: "Who votes",
    };
    pub const SecretBallot: Msg = Msg {
        zh: "无记名投票",
        en: "Secret ballot",
    };
    pub const CreateVoteButton: Msg = Msg {
        zh: "发起",
        en: "Start",
    };
    pub const VoteScheduled: Msg = Msg {
        zh: "投票还没开始",
        en: "Not open yet",
    };
    pub const VoteOpen: Msg = Msg {
        zh: "投票进行中",
        en: "Voting open",
    };
    pub const VoteClosed: Msg = Msg {
        zh: "投票已结束",
        en: "Voting closed",
    };
    pub const VoteCloses: Msg = Msg {
        zh: "截止时间：{time}",
        en: "Closes {time}",
    };
    /// The count of a vote or a motion, the same words on every screen (`components::VoteCount`).
    pub const Participation: Msg = Msg {
        zh: "已投 {cast} 票，共 {voters} 人可投",
        en: "{cast} of {voters} have voted",
    };
    pub const Yes: Msg = Msg {
        zh: "赞成",
        en: "Yes",
    };
    pub const No: Msg = Msg {
        zh: "反对",
        en: "No",
    };
    pub const Abstain: Msg = Msg {
        zh: "弃权",
        en: "Abstain",
    };
    pub const CastButton: Msg = Msg {
        zh: "投这一票",
        en: "Cast my vote",
    };
    pub const YourReceipt: Msg = Msg {
        zh: "已投票。您的回执：{receipt}（结果公布后可以在投票清单里核对）",
        en: "Voted. Your receipt: {receipt} (check it in the published list)",
    };
    pub const AlreadyVoted: Msg = Msg {
        zh: "您已经投过票了。",
        en: "You have voted.",
    };
    pub const ResultHeading: Msg = Msg {
        zh: "投票结果",
        en: "Result",
    };
    pub const Adopted: Msg = Msg {
        zh: "通过",
        en: "Adopted",
    };
    pub const Rejected: Msg = Msg {
        zh: "未通过",
        en: "Not adopted",
    };
    pub const QuorumNotMet: Msg = Msg {
        zh: "参与人数不足，不作决定",
        en: "Too few took part: no decision",
    };
    pub const TieNote: Msg = Msg {
        zh: "票数相同",
        en: "Tied",
    };
    pub const YesNoTie: Msg = Msg {
        zh: "赞成与反对票数相同",
        en: "Yes and no are tied",
    };
    pub const CloseVote: Msg = Msg {
        zh: "结束投票",
        en: "Close voting",
    };
    pub const PublishResult: Msg = Msg {
        zh: "公示结果",
        en: "Publish the result",
    };
    pub const ResultLater: Msg = Msg {
        zh: "投票结束后公布结果。",
        en: "The result is published when voting closes.",
    };
    pub const Votes: Msg = Msg {
        zh: "{count} 票",
        en: "{count} votes",
    };
    pub const BudgetOptions: Msg = Msg {
        zh: "项目（每行一个：名称，费用）",
        en: "Projects (one per line: name, cost)",
    };
    pub const BudgetOptionsHint: Msg = Msg {
        zh: "例如：楼道照明，3000",
        en: "For example: Stair lighting, 3000",
    };
    pub const BudgetTotal: Msg = Msg {
        zh: "总预算（元）",
        en: "Total budget (yuan)",
    };
    pub const ElectorateLabel: Msg = Msg {
        zh: "谁来投票",
        en: "Who votes",
    };
    pub const ElectorateResidents: Msg = Msg {
        zh: "范围内已认证的居民，一人一票",
        en: "Verified residents of the place, one vote each",
    };
    pub const ElectorateHouseholds: Msg = Msg {
        zh: "一户一票，由户代表投",
        en: "One vote per household, cast by its representative",
    };
    pub const ElectorateHouseholdsAny: Msg = Msg {
        zh: "一户一票，家里谁先投算谁的",
        en: "One vote per household, cast by any member (the first counts)",
    };
    pub const ElectorateCouncil: Msg = Msg {
        zh: "居民代表",
        en: "Resident representatives",
    };
    pub const ElectorateAged: Msg = Msg {
        zh: "达到一定年龄的居民",
        en: "Residents of at least an age",
    };
    pub const MinAge: Msg = Msg {
        zh: "最低年龄（周岁）",
        en: "Minimum age (years)",
    };
    pub const ThresholdLabel: Msg = Msg {
        zh: "通过标准",
        en: "Needed to adopt",
    };
    pub const ThresholdSimple: Msg = Msg {
        zh: "赞成票超过投票数的一半",
        en: "More yes than half of the votes",
    };
    pub const ThresholdAbsolute: Msg = Msg {
        zh: "赞成票超过应投人数的一半",
        en: "More yes than half of all voters",
    };
    pub const ThresholdTwoThirds: Msg = Msg {
        zh: "赞成票达到投票数的三分之二",
        en: "Two thirds of the votes say yes",
    };
    pub const ThresholdThreeQuarters: Msg = Msg {
        zh: "赞成票达到投票数的四分之三",
        en: "Three quarters of the votes say yes",
    };
    pub const CountAbstentions: Msg = Msg {
        zh: "弃权票计入基数（相当于不赞成）",
        en: "Abstentions count in the base (like no)",
    };
    pub const DoubleMajority: Msg = Msg {
        zh: "同时按建筑面积计算（双过半，须一户一票）",
        en: "Also by floor area (double majority; one vote per household)",
    };
    pub const QuorumPercent: Msg = Msg {
        zh: "最低参与比例（%，0 表示不设）",
        en: "Minimum turnout (%; 0 for none)",
    };
    pub const MaxProxies: Msg = Msg {
        zh: "每人最多接受几份委托（0 表示不允许委托）",
        en: "Proxies one voter may hold (0: none)",
    };
    pub const Changeable: Msg = Msg {
        zh: "截止前可以改票（仅限记名投票）",
        en: "Voters may change their vote until close (named votes only)",
    };
    pub const LiveResults: Msg = Msg {
        zh: "投票期间公开实时结果",
        en: "Show live results while voting",
    };
    pub const TieBreakOrder: Msg = Msg {
        zh: "票数相同时，排在前面的选项胜出（不勾选则都不当选）",
        en: "On a tie, the option listed first wins (otherwise none does)",
    };
    pub const RankHint: Msg = Msg {
        zh: "按您喜欢的顺序依次点选项，先点的是您最想要的。不想排的可以不点。",
        en: "Tap the options in order of preference, favourite first. You may leave some out.",
    };
    pub const RankPosition: Msg = Msg {
        zh: "第{n}",
        en: "#{n}",
    };
    pub const RankReset: Msg = Msg {
        zh: "重新排",
        en: "Start again",
    };
    pub const ScoreFor: Msg = Msg {
        zh: "给「{option}」打几分",
        en: "Score for “{option}”",
    };
    pub const BudgetSpent: Msg = Msg {
        zh: "已选 {spent} 元，预算 {budget} 元",
        en: "Chosen {spent} of {budget} yuan",
    };
    pub const CostOf: Msg = Msg {
        zh: "{cost} 元",
        en: "{cost} yuan",
    };
    pub const AbstainButton: Msg = Msg {
        zh: "弃权",
        en: "Abstain",
    };
    pub const OwnVote: Msg = Msg {
        zh: "您本人的票",
        en: "Your own vote",
    };
    pub const HouseholdVote: Msg = Msg {
        zh: "您家的票（一户一票）",
        en: "Your household's vote",
    };
    pub const DelegatedVote: Msg = Msg {
        zh: "邻居委托您代投的票",
        en: "A vote a neighbour asked you to cast",
    };
    pub const Winner: Msg = Msg {
        zh: "当选：{option}",
        en: "Chosen: {option}",
    };
    pub const NoWinner: Msg = Msg {
        zh: "没有选出结果",
        en: "No option was chosen",
    };
    pub const RoundsHeading: Msg = Msg {
        zh: "各轮票数",
        en: "Votes in each round",
    };
    pub const RoundN: Msg = Msg {
        zh: "第{n}轮",
        en: "Round {n}",
    };
    pub const Funded: Msg = Msg {
        zh: "获得资助（共 {spent} 元）：{list}",
        en: "Funded ({spent} yuan in all): {list}",
    };
    pub const Points: Msg = Msg {
        zh: "{count} 分",
        en: "{count} points",
    };
    pub const DownloadsHeading: Msg = Msg {
        zh: "下载",
        en: "Downloads",
    };
    pub const DownloadResultCsv: Msg = Msg {
        zh: "结果（表格 CSV）",
        en: "Result (CSV)",
    };
    pub const DownloadBallotsCsv: Msg = Msg {
        zh: "投票清单（表格 CSV）",
        en: "Ballot list (CSV)",
    };
    pub const DownloadBallotsJson: Msg = Msg {
        zh: "投票清单（JSON，可重新计票）",
        en: "Ballot list (JSON, to recount)",
    };
    pub const DownloadBallotsPabulib: Msg = Msg {
        zh: "投票清单（Pabulib 格式，可用参与式预算工具重新计票）",
        en: "Ballot list (Pabulib format, for participatory-budgeting tools)",
    };
    pub const ProxyHeading: Msg = Msg {
        zh: "委托邻居代投",
        en: "Ask a neighbour to vote for you",
    };
    pub const ProxyHint: Msg = Msg {
        zh: "投票开始前，您可以委托同一投票范围内的邻居代您投票。",
        en: "Before voting opens, you may ask a neighbour who also votes here to cast your vote.",
    };
    pub const ProxyPhone: Msg = Msg {
        zh: "受托邻居的手机号",
        en: "Your neighbour's phone number",
    };
    pub const ProxyButton: Msg = Msg {
        zh: "委托",
        en: "Delegate",
    };
    pub const ProxyGiven: Msg = Msg {
        zh: "已委托{name}代您投票。",
        en: "{name} will cast your vote.",
    };
    pub const ProxyDone: Msg = Msg {
        zh: "您已委托邻居代您投票。",
        en: "You have asked a neighbour to cast your vote.",
    };
    pub const RegisterHeading: Msg = Msg {
        zh: "投票人名单",
        en: "Voters",
    };
    pub const VotedMark: Msg = Msg {
        zh: "已投",
        en: "Voted",
    };
    pub const NotVotedMark: Msg = Msg {
        zh: "未投",
        en: "Not yet",
    };
    pub const DelegatedMark: Msg = Msg {
        zh: "已委托",
        en: "Delegated",
    };
    pub const PaperHeading: Msg = Msg {
        zh: "录入纸质票或举手表决",
        en: "Enter a paper ballot or a show of hands",
    };
    pub const PaperVoter: Msg = Msg {
        zh: "投票人",
        en: "Voter",
    };
    pub const PaperChannel: Msg = Msg {
        zh: "投票方式",
        en: "How it was cast",
    };
    pub const ChannelPaper: Msg = Msg {
        zh: "纸质票",
        en: "Paper ballot",
    };
    pub const ChannelHands: Msg = Msg {
        zh: "举手表决",
        en: "Show of hands",
    };
    pub const PaperDone: Msg = Msg {
        zh: "已录入。回执：{receipt}",
        en: "Entered. Receipt: {receipt}",
    };
    pub const FloorAreaLabel: Msg = Msg {
        zh: "建筑面积（平方米）",
        en: "Floor area (m²)",
    };
    pub const BirthYearHeading: Msg = Msg {
        zh: "出生年份",
        en: "Year of birth",
    };
    pub const BirthYearHint: Msg = Msg {
        zh: "按身份证登记，用于按年龄参加的投票。",
        en: "As on the identity card; used for votes open to residents of an age.",
    };
    pub const VoteOpensAt: Msg = Msg {
        zh: "开始时间：{time}",
        en: "Opens: {time}",
    };
    pub const Done: Msg = Msg {
        zh: "好的",
        en: "OK",
    };
    pub const MeetingsHeading: Msg = Msg {
        zh: "议事会",
        en: "Meetings",
    };
    pub const NewMeetingLink: Msg = Msg {
        zh: "召开议事会",
        en: "Call a meeting",
    };
    pub const NewMeetingHeading: Msg = Msg {
        zh: "召开议事会",
        en: "Call a meeting",
    };
    pub const MeetingTitle: Msg = Msg {
        zh: "会议名称",
        en: "Meeting title",
    };
    pub const MeetingPlace: Msg = Msg {
        zh: "会议地点",
        en: "Place",
    };
    pub const MeetingStartLegend: Msg = Msg {
        zh: "什么时候开会",
        en: "When the meeting starts",
    };
    pub const MeetingStartsAtLabel: Msg = Msg {
        zh: "开会时间（北京时间）",
        en: "Starts at (China time)",
    };
    pub const MeetingAudience: Msg = Msg {
        zh: "会议范围",
        en: "For",
    };
    pub const Invited: Msg = Msg {
        zh: "谁来参会",
        en: "Who is invited",
    };
    pub const MeetingQuorum: Msg = Msg {
        zh: "法定人数（到会人数占应到人数的 %，0 表示不设）",
        en: "Quorum (% of those invited present; 0 for none)",
    };
    pub const AgendaLabel: Msg = Msg {
        zh: "议程（每行一个议题）",
        en: "Agenda (one item per line)",
    };
    pub const CallMeetingButton: Msg = Msg {
        zh: "召开",
        en: "Call it",
    };
    pub const MeetingScheduled: Msg = Msg {
        zh: "会议还没开始",
        en: "Not started",
    };
    pub const MeetingOpen: Msg = Msg {
        zh: "会议进行中",
        en: "In session",
    };
    pub const MeetingClosed: Msg = Msg {
        zh: "会议已结束",
        en: "Ended",
    };
    pub const StartsAt: Msg = Msg {
        zh: "开始时间：{time}",
        en: "Starts: {time}",
    };
    pub const PlaceLine: Msg = Msg {
        zh: "地点：{place}",
        en: "Place: {place}",
    };
    pub const AgendaHeading: Msg = Msg {
        zh: "议程",
        en: "Agenda",
    };
    pub const ItemPending: Msg = Msg {
        zh: "未开始",
        en: "Not yet",
    };
    pub const ItemOpen: Msg = Msg {
        zh: "正在议",
        en: "Now",
    };
    pub const ItemDone: Msg = Msg {
        zh: "已议完",
        en: "Done",
    };
    pub const OpenItem: Msg = Msg {
        zh: "开始议这一项",
        en: "Take up this item",
    };
    pub const CloseItem: Msg = Msg {
        zh: "这一项议完了",
        en: "Finish this item",
    };
    pub const YouAreIn: Msg = Msg {
        zh: "您已签到。",
        en: "You are checked in.",
    };
    pub const NotInvitedNote: Msg = Msg {
        zh: "您不在这次会议的参会名单里，可以旁听结果。",
        en: "You are not invited; you can follow the results.",
    };
    pub const ScanToCheckIn: Msg = Msg {
        zh: "请扫描会场的二维码签到。",
        en: "Scan the code in the room to check in.",
    };
    pub const CheckInButton: Msg = Msg {
        zh: "签到",
        en: "Check in",
    };
    pub const LeaveButton: Msg = Msg {
        zh: "我要离场",
        en: "I am leaving",
    };
    pub const SpeakersHeading: Msg = Msg {
        zh: "发言",
        en: "Speakers",
    };
    pub const RequestToSpeak: Msg = Msg {
        zh: "申请发言",
        en: "Ask to speak",
    };
    pub const WaitingToSpeak: Msg = Msg {
        zh: "您已申请发言，请等候主持人安排。",
        en: "You asked to speak; the chair will call you.",
    };
    pub const Withdraw: Msg = Msg {
        zh: "撤回申请",
        en: "Withdraw",
    };
    pub const Speaking: Msg = Msg {
        zh: "正在发言",
        en: "Speaking",
    };
    pub const Waiting: Msg = Msg {
        zh: "等候发言",
        en: "Waiting",
    };
    pub const TimeLeft: Msg = Msg {
        zh: "剩余 {time}",
        en: "{time} left",
    };
    pub const GiveFloor: Msg = Msg {
        zh: "请他发言",
        en: "Give the floor",
    };
    pub const EndTurn: Msg = Msg {
        zh: "发言结束",
        en: "End the turn",
    };
    pub const FloorSeconds: Msg = Msg {
        zh: "发言限时",
        en: "Time limit",
    };
    pub const NoLimit: Msg = Msg {
        zh: "不限时",
        en: "No limit",
    };
    pub const Minutes: Msg = Msg {
        zh: "{n} 分钟",
        en: "{n} min",
    };
    pub const MotionHeading: Msg = Msg {
        zh: "表决",
        en: "Vote",
    };
    pub const MotionResultLater: Msg = Msg {
        zh: "结果将在表决结束后公布。",
        en: "The result is shown when the vote closes.",
    };
    pub const MotionVoted: Msg = Msg {
        zh: "您已投票。",
        en: "You have voted.",
    };
    pub const MotionCount: Msg = Msg {
        zh: "已投 {cast} 票，共 {voters} 人可投",
        en: "{cast} of {voters} have voted",
    };
    pub const PutMotionHeading: Msg = Msg {
        zh: "提请表决",
        en: "Put a motion",
    };
    pub const MotionTitle: Msg = Msg {
        zh: "表决事项",
        en: "Motion",
    };
    pub const MotionOptions: Msg = Msg {
        zh: "选项（每行一个；不填就是赞成/反对/弃权）",
        en: "Options (one per line; empty for yes/no/abstain)",
    };
    pub const MeetingDefault: Msg = Msg {
        zh: "按议事规则",
        en: "As the rules say",
    };
    pub const OverrideReason: Msg = Msg {
        zh: "未达到法定人数，仍要表决的理由",
        en: "Reason to vote without a quorum",
    };
    pub const PutMotionButton: Msg = Msg {
        zh: "开始表决",
        en: "Start the vote",
    };
    pub const CloseMotionButton: Msg = Msg {
        zh: "结束表决",
        en: "Close the vote",
    };
    pub const PaperLink: Msg = Msg {
        zh: "录入举手或纸质票",
        en: "Enter hands or paper ballots",
    };
    pub const ChairHeading: Msg = Msg {
        zh: "主持人",
        en: "Chair",
    };
    pub const OpenMeeting: Msg = Msg {
        zh: "开始会议",
        en: "Open the meeting",
    };
    pub const CloseMeeting: Msg = Msg {
        zh: "结束会议",
        en: "End the meeting",
    };
    pub const ScreenLink: Msg = Msg {
        zh: "打开大屏幕",
        en: "Open the big screen",
    };
    pub const AttendanceHeading: Msg = Msg {
        zh: "签到情况",
        en: "Attendance",
    };
    pub const Present: Msg = Msg {
        zh: "已到",
        en: "Present",
    };
    pub const Absent: Msg = Msg {
        zh: "未到",
        en: "Absent",
    };
    pub const CheckInReason: Msg = Msg {
        zh: "代签到原因",
        en: "Reason",
    };
    pub const MinutesHeading: Msg = Msg {
        zh: "会议纪要",
        en: "Minutes",
    };
    pub const SaveMinutes: Msg = Msg {
        zh: "保存纪要",
        en: "Save the minutes",
    };
    pub const PublishMinutes: Msg = Msg {
        zh: "公示纪要",
        en: "Publish the minutes",
    };
    pub const MinutesPublished: Msg = Msg {
        zh: "纪要已公示。",
        en: "The minutes are published.",
    };
    pub const ScreenScan: Msg = Msg {
        zh: "扫码签到",
        en: "Scan to check in",
    };
    pub const LiveLost: Msg = Msg {
        zh: "连接中断，正在重新连接……",
        en: "Connection lost; reconnecting…",
    };
    pub const CheckingIn: Msg = Msg {
        zh: "正在签到……",
        en: "Checking in…",
    };
    pub const CheckInLink: Msg = Msg {
        zh: "签到链接（可转发到楼栋群）",
        en: "Check-in link (to share in the building's group)",
    };
    pub const MotionsHeading: Msg = Msg {
        zh: "表决结果",
        en: "Votes taken",
    };
    pub const SearchMeetings: Msg = Msg {
        zh: "搜索会议（编号、名称、议题、地点、纪要）",
        en: "Search meetings (number, title, agenda, place, minutes)",
    };
    pub const NoMeetings: Msg = Msg {
        zh: "没有找到会议。",
        en: "No meetings found.",
    };
    // Residents' matters.
    pub const MattersHeading: Msg = Msg {
        zh: "居民议事",
        en: "Residents' matters",
    };
    pub const ByBuilding: Msg = Msg {
        zh: "按楼栋",
        en: "By building",
    };
    pub const ByCompound: Msg = Msg {
        zh: "按小区",
        en: "By compound",
    };
    pub const FilterPlace: Msg = Msg {
        zh: "地方",
        en: "Place",
    };
    pub const MicroWish: Msg = Msg {
        zh: "微心愿",
        en: "Micro-wish",
    };
    pub const MattersIntro: Msg = Msg {
        zh: "有事大家提、大家议、大家定、大家办、大家评。",
        en: "Raise a matter, talk it over, decide, carry it out and judge it — together.",
    };
    pub const ProposeLink: Msg = Msg {
        zh: "我要提一件事",
        en: "Raise a matter",
    };
    pub const AllMatters: Msg = Msg {
        zh: "看看大家提的事",
        en: "See all matters",
    };
    pub const BoardLink: Msg = Msg {
        zh: "红黑榜",
        en: "Red and black board",
    };
    pub const FilterAll: Msg = Msg {
        zh: "全部",
        en: "All",
    };
    pub const FilterRaised: Msg = Msg {
        zh: "我提的",
        en: "Raised by me",
    };
    pub const FilterSupported: Msg = Msg {
        zh: "我附议的",
        en: "Supported by me",
    };
    pub const FilterVote: Msg = Msg {
        zh: "待我投票",
        en: "Waiting for my vote",
    };
    pub const FilterStep: Msg = Msg {
        zh: "进度",
        en: "Step",
    };
    pub const FilterCategory: Msg = Msg {
        zh: "类别",
        en: "Category",
    };
    pub const AnyOption: Msg = Msg {
        zh: "不限",
        en: "Any",
    };
    pub const NoMatters: Msg = Msg {
        zh: "还没有事项。",
        en: "No matters yet.",
    };
    pub const SupportsOf: Msg = Msg {
        zh: "附议 {count}/{threshold}",
        en: "{count} of {threshold} supports",
    };
    pub const NeedsMyVote: Msg = Msg {
        zh: "等您投票",
        en: "Your vote is awaited",
    };
    pub const ProposeHeading: Msg = Msg {
        zh: "提一件事",
        en: "Raise a matter",
    };
    pub const DescriptionLabel: Msg = Msg {
        zh: "详细说明",
        en: "Description",
    };
    pub const DescriptionHint: Msg = Msg {
        zh: "说清楚在哪里、什么情况、希望怎么办。最多 {max} 个字，已输入 {count} 个字",
        en: "Where, what is wrong, what you would like done. At most {max} characters; {count} so far",
    };
    pub const CategoryLabel: Msg = Msg {
        zh: "类别",
        en: "Category",
    };
    pub const MatterScopeLabel: Msg = Msg {
        zh: "这件事关系到",
        en: "This matter concerns",
    };
    pub const MicroWishLabel: Msg = Msg {
        zh: "这是一个微心愿（自己的小困难，希望有邻居志愿帮忙）",
        en: "This is a micro-wish (a small need of my own that a neighbour could help with)",
    };
    pub const PhotosLabel: Msg = Msg {
        zh: "照片（可选，最多 6 张）",
        en: "Photos (optional, at most 6)",
    };
    pub const PhotosHint: Msg = Msg {
        zh: "照片会自动缩小，省流量",
        en: "Photos are made smaller before sending, to save data",
    };
    pub const UploadingPhotos: Msg = Msg {
        zh: "正在上传照片…",
        en: "Uploading photos…",
    };
    pub const SubmitMatter: Msg = Msg {
        zh: "提交",
        en: "Submit",
    };
    pub const Submitting: Msg = Msg {
        zh: "正在提交，请稍候…",
        en: "Submitting…",
    };
    pub const MyBuilding: Msg = Msg {
        zh: "我住的楼（{name}）",
        en: "My building ({name})",
    };
    pub const MyCompound: Msg = Msg {
        zh: "我住的小区（{name}）",
        en: "My compound ({name})",
    };
    pub const MyCommunity: Msg = Msg {
        zh: "全社区（{name}）",
        en: "The whole community ({name})",
    };
    pub const OnlyResidentsPropose: Msg = Msg {
        zh: "认证后的居民才能提事项。",
        en: "Only verified residents can raise matters.",
    };
    pub const CatEnvironment: Msg = Msg {
        zh: "环境卫生",
        en: "Environment and sanitation",
    };
    pub const CatParking: Msg = Msg {
        zh: "停车管理",
        en: "Parking",
    };
    pub const CatElderlyCare: Msg = Msg {
        zh: "为老服务",
        en: "Elderly care",
    };
    pub const CatCulture: Msg = Msg {
        zh: "文化活动",
        en: "Culture",
    };
    pub const CatYouth: Msg = Msg {
        zh: "青少年",
        en: "Youth",
    };
    pub const CatSafety: Msg = Msg {
        zh: "平安建设",
        en: "Safety",
    };
    pub const CatSelfManagement: Msg = Msg {
        zh: "居民自治",
        en: "Self-management",
    };
    pub const CatOther: Msg = Msg {
        zh: "其他",
        en: "Other",
    };
    pub const StepProposed: Msg = Msg {
        zh: "征集附议",
        en: "Collecting support",
    };
    pub const StepDeliberating: Msg = Msg {
        zh: "议事中",
        en: "Under discussion",
    };
    pub const StepDeciding: Msg = Msg {
        zh: "表决中",
        en: "Being decided",
    };
    pub const StepImplementing: Msg = Msg {
        zh: "实施中",
        en: "Being carried out",
    };
    pub const StepAccepting: Msg = Msg {
        zh: "待验收",
        en: "Awaiting acceptance",
    };
    pub const StepEvaluating: Msg = Msg {
        zh: "评价中",
        en: "Being rated",
    };
    pub const StepDeclined: Msg = Msg {
        zh: "未受理",
        en: "Declined",
    };
    pub const StepMerged: Msg = Msg {
        zh: "已合并",
        en: "Merged",
    };
    pub const StepRejected: Msg = Msg {
        zh: "未通过",
        en: "Not adopted",
    };
    pub const StagePropose: Msg = Msg {
        zh: "民提",
        en: "Propose",
    };
    pub const StageDeliberate: Msg = Msg {
        zh: "民议",
        en: "Discuss",
    };
    pub const StageDecide: Msg = Msg {
        zh: "民决",
        en: "Decide",
    };
    pub const StageCarryOut: Msg = Msg {
        zh: "民办",
        en: "Carry out",
    };
    pub const StageEvaluate: Msg = Msg {
        zh: "民评",
        en: "Evaluate",
    };
    pub const StagesLabel: Msg = Msg {
        zh: "五个步骤",
        en: "The five steps",
    };
    pub const StanceFor: Msg = Msg {
        zh: "赞成",
        en: "For",
    };
    pub const StanceAgainst: Msg = Msg {
        zh: "反对",
        en: "Against",
    };
    pub const StanceQuestion: Msg = Msg {
        zh: "提问",
        en: "Question",
    };
    pub const StanceSuggestion: Msg = Msg {
        zh: "建议",
        en: "Suggestion",
    };
    pub const OwnerResidentTeam: Msg = Msg {
        zh: "居民自治小组",
        en: "Residents' team",
    };
    pub const OwnerProperty: Msg = Msg {
        zh: "物业公司",
        en: "Property company",
    };
    pub const OwnerCommunityUnit: Msg = Msg {
        zh: "社区部门",
        en: "Community office",
    };
    pub const OwnerContractor: Msg = Msg {
        zh: "施工单位",
        en: "Contractor",
    };
    pub const OwnerVolunteer: Msg = Msg {
        zh: "志愿者",
        en: "Volunteer",
    };
    pub const EvProposed: Msg = Msg {
        zh: "提出",
        en: "Raised",
    };
    pub const EvReachedList: Msg = Msg {
        zh: "附议人数达到，进入议事",
        en: "Enough support: on the council's list",
    };
    pub const EvSummarized: Msg = Msg {
        zh: "发布讨论小结",
        en: "Summary of the discussion",
    };
    pub const EvDeclined: Msg = Msg {
        zh: "不予受理",
        en: "Declined",
    };
    pub const EvMergedInto: Msg = Msg {
        zh: "合并到另一事项",
        en: "Merged into another matter",
    };
    pub const EvMergedFrom: Msg = Msg {
        zh: "并入重复事项",
        en: "A duplicate merged in",
    };
    pub const EvPutToBallot: Msg = Msg {
        zh: "发起网上表决",
        en: "Put to an online vote",
    };
    pub const EvPutToMeeting: Msg = Msg {
        zh: "列入议事会议程",
        en: "Put on a meeting's agenda",
    };
    pub const EvDecided: Msg = Msg {
        zh: "登记表决结果并公示",
        en: "Decision recorded and published",
    };
    pub const EvOwnerNamed: Msg = Msg {
        zh: "确定实施方",
        en: "Owner named",
    };
    pub const EvAdopted: Msg = Msg {
        zh: "邻居认领微心愿",
        en: "A neighbour adopted the wish",
    };
    pub const EvMilestoneAdded: Msg = Msg {
        zh: "新增节点",
        en: "Milestone added",
    };
    pub const EvMilestoneDone: Msg = Msg {
        zh: "完成节点",
        en: "Milestone met",
    };
    pub const EvProgress: Msg = Msg {
        zh: "更新进展",
        en: "Progress",
    };
    pub const EvAcceptanceRequested: Msg = Msg {
        zh: "申请验收",
        en: "Acceptance requested",
    };
    pub const EvAccepted: Msg = Msg {
        zh: "验收通过",
        en: "Accepted",
    };
    pub const EvAcceptanceRejected: Msg = Msg {
        zh: "验收未通过",
        en: "Not accepted",
    };
    pub const ProposedBy: Msg = Msg {
        zh: "{name} 提出 · {time}",
        en: "Raised by {name} · {time}",
    };
    pub const SupportButton: Msg = Msg {
        zh: "我也支持（附议）",
        en: "I support this",
    };
    pub const YouSupport: Msg = Msg {
        zh: "您已附议",
        en: "You support this",
    };
    pub const SupportProgress: Msg = Msg {
        zh: "已有 {count} 人附议，满 {threshold} 人进入议事",
        en: "{count} supports; at {threshold} it goes to the council",
    };
    pub const MergedIntoNote: Msg = Msg {
        zh: "这件事与另一件重复，已合并到：",
        en: "This duplicates another matter and was merged into:",
    };
    pub const MergedFromNote: Msg = Msg {
        zh: "并入的重复事项：",
        en: "Duplicates merged in:",
    };
    pub const DeclinedNote: Msg = Msg {
        zh: "未受理。原因：{reason}",
        en: "Declined. Reason: {reason}",
    };
    pub const DiscussionHeading: Msg = Msg {
        zh: "大家议一议",
        en: "Discussion",
    };
    pub const NoComments: Msg = Msg {
        zh: "还没有人发言。",
        en: "No comments yet.",
    };
    pub const CommentLabel: Msg = Msg {
        zh: "我的意见",
        en: "My comment",
    };
    pub const StanceLabel: Msg = Msg {
        zh: "观点",
        en: "Stance",
    };
    pub const CommentButton: Msg = Msg {
        zh: "发表",
        en: "Post",
    };
    pub const ReplyButton: Msg = Msg {
        zh: "回复",
        en: "Reply",
    };
    pub const ReplyingTo: Msg = Msg {
        zh: "回复 {name}",
        en: "Replying to {name}",
    };
    pub const CancelReply: Msg = Msg {
        zh: "取消回复",
        en: "Cancel reply",
    };
    pub const HiddenComment: Msg = Msg {
        zh: "这条留言已隐藏。原因：{reason}",
        en: "This comment was hidden. Reason: {reason}",
    };
    pub const HideButton: Msg = Msg {
        zh: "隐藏",
        en: "Hide",
    };
    pub const HideReason: Msg = Msg {
        zh: "隐藏原因（会公开显示）",
        en: "Reason for hiding (shown publicly)",
    };
    pub const SummaryHeading: Msg = Msg {
        zh: "讨论小结",
        en: "Summary of the discussion",
    };
    pub const SummaryBy: Msg = Msg {
        zh: "{name} · {time}",
        en: "{name} · {time}",
    };
    pub const SaveSummary: Msg = Msg {
        zh: "发布小结",
        en: "Publish the summary",
    };
    pub const DecideHeading: Msg = Msg {
        zh: "表决",
        en: "Decision",
    };
    pub const PutToBallotButton: Msg = Msg {
        zh: "发起网上表决",
        en: "Put to an online vote",
    };
    pub const BallotDays: Msg = Msg {
        zh: "投票几天",
        en: "Voting days",
    };
    pub const PutToMeetingButton: Msg = Msg {
        zh: "列入议事会议程",
        en: "Put on a meeting's agenda",
    };
    pub const ChooseMeeting: Msg = Msg {
        zh: "选择会议",
        en: "Choose a meeting",
    };
    pub const RecordDecision: Msg = Msg {
        zh: "登记表决结果并公示",
        en: "Record the decision and publish it",
    };
    pub const GoVote: Msg = Msg {
        zh: "去投票",
        en: "Go to the vote",
    };
    pub const GoMeeting: Msg = Msg {
        zh: "去会议",
        en: "Go to the meeting",
    };
    pub const DecisionAdopted: Msg = Msg {
        zh: "表决通过",
        en: "Adopted by vote",
    };
    pub const DecisionRejected: Msg = Msg {
        zh: "表决未通过",
        en: "Not adopted",
    };
    pub const DecisionNoticeLink: Msg = Msg {
        zh: "查看公示",
        en: "See the notice",
    };
    pub const ManageHeading: Msg = Msg {
        zh: "工作人员操作",
        en: "Staff actions",
    };
    pub const DeclineButton: Msg = Msg {
        zh: "不予受理",
        en: "Decline",
    };
    pub const DeclineReason: Msg = Msg {
        zh: "不予受理的原因（会公开显示）",
        en: "Why it is declined (shown publicly)",
    };
    pub const MergeButton: Msg = Msg {
        zh: "合并",
        en: "Merge",
    };
    pub const MergeTarget: Msg = Msg {
        zh: "与哪一件事重复",
        en: "Duplicate of",
    };
    pub const CarryOutHeading: Msg = Msg {
        zh: "实施",
        en: "Carrying out",
    };
    pub const OwnerKindLabel: Msg = Msg {
        zh: "实施方类型",
        en: "Kind of owner",
    };
    pub const OwnerNameLabel: Msg = Msg {
        zh: "实施方名称",
        en: "Owner's name",
    };
    pub const OwnerPhoneLabel: Msg = Msg {
        zh: "负责人手机号（可选；填了他就能更新进展）",
        en: "Phone of the person in charge (optional; they can then report progress)",
    };
    pub const SaveOwner: Msg = Msg {
        zh: "确定实施方",
        en: "Name the owner",
    };
    pub const OwnerIs: Msg = Msg {
        zh: "实施方：{name}（{kind}）",
        en: "Owner: {name} ({kind})",
    };
    pub const MilestonesHeading: Msg = Msg {
        zh: "节点",
        en: "Milestones",
    };
    pub const MilestoneTitle: Msg = Msg {
        zh: "节点名称",
        en: "Milestone",
    };
    pub const MilestoneDue: Msg = Msg {
        zh: "计划完成日期",
        en: "Target date",
    };
    pub const AddMilestone: Msg = Msg {
        zh: "添加节点",
        en: "Add a milestone",
    };
    pub const MarkDone: Msg = Msg {
        zh: "标记完成",
        en: "Mark as met",
    };
    pub const DoneOn: Msg = Msg {
        zh: "已完成 {date}",
        en: "Met {date}",
    };
    pub const DueOn: Msg = Msg {
        zh: "计划 {date}",
        en: "Due {date}",
    };
    pub const ProgressHeading: Msg = Msg {
        zh: "进展",
        en: "Progress",
    };
    pub const ProgressLabel: Msg = Msg {
        zh: "进展情况",
        en: "What was done",
    };
    pub const PostProgress: Msg = Msg {
        zh: "发布进展",
        en: "Post progress",
    };
    pub const NoProgress: Msg = Msg {
        zh: "还没有进展。",
        en: "No progress reported yet.",
    };
    pub const ReadyButton: Msg = Msg {
        zh: "已完成，申请验收",
        en: "Done: ask for acceptance",
    };
    pub const AdoptButton: Msg = Msg {
        zh: "我来帮忙（认领心愿）",
        en: "I will help (adopt the wish)",
    };
    pub const AcceptHeading: Msg = Msg {
        zh: "验收",
        en: "Acceptance",
    };
    pub const AcceptButton: Msg = Msg {
        zh: "验收通过",
        en: "Accept",
    };
    pub const RejectAcceptButton: Msg = Msg {
        zh: "验收不通过",
        en: "Do not accept",
    };
    pub const RejectReason: Msg = Msg {
        zh: "不通过的原因",
        en: "Why it is not accepted",
    };
    pub const EvaluateHeading: Msg = Msg {
        zh: "大家评一评",
        en: "Ratings",
    };
    pub const RatingAverage: Msg = Msg {
        zh: "平均 {avg} 星，{count} 人评价",
        en: "{avg} stars on average, {count} ratings",
    };
    pub const NoRatings: Msg = Msg {
        zh: "还没有人评价。",
        en: "No ratings yet.",
    };
    pub const StarsLabel: Msg = Msg {
        zh: "打几颗星",
        en: "How many stars",
    };
    pub const StarsN: Msg = Msg {
        zh: "{n} 星",
        en: "{n} stars",
    };
    pub const RatingComment: Msg = Msg {
        zh: "说几句（可选）",
        en: "A few words (optional)",
    };
    pub const RateButton: Msg = Msg {
        zh: "提交评价",
        en: "Submit rating",
    };
    pub const EvaluationUntil: Msg = Msg {
        zh: "评价截止 {time}",
        en: "Ratings close {time}",
    };
    pub const MyRating: Msg = Msg {
        zh: "我的评价：{n} 星",
        en: "My rating: {n} stars",
    };
    pub const TimelineHeading: Msg = Msg {
        zh: "办理过程",
        en: "Timeline",
    };
    pub const BoardHeading: Msg = Msg {
        zh: "红黑榜",
        en: "Red and black board",
    };
    pub const BoardIntro: Msg = Msg {
        zh: "按近一年参与议事（提出、附议、讨论、评价）的居民比例排名，比例相同时看评价。",
        en: "Ranked by the share of residents who took part in matters (raised, supported, discussed, rated) over the last year, then by their ratings.",
    };
    pub const RedList: Msg = Msg {
        zh: "红榜",
        en: "Red list",
    };
    pub const BlackList: Msg = Msg {
        zh: "黑榜",
        en: "Black list",
    };
    pub const ParticipationCol: Msg = Msg {
        zh: "参与率",
        en: "Participation",
    };
    pub const SatisfactionCol: Msg = Msg {
        zh: "满意度",
        en: "Satisfaction",
    };
    pub const ResidentsCol: Msg = Msg {
        zh: "居民",
        en: "Residents",
    };
    pub const RankCol: Msg = Msg {
        zh: "名次",
        en: "Rank",
    };
    pub const PlaceCol: Msg = Msg {
        zh: "地点",
        en: "Building",
    };
    pub const MatterSettingsHeading: Msg = Msg {
        zh: "议事设置",
        en: "Settings for matters",
    };
    pub const BuildingSupports: Msg = Msg {
        zh: "楼栋事项需要的附议人数",
        en: "Supports a building's matter needs",
    };
    pub const CompoundSupports: Msg = Msg {
        zh: "小区事项需要的附议人数",
        en: "Supports a compound's matter needs",
    };
    pub const CommunitySupports: Msg = Msg {
        zh: "社区事项需要的附议人数",
        en: "Supports a community's matter needs",
    };
    pub const EvaluationDays: Msg = Msg {
        zh: "验收后可以评价几天",
        en: "Days for rating after acceptance",
    };
    pub const PhotoAlt: Msg = Msg {
        zh: "事项照片 {n}",
        en: "Photo {n} of the matter",
    };
    // The notice board's periods, objections, archive.
    pub const NcCommunityAffairs: Msg = Msg {
        zh: "居务公开",
        en: "Community affairs",
    };
    pub const NcFinancial: Msg = Msg {
        zh: "财务公开",
        en: "Financial disclosure",
    };
    pub const NcDecision: Msg = Msg {
        zh: "决议公示",
        en: "Decision",
    };
    pub const NcCovenant: Msg = Msg {
        zh: "居民公约",
        en: "Covenant",
    };
    pub const NcMeeting: Msg = Msg {
        zh: "会议通知",
        en: "Meeting",
    };
    pub const NcEvent: Msg = Msg {
        zh: "活动",
        en: "Event",
    };
    pub const NcEmergency: Msg = Msg {
        zh: "紧急通知",
        en: "Emergency",
    };
    pub const NoticeCategoryLabel: Msg = Msg {
        zh: "公告类别",
        en: "Kind of notice",
    };
    pub const PinnedLabel: Msg = Msg {
        zh: "置顶（一直显示在公告栏最上面）",
        en: "Pin to the top of the board",
    };
    pub const PinnedBadge: Msg = Msg {
        zh: "置顶",
        en: "Pinned",
    };
    pub const DraftLabel: Msg = Msg {
        zh: "先存为草稿，暂不发布",
        en: "Save as a draft, do not publish yet",
    };
    pub const DraftBadge: Msg = Msg {
        zh: "草稿",
        en: "Draft",
    };
    pub const ScheduledBadge: Msg = Msg {
        zh: "定时发布",
        en: "Scheduled",
    };
    pub const PublishAtLabel: Msg = Msg {
        zh: "定时发布（可选，不填就是现在）",
        en: "Publish at (optional; now if empty)",
    };
    pub const ExpiresLabel: Msg = Msg {
        zh: "下架日期（可选，到期后进入归档）",
        en: "Take down on (optional; then archived)",
    };
    pub const PeriodDaysLabel: Msg = Msg {
        zh: "公示期（天；0 表示不设公示期）",
        en: "Publication period in days (0 for none)",
    };
    pub const PeriodRunning: Msg = Msg {
        zh: "公示期至 {time}（还剩 {left}），期间可以提出异议",
        en: "Publication period until {time} ({left} left); objections may be filed",
    };
    pub const DecisionInPeriod: Msg = Msg {
        zh: "表决结果公示中，公示期满且无有效异议后开始实施",
        en: "The decision is in its publication period; work starts once it completes without a valid objection",
    };
    pub const ReconsiderButton: Msg = Msg {
        zh: "异议成立：退回重新议事",
        en: "Objection upheld: back to the council",
    };
    pub const EvReconsidered: Msg = Msg {
        zh: "异议成立，退回重新议事",
        en: "Objection upheld: back to the council",
    };
    pub const AttachmentsLabel: Msg = Msg {
        zh: "附件（可选：照片或 PDF，最多 6 个）",
        en: "Attachments (optional: photos or PDF, at most 6)",
    };
    pub const AttachmentN: Msg = Msg {
        zh: "附件 {n}",
        en: "Attachment {n}",
    };
    pub const PdfAttachment: Msg = Msg {
        zh: "附件 {n}（PDF，{size}）",
        en: "Attachment {n} (PDF, {size})",
    };
    pub const DaysLeft: Msg = Msg {
        zh: "{n} 天",
        en: "{n} days",
    };
    pub const HoursLeft: Msg = Msg {
        zh: "{n} 小时",
        en: "{n} hours",
    };
    pub const PeriodAwaiting: Msg = Msg {
        zh: "公示期已满，还有异议没有答复",
        en: "The period is over; some objections are not answered yet",
    };
    pub const PeriodComplete: Msg = Msg {
        zh: "公示期满，无有效异议",
        en: "Publication complete, no valid objection",
    };
    pub const PeriodUpheld: Msg = Msg {
        zh: "公示期满，异议成立",
        en: "Publication complete: objection upheld",
    };
    pub const ObjectionsHeading: Msg = Msg {
        zh: "异议",
        en: "Objections",
    };
    pub const ObjectionReason: Msg = Msg {
        zh: "我有异议（请写明理由）",
        en: "My objection (give the reason)",
    };
    pub const ObjectButton: Msg = Msg {
        zh: "提出异议",
        en: "File an objection",
    };
    pub const NoObjections: Msg = Msg {
        zh: "没有人提出异议。",
        en: "No objections.",
    };
    pub const AnswerLabel: Msg = Msg {
        zh: "答复（会公开显示）",
        en: "Answer (shown publicly)",
    };
    pub const UpheldLabel: Msg = Msg {
        zh: "异议成立（会改变这项决定）",
        en: "The objection is upheld (it changes the decision)",
    };
    pub const AnswerButton: Msg = Msg {
        zh: "答复",
        en: "Answer",
    };
    pub const AnswerUpheld: Msg = Msg {
        zh: "答复（异议成立）：{text}",
        en: "Answer (upheld): {text}",
    };
    pub const AnswerRejected: Msg = Msg {
        zh: "答复（异议不成立）：{text}",
        en: "Answer (not upheld): {text}",
    };
    pub const PrintLink: Msg = Msg {
        zh: "打印纸质公告",
        en: "Print the paper notice",
    };
    pub const PrintScan: Msg = Msg {
        zh: "扫码查看网上公示、提出异议",
        en: "Scan to see it online and to object",
    };
    pub const PublishDraft: Msg = Msg {
        zh: "现在发布",
        en: "Publish now",
    };
    pub const ArchiveLink: Msg = Msg {
        zh: "归档与搜索",
        en: "Archive and search",
    };
    pub const ArchiveHeading: Msg = Msg {
        zh: "公告归档与搜索",
        en: "Notice archive and search",
    };
    pub const SearchNotices: Msg = Msg {
        zh: "搜索公告（编号、标题、正文）",
        en: "Search notices (number, title, text)",
    };
    pub const InForce: Msg = Msg {
        zh: "现行",
        en: "In force",
    };
    pub const ArchivedTab: Msg = Msg {
        zh: "已归档",
        en: "Archived",
    };
    pub const DraftsTab: Msg = Msg {
        zh: "草稿和定时",
        en: "Drafts and scheduled",
    };
    pub const ReadsByBuilding: Msg = Msg {
        zh: "各楼已读",
        en: "Read, by building",
    };
    pub const ReadsOf: Msg = Msg {
        zh: "{read}/{addressed} 人已读",
        en: "{read} of {addressed} read",
    };
    pub const PinnedHeading: Msg = Msg {
        zh: "置顶",
        en: "Pinned",
    };
    // Covenants.
    pub const CovenantsHeading: Msg = Msg {
        zh: "居民公约",
        en: "Resident covenants",
    };
    pub const SearchCovenants: Msg = Msg {
        zh: "搜索公约（编号、标题、条款）",
        en: "Search covenants (number, title, clauses)",
    };
    pub const CovenantsIntro: Msg = Msg {
        zh: "一事一约：大家一起定规矩，投票通过后各户签署。",
        en: "One matter, one covenant: rules residents draft, adopt by vote and sign household by household.",
    };
    pub const NewCovenantLink: Msg = Msg {
        zh: "起草公约",
        en: "Draft a covenant",
    };
    pub const NewCovenantHeading: Msg = Msg {
        zh: "起草公约",
        en: "Draft a covenant",
    };
    pub const ClausesLabel: Msg = Msg {
        zh: "条款（每行一条）",
        en: "Clauses (one per line)",
    };
    pub const NoCovenants: Msg = Msg {
        zh: "还没有公约。",
        en: "No covenants yet.",
    };
    pub const VersionN: Msg = Msg {
        zh: "第 {n} 版",
        en: "Version {n}",
    };
    pub const VsDrafting: Msg = Msg {
        zh: "征求意见中",
        en: "Being drafted",
    };
    pub const VsVoting: Msg = Msg {
        zh: "投票中",
        en: "Being voted on",
    };
    pub const VsAdopted: Msg = Msg {
        zh: "现行有效",
        en: "In force",
    };
    pub const VsRejected: Msg = Msg {
        zh: "未通过",
        en: "Not adopted",
    };
    pub const VsSuperseded: Msg = Msg {
        zh: "已被新版本取代",
        en: "Superseded",
    };
    pub const InForceVersion: Msg = Msg {
        zh: "现行：第 {n} 版",
        en: "In force: version {n}",
    };
    pub const NoneInForce: Msg = Msg {
        zh: "还没有通过的版本",
        en: "No version in force yet",
    };
    pub const ClauseN: Msg = Msg {
        zh: "第 {n} 条",
        en: "Clause {n}",
    };
    pub const CommentOnClause: Msg = Msg {
        zh: "对哪一条提意见",
        en: "Which clause",
    };
    pub const CommentOnClauseButton: Msg = Msg {
        zh: "提意见",
        en: "Comment",
    };
    pub const SaveDraft: Msg = Msg {
        zh: "保存草稿",
        en: "Save the draft",
    };
    pub const PutCovenantToVote: Msg = Msg {
        zh: "提交居民投票",
        en: "Put to the residents' vote",
    };
    pub const RecordAdoption: Msg = Msg {
        zh: "登记投票结果",
        en: "Record the vote's outcome",
    };
    pub const AmendButton: Msg = Msg {
        zh: "修订（起草新版本）",
        en: "Amend (draft a new version)",
    };
    pub const SignButton: Msg = Msg {
        zh: "我家签署",
        en: "Sign for my household",
    };
    pub const SignedBy: Msg = Msg {
        zh: "本户已签署（{name}，{time}）",
        en: "Signed by your household ({name}, {time})",
    };
    pub const SignedOnPaper: Msg = Msg {
        zh: "本户已在纸质公约上签署，由{name}代为登记（{time}）",
        en: "Signed on paper; recorded by {name} ({time})",
    };
    pub const CoverageHeading: Msg = Msg {
        zh: "签署情况",
        en: "Signatures",
    };
    pub const CoverageRow: Msg = Msg {
        zh: "{signed}/{households} 户（{percent}）",
        en: "{signed} of {households} households ({percent})",
    };
    pub const PaperSignature: Msg = Msg {
        zh: "登记纸质签名",
        en: "Record a paper signature",
    };
    pub const PaperHousehold: Msg = Msg {
        zh: "门牌",
        en: "Door",
    };
    pub const PaperUnit: Msg = Msg {
        zh: "单元",
        en: "Unit",
    };
    pub const VersionsHeading: Msg = Msg {
        zh: "历史版本",
        en: "Versions",
    };
    pub const SignaturesCount: Msg = Msg {
        zh: "{n} 户签署",
        en: "{n} households signed",
    };
    // Residents' requests.
    pub const RequestsHeading: Msg = Msg {
        zh: "民生诉求",
        en: "Residents' requests",
    };
    pub const RequestsIntro: Msg = Msg {
        zh: "路灯不亮、垃圾没清、噪音扰民……告诉我们，系统会直接交给负责的单位，并按时限办理。",
        en: "A broken light, rubbish left, noise at night: tell us, and it goes straight to the unit responsible, with a deadline.",
    };
    pub const ReportLink: Msg = Msg {
        zh: "我要反映",
        en: "Report a problem",
    };
    pub const ReportHeading: Msg = Msg {
        zh: "反映问题",
        en: "Report a problem",
    };
    pub const MyRequests: Msg = Msg {
        zh: "我的诉求",
        en: "My requests",
    };
    pub const HandlingRequests: Msg = Msg {
        zh: "待我处理",
        en: "For my unit",
    };
    pub const AllRequests: Msg = Msg {
        zh: "全部诉求",
        en: "All requests",
    };
    pub const RequestStateFilter: Msg = Msg {
        zh: "按状态查看",
        en: "Show",
    };
    pub const AnyState: Msg = Msg {
        zh: "全部",
        en: "All",
    };
    pub const OpenRequests: Msg = Msg {
        zh: "未办结",
        en: "Not finished",
    };
    pub const EscalatedFilter: Msg = Msg {
        zh: "已升级督办",
        en: "Escalated",
    };
    pub const NoRequests: Msg = Msg {
        zh: "这里还没有诉求。",
        en: "No requests here yet.",
    };
    pub const Overdue: Msg = Msg {
        zh: "已超期",
        en: "Overdue",
    };
    pub const DeadlineLine: Msg = Msg {
        zh: "办理期限：{time}",
        en: "Due by {time}",
    };
    pub const FollowersN: Msg = Msg {
        zh: "另有 {n} 位邻居反映了同样的问题",
        en: "{n} neighbours reported the same",
    };
    pub const EscalatedCommunity: Msg = Msg {
        zh: "已超期，社区督办",
        en: "Overdue: escalated to the community",
    };
    pub const EscalatedStreet: Msg = Msg {
        zh: "已升级至街道督办",
        en: "Escalated to the street",
    };
    pub const EscalatedDistrict: Msg = Msg {
        zh: "已升级至区督办",
        en: "Escalated to the district",
    };
    pub const ReqReceived: Msg = Msg {
        zh: "已受理登记",
        en: "Received",
    };
    pub const ReqAccepted: Msg = Msg {
        zh: "已接单",
        en: "Accepted",
    };
    pub const ReqInProgress: Msg = Msg {
        zh: "办理中",
        en: "In progress",
    };
    pub const ReqResolved: Msg = Msg {
        zh: "已办结，待您确认",
        en: "Resolved, waiting for confirmation",
    };
    pub const ReqClosed: Msg = Msg {
        zh: "已完结",
        en: "Closed",
    };
    pub const ReqReturned: Msg = Msg {
        zh: "已退回，待改派",
        en: "Returned, to be sent on",
    };
    pub const ReqMerged: Msg = Msg {
        zh: "已并案",
        en: "Merged",
    };
    pub const ReqEvReceived: Msg = Msg {
        zh: "诉求登记，转交",
        en: "Registered and sent to",
    };
    pub const ReqEvAccepted: Msg = Msg {
        zh: "单位接单",
        en: "Accepted by the unit",
    };
    pub const ReqEvStarted: Msg = Msg {
        zh: "开始办理",
        en: "Work started",
    };
    pub const ReqEvResolved: Msg = Msg {
        zh: "办结",
        en: "Resolved",
    };
    pub const ReqEvReturned: Msg = Msg {
        zh: "退回，建议转交",
        en: "Returned, to be sent to",
    };
    pub const ReqEvRerouted: Msg = Msg {
        zh: "改派",
        en: "Sent on to",
    };
    pub const ReqEvMerged: Msg = Msg {
        zh: "并入另一件诉求",
        en: "Merged into another request",
    };
    pub const ReqEvMergedIn: Msg = Msg {
        zh: "合并了一件相同的诉求",
        en: "A duplicate was merged in",
    };
    pub const ReqEvSplit: Msg = Msg {
        zh: "拆分出一件新诉求",
        en: "A part was split off",
    };
    pub const ReqEvSplitFrom: Msg = Msg {
        zh: "由另一件诉求拆分而来",
        en: "Split from another request",
    };
    pub const ReqEvJoined: Msg = Msg {
        zh: "邻居也反映了这个问题",
        en: "A neighbour reported the same",
    };
    pub const ReqEvReopened: Msg = Msg {
        zh: "居民反映没有解决，重新办理",
        en: "Not fixed, says the resident: reopened",
    };
    pub const ReqEvConfirmedFixed: Msg = Msg {
        zh: "居民确认已解决",
        en: "The resident confirmed it fixed",
    };
    pub const ReqEvConfirmedPartly: Msg = Msg {
        zh: "居民确认部分解决",
        en: "The resident confirmed it partly fixed",
    };
    pub const ReqEvClosedUnanswered: Msg = Msg {
        zh: "居民未在期限内确认，自动完结",
        en: "Closed: no answer from the resident in time",
    };
    pub const ReqEvOther: Msg = Msg {
        zh: "记录",
        en: "Record",
    };
    pub const OutcomeFixed: Msg = Msg {
        zh: "已解决",
        en: "Fixed",
    };
    pub const OutcomePartly: Msg = Msg {
        zh: "部分解决",
        en: "Partly fixed",
    };
    pub const OutcomeNotFixed: Msg = Msg {
        zh: "没有解决",
        en: "Not fixed",
    };
    pub const UnitCommunityOffice: Msg = Msg {
        zh: "社区居委会",
        en: "Community office",
    };
    pub const UnitPropertyCompany: Msg = Msg {
        zh: "物业公司",
        en: "Property company",
    };
    pub const UnitStreetDepartment: Msg = Msg {
        zh: "街道部门",
        en: "Street department",
    };
    pub const UnitUtility: Msg = Msg {
        zh: "水电气等公用事业",
        en: "Utility",
    };
    pub const WhatHappened: Msg = Msg {
        zh: "遇到了什么问题？",
        en: "What is the problem?",
    };
    pub const WhatHappenedHint: Msg = Msg {
        zh: "说清楚在哪里、什么情况，比如“3号楼东门的路灯晚上不亮”。",
        en: "Say where and what, e.g. \"the light at the east door of building 3 is off at night\".",
    };
    pub const SuggestedKinds: Msg = Msg {
        zh: "可能是这类问题，点一下就选好了：",
        en: "It may be one of these; tap to choose:",
    };
    pub const SubcategoryLabel: Msg = Msg {
        zh: "问题类别",
        en: "Kind of problem",
    };
    pub const RoutedTo: Msg = Msg {
        zh: "由{unit}办理，时限 {limit}",
        en: "Handled by {unit}, within {limit}",
    };
    pub const LimitWorkingDays: Msg = Msg {
        zh: "{n} 个工作日",
        en: "{n} working days",
    };
    pub const LimitHours: Msg = Msg {
        zh: "{n} 小时",
        en: "{n} hours",
    };
    pub const RequestPlaceLabel: Msg = Msg {
        zh: "问题在哪里",
        en: "Where is it",
    };
    pub const MyUnitPlace: Msg = Msg {
        zh: "我住的单元（{name}）",
        en: "My entrance ({name})",
    };
    pub const ElsewhereInCommunity: Msg = Msg {
        zh: "{name}的其他地方",
        en: "Elsewhere in {name}",
    };
    pub const ShowMyName: Msg = Msg {
        zh: "允许办理单位看到我的姓名和电话，方便联系我",
        en: "Let the unit see my name and phone, to contact me",
    };
    pub const SimilarHeading: Msg = Msg {
        zh: "附近已有人反映了同样的问题",
        en: "Neighbours already reported this",
    };
    pub const SimilarHint: Msg = Msg {
        zh: "如果是同一个问题，点“这也是我的问题”加入，不用重复提交，办理进度一样会告诉您。",
        en: "If it is the same problem, join it instead of reporting again; you will follow its progress.",
    };
    pub const JoinRequest: Msg = Msg {
        zh: "这也是我的问题",
        en: "Same problem for me",
    };
    pub const SubmitRequest: Msg = Msg {
        zh: "提交",
        en: "Submit",
    };
    pub const RegisterForResident: Msg = Msg {
        zh: "代居民登记（电话或来访）",
        en: "Register for a resident (call or visit)",
    };
    pub const CallerHeading: Msg = Msg {
        zh: "反映人",
        en: "Who called",
    };
    pub const CallerName: Msg = Msg {
        zh: "反映人姓名",
        en: "Caller's name",
    };
    pub const CallerPhone: Msg = Msg {
        zh: "反映人电话（可选）",
        en: "Caller's phone (optional)",
    };
    pub const ChannelLabel: Msg = Msg {
        zh: "来源",
        en: "Received by",
    };
    pub const ChannelPhone: Msg = Msg {
        zh: "电话",
        en: "Phone",
    };
    pub const ChannelInPerson: Msg = Msg {
        zh: "来访",
        en: "Visit",
    };
    pub const HandledBy: Msg = Msg {
        zh: "责任单位：{unit}",
        en: "Responsible unit: {unit}",
    };
    pub const RaisedBy: Msg = Msg {
        zh: "反映人：{name}",
        en: "Reported by {name}",
    };
    pub const MergedIntoLink: Msg = Msg {
        zh: "已与另一件诉求合并，查看那一件",
        en: "Merged into another request: see it",
    };
    pub const SplitFromLink: Msg = Msg {
        zh: "由另一件诉求拆分而来，查看原诉求",
        en: "Split from another request: see it",
    };
    pub const ReturnedTo: Msg = Msg {
        zh: "办理单位认为应由{unit}负责，社区正在改派。",
        en: "The unit says {unit} is responsible; the community is sending it on.",
    };
    pub const ResidentRating: Msg = Msg {
        zh: "居民评价",
        en: "The resident's rating",
    };
    pub const ConfirmHeading: Msg = Msg {
        zh: "问题解决了吗？",
        en: "Is it fixed?",
    };
    pub const ConfirmUntil: Msg = Msg {
        zh: "请在 {time} 前确认，逾期将自动完结。",
        en: "Please answer by {time}; after that it closes by itself.",
    };
    pub const WasItFixed: Msg = Msg {
        zh: "解决情况",
        en: "Was it fixed?",
    };
    pub const SubmitConfirmation: Msg = Msg {
        zh: "提交评价",
        en: "Send",
    };
    pub const HandleHeading: Msg = Msg {
        zh: "办理",
        en: "Handle",
    };
    pub const AcceptRequest: Msg = Msg {
        zh: "接单",
        en: "Accept",
    };
    pub const StartRequest: Msg = Msg {
        zh: "开始办理",
        en: "Start work",
    };
    pub const ResolveNote: Msg = Msg {
        zh: "办理结果（居民能看到）",
        en: "What was done (the resident sees this)",
    };
    pub const ResolveRequest: Msg = Msg {
        zh: "办结",
        en: "Mark resolved",
    };
    pub const ReturnHeading: Msg = Msg {
        zh: "不属于本单位",
        en: "Not ours",
    };
    pub const ReturnHint: Msg = Msg {
        zh: "首问负责：请写明应由哪个单位办理，社区会改派，不会退给居民。",
        en: "First responder: name the unit that is responsible; the community sends it on, never back to the resident.",
    };
    pub const RightUnit: Msg = Msg {
        zh: "应由哪个单位办理",
        en: "The responsible unit",
    };
    pub const ReturnReason: Msg = Msg {
        zh: "退回理由",
        en: "Why",
    };
    pub const ReturnRequest: Msg = Msg {
        zh: "退回改派",
        en: "Return",
    };
    pub const DispatchHeading: Msg = Msg {
        zh: "社区调度",
        en: "Dispatch",
    };
    pub const RerouteRequest: Msg = Msg {
        zh: "改派",
        en: "Send on",
    };
    pub const MergeHeading: Msg = Msg {
        zh: "并案",
        en: "Merge a duplicate",
    };
    pub const MergeInto: Msg = Msg {
        zh: "并入的诉求编号",
        en: "Request number to merge into",
    };
    pub const NoteLabel: Msg = Msg {
        zh: "说明",
        en: "Note",
    };
    pub const MergeRequest: Msg = Msg {
        zh: "并案",
        en: "Merge",
    };
    pub const SplitHeading: Msg = Msg {
        zh: "拆分",
        en: "Split",
    };
    pub const SplitPart: Msg = Msg {
        zh: "拆出去的内容",
        en: "The part to split off",
    };
    pub const SplitRequest: Msg = Msg {
        zh: "拆分为新诉求",
        en: "Split into a new request",
    };
    pub const RecordHeading: Msg = Msg {
        zh: "办理记录",
        en: "Record",
    };
    pub const SystemActor: Msg = Msg {
        zh: "系统",
        en: "System",
    };
    pub const CatalogueHeading: Msg = Msg {
        zh: "诉求目录",
        en: "Catalogue of requests",
    };
    pub const ExportCsv: Msg = Msg {
        zh: "导出表格",
        en: "Download CSV",
    };
    pub const SubcategoriesHeading: Msg = Msg {
        zh: "类别、责任单位和时限",
        en: "Kinds, units and time limits",
    };
    pub const Retired: Msg = Msg {
        zh: "已停用",
        en: "Retired",
    };
    pub const LegalBasisLabel: Msg = Msg {
        zh: "法规依据",
        en: "Legal basis",
    };
    pub const StandardLabel: Msg = Msg {
        zh: "办理标准",
        en: "Handling standard",
    };
    pub const AddSubcategory: Msg = Msg {
        zh: "添加问题类别",
        en: "Add a kind of problem",
    };
    pub const ResponsibleUnit: Msg = Msg {
        zh: "责任单位",
        en: "Responsible unit",
    };
    pub const TimeLimitLabel: Msg = Msg {
        zh: "办理时限",
        en: "Time limit",
    };
    pub const WorkingDaysUnit: Msg = Msg {
        zh: "工作日",
        en: "working days",
    };
    pub const HoursUnit: Msg = Msg {
        zh: "小时",
        en: "hours",
    };
    pub const KeywordsLabel: Msg = Msg {
        zh: "关键词（用顿号或空格分开，用于推荐类别）",
        en: "Keywords (separated by 、 or spaces; used for suggestions)",
    };
    pub const NewCategory: Msg = Msg {
        zh: "新的大类",
        en: "New category",
    };
    pub const AddCategory: Msg = Msg {
        zh: "添加大类",
        en: "Add category",
    };
    pub const UnitsHeading: Msg = Msg {
        zh: "责任单位",
        en: "Responsible units",
    };
    pub const NewUnit: Msg = Msg {
        zh: "单位名称",
        en: "Unit name",
    };
    pub const UnitKindLabel: Msg = Msg {
        zh: "单位类型",
        en: "Kind of unit",
    };
    pub const AddUnit: Msg = Msg {
        zh: "添加单位",
        en: "Add unit",
    };
    pub const HandlerPhone: Msg = Msg {
        zh: "办理人员手机号",
        en: "Handler's phone number",
    };
    pub const AddHandler: Msg = Msg {
        zh: "添加办理人员",
        en: "Add handler",
    };
    pub const CalendarHeading: Msg = Msg {
        zh: "节假日和调休",
        en: "Holidays and make-up workdays",
    };
    pub const CalendarHint: Msg = Msg {
        zh: "每行一个日期，如 2027-01-01。按国务院每年公布的安排填写；已定的办理期限不会改变。",
        en: "One date per line, e.g. 2027-01-01, as the State Council publishes each year; deadlines already set do not change.",
    };
    pub const HolidaysLabel: Msg = Msg {
        zh: "放假日期",
        en: "Holidays",
    };
    pub const MakeUpDaysLabel: Msg = Msg {
        zh: "调休上班的周末",
        en: "Weekend days worked",
    };
    pub const ConfirmDaysLabel: Msg = Msg {
        zh: "办结后等居民确认的天数",
        en: "Days to wait for the resident's confirmation",
    };
    pub const SaveCalendar: Msg = Msg {
        zh: "保存",
        en: "Save",
    };
    pub const ImportCatalogue: Msg = Msg {
        zh: "导入目录表格",
        en: "Import a catalogue",
    };
    pub const ImportCatalogueHint: Msg = Msg {
        zh: "表头：大类,小类,责任单位,单位类型,时限,时限单位,法规依据,办理标准,关键词。同名的小类会被更新；有错的行会全部列出，整个文件不导入。",
        en: "Columns: category, subcategory, unit, unit_kind, limit, limit_unit, legal_basis, standard, keywords. Subcategories of the same name are updated; any bad row refuses the whole file, every bad line listed.",
    };
    pub const CsvText: Msg = Msg {
        zh: "表格内容（CSV）",
        en: "The file (CSV)",
    };
    pub const ImportedCatalogue: Msg = Msg {
        zh: "已导入：新增 {created} 个，更新 {updated} 个。",
        en: "Imported: {created} added, {updated} updated.",
    };
    pub const FiguresHeading: Msg = Msg {
        zh: "办理统计",
        en: "Figures",
    };
    pub const PeriodFrom: Msg = Msg {
        zh: "从",
        en: "From",
    };
    pub const PeriodTo: Msg = Msg {
        zh: "到", en: "To"
    };
    pub const ByUnit: Msg = Msg {
        zh: "按责任单位",
        en: "By unit",
    };
    pub const ByCategory: Msg = Msg {
        zh: "按大类",
        en: "By category",
    };
    pub const FigReceived: Msg = Msg {
        zh: "受理数",
        en: "Received",
    };
    pub const FigCompletion: Msg = Msg {
        zh: "办结率",
        en: "Completed",
    };
    pub const FigAverage: Msg = Msg {
        zh: "平均办理时长",
        en: "Average time",
    };
    pub const FigP90: Msg = Msg {
        zh: "九成在此时长内办结",
        en: "90% within",
    };
    pub const FigOverdue: Msg = Msg {
        zh: "超期",
        en: "Overdue",
    };
    pub const FigRating: Msg = Msg {
        zh: "平均评分",
        en: "Average stars",
    };
    pub const HoursN: Msg = Msg {
        zh: "{n} 小时",
        en: "{n} h",
    };
    pub const DaysN: Msg = Msg {
        zh: "{n} 天",
        en: "{n} days",
    };
    pub const Edit: Msg = Msg {
        zh: "修改",
        en: "Edit",
    };
    pub const EditNamed: Msg = Msg {
        zh: "修改“{name}”",
        en: "Edit “{name}”",
    };
    pub const Remove: Msg = Msg {
        zh: "移除",
        en: "Remove",
    };
    pub const RemoveNamed: Msg = Msg {
        zh: "移除{name}",
        en: "Remove {name}",
    };
    pub const SaveChanges: Msg = Msg {
        zh: "保存修改",
        en: "Save changes",
    };
    pub const CancelEdit: Msg = Msg {
        zh: "取消修改",
        en: "Cancel",
    };
    pub const InUse: Msg = Msg {
        zh: "启用（取消勾选即停用，已有诉求不受影响）",
        en: "In use (untick to retire; existing requests are kept)",
    };
    pub const EditSubcategory: Msg = Msg {
        zh: "修改问题类别",
        en: "Edit a kind of problem",
    };
    pub const SearchKinds: Msg = Msg {
        zh: "查找问题类别",
        en: "Find the kind of problem",
    };
    pub const NoKindFound: Msg = Msg {
        zh: "没有找到，可以在下面的列表里选，或选“其他诉求”。",
        en: "Nothing found: choose from the list below, or \"other\".",
    };
    // Not found.
    pub const NotFoundHeading: Msg = Msg {
        zh: "页面不存在",
        en: "Page not found",
    };
    pub const NotFoundText: Msg = Msg {
        zh: "您要找的页面不存在，可能是链接写错了。",
        en: "The page you are looking for does not exist. The link may be wrong.",
    };
    pub const GoHome: Msg = Msg {
        zh: "回到首页",
        en: "Go to the home page",
    };
}

/// The text of `key` in `lang`.
#[must_use]
pub fn t(lang: Lang, key: Msg) -> &'static str {
    match lang {
        Lang::ZhCn => key.zh,
        Lang::En => key.en,
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
