//! Languages and the localized text that both the API and the app need: error messages, the names of
//! fields and records, and the words of documents core writes (a meeting's minutes, [`MinutesText`]; its
//! calendar entry, [`CalendarText`]). The glossary of governance terms ([`Term`]) and the voting methods
//! in plain words ([`MethodWords`]) are here too, so that every client explains a word the same way. The
//! app's own screen text lives in the app's i18n layer; both follow one rule: every text is looked up by
//! an exhaustive `match` or is a constant with a field per language, so a missing translation does not
//! compile.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, Entity, Field};

mod calendar;
pub mod glossary;
mod methods;
mod minutes;
mod presence;
pub use calendar::CalendarText;
pub use glossary::Term;
pub use methods::MethodWords;
pub use minutes::MinutesText;
pub use presence::PresenceText;

/// A language of the user interface. Simplified Chinese comes first and is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag, as used in `lang` attributes and `Accept-Language`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a language tag loosely: `zh`, `zh-CN`, `zh-Hans-CN` are Chinese, `en`, `en-GB` English.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header, honouring q-values;
    /// Chinese when nothing matches.
    #[must_use]
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(Lang, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::from_tag) else {
                continue;
            };
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if best.is_none_or(|(_, best_q)| q > best_q) {
                best = Some((lang, q));
            }
        }
        best.map_or(Lang::ZhCn, |(lang, _)| lang)
    }
}

impl Field {
    /// Whether the field is chosen from a list (an audience, a kind, an option) rather than typed: a missing
    /// choice says "please choose", not "please fill in". Names that are typed in some forms or files (a
    /// building, a category of the catalogue) are not: a form that offers them as a list says so itself
    /// (see the app's `forms::Named`).
    #[must_use]
    pub fn is_chosen(self) -> bool {
        matches!(
            self,
            Field::Scope
                | Field::Role
                | Field::Member
                | Field::Choice
                | Field::Secrecy
                | Field::Voter
                | Field::Channel
                | Field::Rules
                | Field::Stance
                | Field::Stars
                | Field::Meeting
                | Field::Matter
                | Field::Outcome
        )
    }

    /// The field's name as a user reads it.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Title, Lang::ZhCn) => "标题",
            (Field::Title, Lang::En) => "title",
            (Field::Body, Lang::ZhCn) => "正文",
            (Field::Body, Lang::En) => "text",
            (Field::Phone, Lang::ZhCn) => "手机号",
            (Field::Phone, Lang::En) => "phone number",
            (Field::Password, Lang::ZhCn) => "密码",
            (Field::Password, Lang::En) => "password",
            (Field::Name, Lang::ZhCn) => "姓名",
            (Field::Name, Lang::En) => "name",
            (Field::InviteCode, Lang::ZhCn) => "邀请码",
            (Field::InviteCode, Lang::En) => "invite code",
            (Field::Scope, Lang::ZhCn) => "发布范围",
            (Field::Scope, Lang::En) => "audience",
            (Field::Cursor, Lang::ZhCn) => "翻页标记",
            (Field::Cursor, Lang::En) => "page cursor",
            (Field::Limit, Lang::ZhCn) => "每页条数",
            (Field::Limit, Lang::En) => "page size",
            (Field::Code, Lang::ZhCn) => "编码",
            (Field::Code, Lang::En) => "code",
            (Field::RequestNumber, Lang::ZhCn) => "诉求编号",
            (Field::RequestNumber, Lang::En) => "request number",
            (Field::Role, Lang::ZhCn) => "角色",
            (Field::Role, Lang::En) => "role",
            (Field::Reason, Lang::ZhCn) => "原因",
            (Field::Reason, Lang::En) => "reason",
            (Field::Member, Lang::ZhCn) => "居民",
            (Field::Member, Lang::En) => "member",
            (Field::Compound, Lang::ZhCn) => "小区",
            (Field::Compound, Lang::En) => "compound",
            (Field::Building, Lang::ZhCn) => "楼栋",
            (Field::Building, Lang::En) => "building",
            (Field::Unit, Lang::ZhCn) => "单元",
            (Field::Unit, Lang::En) => "unit",
            (Field::Household, Lang::ZhCn) => "门牌",
            (Field::Household, Lang::En) => "door number",
            (Field::Units, Lang::ZhCn) => "单元数",
            (Field::Units, Lang::En) => "number of units",
            (Field::Floors, Lang::ZhCn) => "楼层数",
            (Field::Floors, Lang::En) => "number of floors",
            (Field::DoorsPerFloor, Lang::ZhCn) => "每层户数",
            (Field::DoorsPerFloor, Lang::En) => "households per floor",
            (Field::Csv, Lang::ZhCn) => "表格文件",
            (Field::Csv, Lang::En) => "spreadsheet file",
            (Field::Choice, Lang::ZhCn) => "选项",
            (Field::Choice, Lang::En) => "option",
            (Field::Proxy, Lang::ZhCn) => "委托",
            (Field::Proxy, Lang::En) => "proxy",
            (Field::Options, Lang::ZhCn) => "选项",
            (Field::Options, Lang::En) => "options",
            (Field::ClosesAt, Lang::ZhCn) => "截止时间",
            (Field::ClosesAt, Lang::En) => "closing time",
            (Field::OpensAt, Lang::ZhCn) => "开始时间",
            (Field::OpensAt, Lang::En) => "opening time",
            (Field::StartsAt, Lang::ZhCn) => "开会时间",
            (Field::StartsAt, Lang::En) => "start time",
            (Field::FloorArea, Lang::ZhCn) => "建筑面积",
            (Field::FloorArea, Lang::En) => "floor area",
            (Field::BirthYear, Lang::ZhCn) => "出生年份",
            (Field::BirthYear, Lang::En) => "year of birth",
            (Field::Rules, Lang::ZhCn) => "表决规则",
            (Field::Rules, Lang::En) => "voting rules",
            (Field::Quorum, Lang::ZhCn) => "法定人数",
            (Field::Quorum, Lang::En) => "quorum",
            (Field::MinAge, Lang::ZhCn) => "最低年龄",
            (Field::MinAge, Lang::En) => "minimum age",
            (Field::Budget, Lang::ZhCn) => "总预算",
            (Field::Budget, Lang::En) => "total budget",
            (Field::Costs, Lang::ZhCn) => "项目费用",
            (Field::Costs, Lang::En) => "project cost",
            (Field::Place, Lang::ZhCn) => "地点",
            (Field::Place, Lang::En) => "place",
            (Field::PlaceText, Lang::ZhCn) => "具体位置",
            (Field::PlaceText, Lang::En) => "exact place",
            (Field::Agenda, Lang::ZhCn) => "议程",
            (Field::Agenda, Lang::En) => "agenda",
            (Field::Speaker, Lang::ZhCn) => "发言",
            (Field::Speaker, Lang::En) => "speaker",
            (Field::Seconds, Lang::ZhCn) => "发言时间（秒）",
            (Field::Seconds, Lang::En) => "speaking time (seconds)",
            (Field::Token, Lang::ZhCn) => "签到码",
            (Field::Token, Lang::En) => "check-in code",
            (Field::Query, Lang::ZhCn) => "搜索词",
            (Field::Query, Lang::En) => "search",
            (Field::Secrecy, Lang::ZhCn) => "记名方式",
            (Field::Secrecy, Lang::En) => "secrecy",
            (Field::Voter, Lang::ZhCn) => "代表谁投票",
            (Field::Voter, Lang::En) => "whose vote",
            (Field::Channel, Lang::ZhCn) => "投票方式",
            (Field::Channel, Lang::En) => "channel",
            (Field::Category, Lang::ZhCn) => "类别",
            (Field::Category, Lang::En) => "category",
            (Field::Description, Lang::ZhCn) => "详细说明",
            (Field::Description, Lang::En) => "description",
            (Field::Stance, Lang::ZhCn) => "观点",
            (Field::Stance, Lang::En) => "stance",
            (Field::Comment, Lang::ZhCn) => "留言",
            (Field::Comment, Lang::En) => "comment",
            (Field::Summary, Lang::ZhCn) => "讨论小结",
            (Field::Summary, Lang::En) => "summary",
            (Field::Owner, Lang::ZhCn) => "实施方",
            (Field::Owner, Lang::En) => "owner",
            (Field::Stars, Lang::ZhCn) => "星级",
            (Field::Stars, Lang::En) => "stars",
            (Field::DueOn, Lang::ZhCn) => "计划完成日期",
            (Field::DueOn, Lang::En) => "target date",
            (Field::Photos, Lang::ZhCn) => "照片",
            (Field::Photos, Lang::En) => "photos",
            (Field::Meeting, Lang::ZhCn) => "会议",
            (Field::Meeting, Lang::En) => "meeting",
            (Field::Matter, Lang::ZhCn) => "事项",
            (Field::Matter, Lang::En) => "matter",
            (Field::Threshold, Lang::ZhCn) => "附议人数",
            (Field::Threshold, Lang::En) => "number of supports",
            (Field::Days, Lang::ZhCn) => "天数",
            (Field::Days, Lang::En) => "number of days",
            (Field::Photo, Lang::ZhCn) => "照片",
            (Field::Photo, Lang::En) => "photo",
            (Field::ExpiresAt, Lang::ZhCn) => "下架时间",
            (Field::ExpiresAt, Lang::En) => "expiry date",
            (Field::Answer, Lang::ZhCn) => "答复",
            (Field::Answer, Lang::En) => "answer",
            (Field::Clauses, Lang::ZhCn) => "条款",
            (Field::Clauses, Lang::En) => "clauses",
            (Field::Clause, Lang::ZhCn) => "条款序号",
            (Field::Clause, Lang::En) => "clause number",
            (Field::Subcategory, Lang::ZhCn) => "诉求小类",
            (Field::Subcategory, Lang::En) => "subcategory",
            (Field::LegalBasis, Lang::ZhCn) => "法规依据",
            (Field::LegalBasis, Lang::En) => "legal basis",
            (Field::Standard, Lang::ZhCn) => "办理标准",
            (Field::Standard, Lang::En) => "handling standard",
            (Field::Keywords, Lang::ZhCn) => "关键词",
            (Field::Keywords, Lang::En) => "keywords",
            (Field::TimeLimit, Lang::ZhCn) => "办理时限",
            (Field::TimeLimit, Lang::En) => "time limit",
            (Field::Outcome, Lang::ZhCn) => "解决情况",
            (Field::Outcome, Lang::En) => "outcome",
            (Field::From, Lang::ZhCn) => "开始日期",
            (Field::From, Lang::En) => "start date",
            (Field::To, Lang::ZhCn) => "结束日期",
            (Field::To, Lang::En) => "end date",
            (Field::Dates, Lang::ZhCn) => "日期",
            (Field::Dates, Lang::En) => "dates",
            (Field::HandlingUnit, Lang::ZhCn) => "责任单位",
            (Field::HandlingUnit, Lang::En) => "responsible unit",
            (Field::QuietHours, Lang::ZhCn) => "免打扰时段",
            (Field::QuietHours, Lang::En) => "quiet hours",
            (Field::PushEndpoint, Lang::ZhCn) => "推送地址",
            (Field::PushEndpoint, Lang::En) => "push address",
            (Field::PushP256dh, Lang::ZhCn) => "推送公钥",
            (Field::PushP256dh, Lang::En) => "push public key",
            (Field::PushAuth, Lang::ZhCn) => "推送密钥",
            (Field::PushAuth, Lang::En) => "push secret",
            (Field::Item, Lang::ZhCn) => "品名",
            (Field::Item, Lang::En) => "item",
            (Field::Quantity, Lang::ZhCn) => "数量",
            (Field::Quantity, Lang::En) => "quantity",
            (Field::Measure, Lang::ZhCn) => "计量单位",
            (Field::Measure, Lang::En) => "unit of measure",
            (Field::UnitPrice, Lang::ZhCn) => "单价",
            (Field::UnitPrice, Lang::En) => "unit price",
            (Field::SelfFinancing, Lang::ZhCn) => "自筹金额",
            (Field::SelfFinancing, Lang::En) => "self-financing",
            (Field::Cap, Lang::ZhCn) => "单个项目上限",
            (Field::Cap, Lang::En) => "cap per project",
            (Field::Amount, Lang::ZhCn) => "金额",
            (Field::Amount, Lang::En) => "amount",
            (Field::Milestones, Lang::ZhCn) => "实施节点",
            (Field::Milestones, Lang::En) => "milestones",
            (Field::Weight, Lang::ZhCn) => "权重",
            (Field::Weight, Lang::En) => "weight",
            (Field::Format, Lang::ZhCn) => "导出格式",
            (Field::Format, Lang::En) => "format",
            (Field::Categories, Lang::ZhCn) => "项目类别",
            (Field::Categories, Lang::En) => "categories",
            (Field::Kind, Lang::ZhCn) => "类型",
            (Field::Kind, Lang::En) => "kind",
            (Field::Note, Lang::ZhCn) => "备注",
            (Field::Note, Lang::En) => "note",
            (Field::Text, Lang::ZhCn) => "文字",
            (Field::Text, Lang::En) => "text",
        }
    }
}

impl Entity {
    /// The kind of record as a user reads it.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Entity::Notice, Lang::ZhCn) => "公告",
            (Entity::Notice, Lang::En) => "notice",
            (Entity::Member, Lang::ZhCn) => "用户",
            (Entity::Member, Lang::En) => "member",
            (Entity::Scope, Lang::ZhCn) => "范围（社区、小区或楼栋）",
            (Entity::Scope, Lang::En) => "community, compound or building",
            (Entity::Route, Lang::ZhCn) => "接口",
            (Entity::Route, Lang::En) => "API route",
            (Entity::Place, Lang::ZhCn) => "地点",
            (Entity::Place, Lang::En) => "place",
            (Entity::Invite, Lang::ZhCn) => "邀请码",
            (Entity::Invite, Lang::En) => "invite code",
            (Entity::Session, Lang::ZhCn) => "登录设备",
            (Entity::Session, Lang::En) => "signed-in device",
            (Entity::Role, Lang::ZhCn) => "角色",
            (Entity::Role, Lang::En) => "role",
            (Entity::Vote, Lang::ZhCn) => "投票",
            (Entity::Vote, Lang::En) => "vote",
            (Entity::Meeting, Lang::ZhCn) => "会议",
            (Entity::Meeting, Lang::En) => "meeting",
            (Entity::AgendaItem, Lang::ZhCn) => "议题",
            (Entity::AgendaItem, Lang::En) => "agenda item",
            (Entity::Matter, Lang::ZhCn) => "事项",
            (Entity::Matter, Lang::En) => "matter",
            (Entity::Comment, Lang::ZhCn) => "留言",
            (Entity::Comment, Lang::En) => "comment",
            (Entity::Photo, Lang::ZhCn) => "照片",
            (Entity::Photo, Lang::En) => "photo",
            (Entity::Milestone, Lang::ZhCn) => "节点",
            (Entity::Milestone, Lang::En) => "milestone",
            (Entity::Objection, Lang::ZhCn) => "异议",
            (Entity::Objection, Lang::En) => "objection",
            (Entity::Covenant, Lang::ZhCn) => "公约",
            (Entity::Covenant, Lang::En) => "covenant",
            (Entity::Request, Lang::ZhCn) => "诉求",
            (Entity::Request, Lang::En) => "request",
            (Entity::Subcategory, Lang::ZhCn) => "诉求小类",
            (Entity::Subcategory, Lang::En) => "subcategory",
            (Entity::RequestCategory, Lang::ZhCn) => "诉求大类",
            (Entity::RequestCategory, Lang::En) => "category",
            (Entity::HandlingUnit, Lang::ZhCn) => "责任单位",
            (Entity::HandlingUnit, Lang::En) => "responsible unit",
            (Entity::Notification, Lang::ZhCn) => "通知",
            (Entity::Notification, Lang::En) => "notification",
            (Entity::Round, Lang::ZhCn) => "项目征集",
            (Entity::Round, Lang::En) => "budget round",
            (Entity::Need, Lang::ZhCn) => "需求",
            (Entity::Need, Lang::En) => "need",
        }
    }
}

impl DomainError {
    /// The message shown to a user, in plain words.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::ZhCn => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    fn message_zh(&self) -> String {
        let zh = Lang::ZhCn;
        match self {
            DomainError::Unauthenticated => "请先登录。".into(),
            DomainError::Forbidden => "您没有权限进行此操作。".into(),
            DomainError::CsrfRejected => "请求来源无法确认，请刷新页面后重试。".into(),
            DomainError::InvalidCredentials => "手机号或密码不正确。".into(),
            DomainError::AccountSuspended => "账号已停用，请联系社区工作人员。".into(),
            DomainError::RateLimited { retry_after_secs } => {
                format!("尝试次数过多，请{}后再试。", minutes_zh(*retry_after_secs))
            }
            DomainError::InviteCodeInvalid => {
                "邀请码无效、已被使用或已作废，请联系社区工作人员。".into()
            }
            DomainError::PhoneTaken => "这个手机号已经注册，请直接登录。".into(),
            DomainError::UnknownRequestNumber => {
                "本社区没有这个编号的另一件诉求，请对照列表里的 # 号再填。".into()
            }
            DomainError::PushUnavailable => {
                "本社区的系统没有开通手机推送，新消息请在“消息”里查看。".into()
            }
            DomainError::Required {
                field: Field::Choice,
            } => "请先选一项。".into(),
            DomainError::Required { field } => required_zh(field.label(zh), field.is_chosen()),
            DomainError::TooLong { field, max } => {
                format!("{}太长了，最多 {max} 个字。", field.label(zh))
            }
            DomainError::TooShort { field, min } => {
                format!("{}太短了，至少 {min} 个字符。", field.label(zh))
            }
            DomainError::Invalid {
                field: Field::OpensAt,
            } => "开始时间不能早于现在，也不能晚于半年以后。".into(),
            DomainError::Invalid {
                field: Field::StartsAt,
            } => "开会时间不能早于现在，也不能晚于半年以后。".into(),
            DomainError::Invalid { field } => format!("{}格式不正确。", field.label(zh)),
            DomainError::UnfitCharacters { field } => format!(
                "{}里有看不见的控制字符或文字方向符号，请删去后重新输入。",
                field.label(zh)
            ),
            DomainError::OutOfRange {
                field: Field::ClosesAt,
                max,
                ..
            } => format!("一次投票最长 {max} 天，请把截止时间提前。"),
            DomainError::OutOfRange { field, min, max } => {
                format!("{}应在 {min} 到 {max} 之间。", field.label(zh))
            }
            DomainError::NameTaken => "这里已经有同名的地点了。".into(),
            DomainError::PlaceNotEmpty { households } => {
                format!("这里还有 {households} 户有居民，不能归档。请先处理这些住户。")
            }
            DomainError::PlaceArchived => "该地点已归档，请先恢复。".into(),
            DomainError::NotPending => "该居民不在待认证状态。".into(),
            DomainError::NotResident => "该用户没有加入任何住户。".into(),
            DomainError::MissingColumn { field } => {
                format!("表格缺少“{}”这一列。", field.label(zh))
            }
            DomainError::DuplicateRow { first_line } => {
                format!("与第 {first_line} 行是同一户。")
            }
            DomainError::ConflictingCode { first_line } => {
                format!("编码与第 {first_line} 行不一致。")
            }
            DomainError::TooManyRows { max } => format!("一次最多导入 {max} 户。"),
            DomainError::OverBudget => "所选项目的总费用超过了预算，请少选一些。".into(),
            DomainError::FloorAreaMissing { households } => format!(
                "按面积计算的双过半表决需要每户的建筑面积：还有 {households} 户没有登记面积。"
            ),
            DomainError::AlreadyVoted => "这一票已经投过了。".into(),
            DomainError::NotInElectorate => "您不在这次投票的投票人名单里。".into(),
            DomainError::ResultsHidden => "投票结束后才公布结果。".into(),
            DomainError::VoteNotClosed => "投票结束后才能公布结果。".into(),
            DomainError::VotingNotOpen => "投票还没有开始。".into(),
            DomainError::VotingClosed => "投票已经结束。".into(),
            DomainError::VotingOpen => "投票已经开始，不能再委托。".into(),
            DomainError::ProxyTaken => "这一票已经委托给别人了。".into(),
            DomainError::MeetingNotOpen => "会议还没有开始。".into(),
            DomainError::MeetingClosed => "会议已经结束。".into(),
            DomainError::ItemDone => "这个议题已经议完了。".into(),
            DomainError::MotionOpen => "还有一项表决没有结束，请先结束它。".into(),
            DomainError::QuorumNotMet => {
                "到会人数不足法定人数，不能表决。如确需表决，请填写理由。".into()
            }
            DomainError::NotInvited => "您不在这次会议的参会名单里。".into(),
            DomainError::CheckInCounted => {
                "签到之后已经开始过表决，这次签到已经算数，不能撤销。如果此人已离开，请记为离场。"
                    .into()
            }
            DomainError::MatterStep => "这件事现在不在这一步，不能这样办。".into(),
            DomainError::MatterChanged => "这件事的进度刚刚有了变化，请刷新后再试。".into(),
            DomainError::EvaluationClosed => "评价时间已经结束。".into(),
            DomainError::AlreadyRated => "您已经评价过了。".into(),
            DomainError::DecisionPending => "表决还没有结束，结束后才能登记结果。".into(),
            DomainError::UnsupportedMedia => {
                "只能上传 JPG、PNG、WebP 格式的照片，公告附件还可以是 PDF 文件。".into()
            }
            DomainError::NoPeriod => "这条公告没有公示期，不能提异议。".into(),
            DomainError::CovenantStep => "公约现在不在这一步，不能这样办。".into(),
            DomainError::RequestStatus => "这件诉求现在的状态不能这样办。".into(),
            DomainError::RequestChanged => "这件诉求刚刚有了变化，请刷新后再试。".into(),
            DomainError::NoHandlingUnit => {
                "本社区还没有办理这类问题的单位，请告诉社区工作人员。".into()
            }
            DomainError::MemberElsewhere => {
                "这位是其他社区的人员，不能加入本社区的办理单位。".into()
            }
            DomainError::PhotoTaken => {
                "这张照片刚刚附到了另一条记录上，请重新上传后再提交。".into()
            }
            DomainError::PublicationPending => {
                "表决结果还在公示期内，公示期满且无有效异议后才能实施。".into()
            }
            DomainError::DecisionObjected => {
                "有人对表决结果提出的异议成立，请重新议定这件事。".into()
            }
            DomainError::NotInForce => "这份公约还没有通过的版本，暂时不能签署。".into(),
            DomainError::PeriodOver => "公示期已经结束，不能再提异议。".into(),
            DomainError::PhaseClosed => "项目征集现在不在这个阶段，不能做这一步。".into(),
            DomainError::RoundChanged => "项目征集的安排刚被改过，请刷新后再试。".into(),
            DomainError::OverCap { cap_fen } => {
                format!(
                    "申请的金额超过了单个项目的上限（{}）。",
                    crate::i18n::yuan(*cap_fen)
                )
            }
            DomainError::OverFunding { left_fen } => format!(
                "这笔支出超过了项目剩余的资金（还剩 {}）；超支需要先经居民代表会议决定。",
                crate::i18n::yuan(*left_fen)
            ),
            DomainError::AlreadyAnswered => "这条异议已经答复过了。".into(),
            DomainError::DelegateNotEligible => {
                "这个手机号的主人不在这次投票的投票人名单里，不能受托。".into()
            }
            DomainError::ProxyChain => "受托的票不能再委托给别人。".into(),
            DomainError::ProxyLimit { max } => format!("每人最多接受 {max} 份委托。"),
            DomainError::ImportRejected { rows } => {
                format!(
                    "表格有 {} 行有问题，没有导入任何数据。请修改后重新上传。",
                    rows.len()
                )
            }
            DomainError::NotFound { entity } => format!("找不到该{}。", entity.label(zh)),
            DomainError::InvalidJson => "请求格式不正确。".into(),
            DomainError::PayloadTooLarge { max_bytes } => {
                format!("提交的内容太大（上限 {} KB）。", max_bytes / 1024)
            }
            DomainError::MethodNotAllowed => "不支持这种请求方式。".into(),
            DomainError::Unavailable => "服务暂时不可用，请稍后再试。".into(),
            DomainError::Internal => "服务器出错了，请稍后再试。".into(),
        }
    }

    fn message_en(&self) -> String {
        let en = Lang::En;
        match self {
            DomainError::Unauthenticated => "Please sign in first.".into(),
            DomainError::Forbidden => "You are not allowed to do this.".into(),
            DomainError::CsrfRejected => {
                "The request's origin could not be confirmed; reload the page and try again.".into()
            }
            DomainError::InvalidCredentials => "The phone number or password is wrong.".into(),
            DomainError::AccountSuspended => {
                "This account is suspended; please ask your community staff.".into()
            }
            DomainError::RateLimited { retry_after_secs } => format!(
                "Too many attempts. Try again in {}.",
                minutes_en(*retry_after_secs)
            ),
            DomainError::InviteCodeInvalid => {
                "This invite code is unknown, already used or revoked; please ask your community staff."
                    .into()
            }
            DomainError::UnknownRequestNumber => {
                "No other request of this community has that number; check the # on the list.".into()
            }
            DomainError::PushUnavailable => {
                "This community's server does not send push notifications; new messages are in your inbox."
                    .into()
            }
            DomainError::PhoneTaken => {
                "This phone number is already registered; please sign in.".into()
            }
            DomainError::Required {
                field: Field::Choice,
            } => "Please choose one first.".into(),
            DomainError::Required { field } => required_en(field.label(en), field.is_chosen()),
            DomainError::TooLong { field, max } => {
                format!("The {} is too long: at most {max} characters.", field.label(en))
            }
            DomainError::TooShort { field, min } => {
                format!("The {} is too short: at least {min} characters.", field.label(en))
            }
            DomainError::Invalid {
                field: Field::OpensAt,
            } => "The opening time cannot be in the past, nor more than six months ahead.".into(),
            DomainError::Invalid {
                field: Field::StartsAt,
            } => "The start time cannot be in the past, nor more than six months ahead.".into(),
            DomainError::Invalid { field } => format!("The {} is not valid.", field.label(en)),
            DomainError::UnfitCharacters { field } => format!(
                "The {} holds hidden control or text-direction characters; please delete them and type it again.",
                field.label(en)
            ),
            DomainError::OutOfRange {
                field: Field::ClosesAt,
                max,
                ..
            } => format!("A vote lasts at most {max} days: choose an earlier closing time."),
            DomainError::OutOfRange { field, min, max } => {
                format!("The {} must be between {min} and {max}.", field.label(en))
            }
            DomainError::NameTaken => "A place with this name exists here already.".into(),
            DomainError::PlaceNotEmpty { households } => format!(
                "{households} households here still have residents, so it cannot be archived yet."
            ),
            DomainError::PlaceArchived => "This place is archived; restore it first.".into(),
            DomainError::NotPending => "This resident is not waiting for verification.".into(),
            DomainError::NotResident => "This member has not joined a household.".into(),
            DomainError::MissingColumn { field } => {
                format!("The file has no “{}” column.", field.label(en))
            }
            DomainError::DuplicateRow { first_line } => {
                format!("The same household as on line {first_line}.")
            }
            DomainError::ConflictingCode { first_line } => {
                format!("The code differs from line {first_line}.")
            }
            DomainError::TooManyRows { max } => {
                format!("At most {max} households can be imported at once.")
            }
            DomainError::OverBudget => {
                "The chosen projects cost more than the budget; choose fewer.".into()
            }
            DomainError::FloorAreaMissing { households } => format!(
                "A double majority by floor area needs every household's area: {households} households have none recorded."
            ),
            DomainError::AlreadyVoted => "This vote has already been cast.".into(),
            DomainError::NotInElectorate => "You are not among the voters of this vote.".into(),
            DomainError::ResultsHidden => "Results are published when voting closes.".into(),
            DomainError::VoteNotClosed => "The result can be published once voting has closed.".into(),
            DomainError::VotingNotOpen => "Voting has not opened yet.".into(),
            DomainError::VotingClosed => "Voting has closed.".into(),
            DomainError::VotingOpen => "Voting has opened; proxies can no longer be given.".into(),
            DomainError::ProxyTaken => "This vote has already been delegated.".into(),
            DomainError::MeetingNotOpen => "The meeting has not opened yet.".into(),
            DomainError::MeetingClosed => "The meeting has closed.".into(),
            DomainError::ItemDone => "This agenda item is done.".into(),
            DomainError::MotionOpen => "A vote is still open; close it first.".into(),
            DomainError::QuorumNotMet => {
                "Too few are present for a vote. To vote anyway, give a reason.".into()
            }
            DomainError::NotInvited => "You are not invited to this meeting.".into(),
            DomainError::CheckInCounted => {
                "A vote was put after this check-in, so it counted and cannot be undone. If they have gone, record that they left.".into()
            }
            DomainError::MatterStep => "The matter is not at the step where this can be done.".into(),
            DomainError::MatterChanged => {
                "The matter has just changed. Refresh the page and try again.".into()
            }
            DomainError::EvaluationClosed => "The time for rating has ended.".into(),
            DomainError::AlreadyRated => "You have rated this already.".into(),
            DomainError::DecisionPending => {
                "The vote has not closed; record the decision once it has.".into()
            }
            DomainError::UnsupportedMedia => "Upload JPEG, PNG or WebP photos; a notice may also carry PDF files.".into(),
            DomainError::NoPeriod => "This notice has no publication period to object in.".into(),
            DomainError::CovenantStep => "The covenant is not at the step where this can be done.".into(),
            DomainError::RequestStatus => "The request's status does not allow this.".into(),
            DomainError::RequestChanged => {
                "The request changed a moment ago; reload and try again.".into()
            }
            DomainError::NoHandlingUnit => {
                "No unit of this community handles this kind of request yet; please tell the community office.".into()
            }
            DomainError::MemberElsewhere => {
                "This person belongs to another community and cannot join this community's unit.".into()
            }
            DomainError::PhotoTaken => {
                "This photo was just attached to another record; upload it again, then send.".into()
            }
            DomainError::PublicationPending => {
                "The decision is still in its publication period; work starts once it completes without a valid objection.".into()
            }
            DomainError::DecisionObjected => {
                "An objection to the published decision was upheld; the matter must be decided again.".into()
            }
            DomainError::NotInForce => "No version of this covenant is in force yet; it cannot be signed.".into(),
            DomainError::PeriodOver => "The publication period is over; objections are closed.".into(),
            DomainError::PhaseClosed => {
                "The budget round is not in the phase for this step.".into()
            }
            DomainError::RoundChanged => {
                "The budget round's dates have just changed. Refresh the page and try again.".into()
            }
            DomainError::OverCap { cap_fen } => format!(
                "The plan asks for more than the cap per project ({}).",
                crate::i18n::yuan(*cap_fen)
            ),
            DomainError::OverFunding { left_fen } => format!(
                "This entry would spend more than is left ({}); spending more needs a council decision first.",
                crate::i18n::yuan(*left_fen)
            ),
            DomainError::AlreadyAnswered => "This objection has been answered already.".into(),
            DomainError::DelegateNotEligible => {
                "The person with this phone number is not a voter of this vote, so cannot hold a proxy.".into()
            }
            DomainError::ProxyChain => "A delegated vote cannot be passed on.".into(),
            DomainError::ProxyLimit { max } => {
                format!("A delegate may hold at most {max} proxies.")
            }
            DomainError::ImportRejected { rows } => format!(
                "{} rows of the file have problems; nothing was imported. Fix them and upload again.",
                rows.len()
            ),
            DomainError::NotFound { entity } => format!("No such {}.", entity.label(en)),
            DomainError::InvalidJson => "The request is malformed.".into(),
            DomainError::PayloadTooLarge { max_bytes } => {
                format!("The request is too large (limit {} KB).", max_bytes / 1024)
            }
            DomainError::MethodNotAllowed => "This method is not supported here.".into(),
            DomainError::Unavailable => {
                "The service is unavailable for a moment; please try again.".into()
            }
            DomainError::Internal => {
                "Something went wrong on the server; please try again later.".into()
            }
        }
    }
}

/// "Please fill in the …" for a typed field, "please choose the …" for one chosen from a list, with the
/// field named as the form names it (`label`).
#[must_use]
pub fn required_zh(label: &str, chosen: bool) -> String {
    if chosen {
        format!("请选择{label}。")
    } else {
        format!("请填写{label}。")
    }
}

/// See [`required_zh`].
#[must_use]
pub fn required_en(label: &str, chosen: bool) -> String {
    if chosen {
        format!("Please choose the {label}.")
    } else {
        format!("Please fill in the {label}.")
    }
}

/// The message for a missing field as the form names it (`label`, in `lang`).
#[must_use]
pub fn required(lang: Lang, label: &str, chosen: bool) -> String {
    match lang {
        Lang::ZhCn => required_zh(label, chosen),
        Lang::En => required_en(label, chosen),
    }
}

/// An amount in fen as yuan with the fen after the point and thousands grouped, the way amounts are
/// written in both languages: `¥1,234.50`.
#[must_use]
pub fn yuan(fen: u64) -> String {
    let whole = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("¥{grouped}.{:02}", fen % 100)
}

fn minutes_zh(secs: u32) -> String {
    if secs < 60 {
        format!(" {secs} 秒")
    } else {
        format!(" {} 分钟", secs.div_ceil(60))
    }
}

fn minutes_en(secs: u32) -> String {
    if secs < 60 {
        format!("{secs} seconds")
    } else {
        let m = secs.div_ceil(60);
        if m == 1 {
            "1 minute".into()
        } else {
            format!("{m} minutes")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_groups_thousands_and_keeps_the_fen() {
        assert_eq!(yuan(0), "¥0.00");
        assert_eq!(yuan(5), "¥0.05");
        assert_eq!(yuan(123_450), "¥1,234.50");
        assert_eq!(yuan(10_000_000_000), "¥100,000,000.00");
    }

    #[test]
    fn accept_language_prefers_the_highest_q() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,zh-CN;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("fr;q=1, zh-Hans-CN;q=0.7, en;q=0.5"),
            Lang::ZhCn
        );
        assert_eq!(Lang::from_accept_language("de, fr"), Lang::ZhCn);
        assert_eq!(Lang::from_accept_language(""), Lang::ZhCn);
        assert_eq!(Lang::from_accept_language("en"), Lang::En);
    }

    #[test]
    fn a_place_is_not_a_meeting_place() {
        // The report form's exact place once said "请填写会议地点。".
        let e = DomainError::Required {
            field: Field::PlaceText,
        };
        assert_eq!(e.message(Lang::ZhCn), "请填写具体位置。");
        for field in [Field::Place, Field::PlaceText] {
            assert!(!field.label(Lang::ZhCn).contains("会议"), "{field}");
        }
    }

    #[test]
    fn lang_tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn messages_are_plain_and_name_the_field() {
        let e = DomainError::Required {
            field: Field::Title,
        };
        assert_eq!(e.message(Lang::ZhCn), "请填写标题。");
        assert_eq!(e.message(Lang::En), "Please fill in the title.");
        // A list asks to choose, in the words of the form; a ballot without a choice says so plainly.
        let e = DomainError::Required {
            field: Field::Scope,
        };
        assert_eq!(e.message(Lang::ZhCn), "请选择发布范围。");
        assert_eq!(e.message(Lang::En), "Please choose the audience.");
        let e = DomainError::Required {
            field: Field::Choice,
        };
        assert_eq!(e.message(Lang::ZhCn), "请先选一项。");
        assert_eq!(required(Lang::ZhCn, "投票范围", true), "请选择投票范围。");
        assert_eq!(
            required(Lang::En, "exact place", false),
            "Please fill in the exact place."
        );
        let e = DomainError::RateLimited {
            retry_after_secs: 600,
        };
        assert_eq!(e.message(Lang::ZhCn), "尝试次数过多，请 10 分钟后再试。");
        assert_eq!(
            e.message(Lang::En),
            "Too many attempts. Try again in 10 minutes."
        );
    }
}
