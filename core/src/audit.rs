//! The audit log's actions: every code the worker writes, and the sentence a reader reads for an entry
//! in her language ("王主任 代 李阿姨 签到 — 3号楼议事会").
//!
//! The worker writes entries only through [`AuditAction`], so a new kind of entry is a new variant here,
//! and [`AuditAction::phrase`] does not compile until it has its words in both languages.

use crate::Lang;
use crate::api::audit::AuditEntryView;

macro_rules! audit_actions {
    ($($variant:ident => $code:literal,)*) => {
        /// What an audit entry records. The code (`meeting.check_in_on_behalf`) is what is stored.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum AuditAction {
            $($variant,)*
        }

        impl AuditAction {
            /// Every action, in the order they are declared.
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant,)*];

            /// The stable code stored in the log.
            #[must_use]
            pub fn code(self) -> &'static str {
                match self {
                    $(AuditAction::$variant => $code,)*
                }
            }

            /// The action of a stored code, if it is one this version knows.
            #[must_use]
            pub fn from_code(code: &str) -> Option<AuditAction> {
                match code {
                    $($code => Some(AuditAction::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

audit_actions! {
    CovenantCreate => "covenant.create",
    CovenantOutcome => "covenant.outcome",
    CovenantPaperSignature => "covenant.paper_signature",
    HouseholdRepresentative => "household.representative",
    InviteIssue => "invite.issue",
    InviteRevoke => "invite.revoke",
    MatterSettings => "matter.settings",
    MatterDecline => "matter.decline",
    RoundCreate => "round.create",
    RoundSchedule => "round.schedule",
    MatterMerge => "matter.merge",
    MatterHideComment => "matter.hide_comment",
    MatterDecide => "matter.decide",
    MatterReconsider => "matter.reconsider",
    MatterOwner => "matter.owner",
    MeetingCreate => "meeting.create",
    MeetingOpen => "meeting.open",
    MeetingClose => "meeting.close",
    MeetingCheckInOnBehalf => "meeting.check_in_on_behalf",
    MeetingUndoCheckIn => "meeting.undo_check_in",
    MeetingMotion => "meeting.motion",
    MeetingPublishMinutes => "meeting.publish_minutes",
    MemberConfirm => "member.confirm",
    MemberReject => "member.reject",
    MemberBirthYear => "member.birth_year",
    MemberPasscodeReset => "member.passcode_reset",
    MemberAddWithoutPhone => "member.add_without_phone",
    RoleGrant => "role.grant",
    RoleRevoke => "role.revoke",
    NoticePublish => "notice.publish",
    NoticePublishDraft => "notice.publish_draft",
    NoticeAnswerObjection => "notice.answer_objection",
    NoticeReadOnBehalf => "notice.read_on_behalf",
    PlaceCreate => "place.create",
    PlaceUpdate => "place.update",
    PlaceArchive => "place.archive",
    PlaceRestore => "place.restore",
    TerritoryImport => "territory.import",
    RequestRegister => "request.register",
    RequestSplit => "request.split",
    RequestMerge => "request.merge",
    RequestReroute => "request.reroute",
    RequestCategoryCreate => "request_category.create",
    RequestCategoryUpdate => "request_category.update",
    RequestSubcategoryCreate => "request_subcategory.create",
    RequestSubcategoryUpdate => "request_subcategory.update",
    HandlingUnitCreate => "handling_unit.create",
    HandlingUnitUpdate => "handling_unit.update",
    HandlingUnitAddMember => "handling_unit.add_member",
    HandlingUnitRemoveMember => "handling_unit.remove_member",
    RequestCalendarReplace => "request_calendar.replace",
    RequestCatalogueImport => "request_catalogue.import",
    Open311KeyCreate => "open311_key.create",
    Open311KeyRevoke => "open311_key.revoke",
    VoteCreate => "vote.create",
    VoteClose => "vote.close",
    VotePaperBallot => "vote.paper_ballot",
    VotePublishResult => "vote.publish_result",
}

/// The words of an action: without and with the resident it was done for (`{who}`).
struct Phrase {
    plain: &'static str,
    for_whom: &'static str,
}

const fn p(plain: &'static str, for_whom: &'static str) -> Phrase {
    Phrase { plain, for_whom }
}

impl AuditAction {
    /// Whether the person the act concerns is the entry's target (a check-in for someone is recorded
    /// against her), rather than the resident named as acted for.
    fn person_is_target(self) -> bool {
        matches!(
            self,
            AuditAction::MeetingCheckInOnBehalf | AuditAction::MeetingUndoCheckIn
        )
    }

    #[expect(
        clippy::too_many_lines,
        reason = "one exhaustive table of every action in both languages"
    )]
    fn phrase(self, lang: Lang) -> Phrase {
        use AuditAction as A;
        match lang {
            Lang::ZhCn => match self {
                A::CovenantCreate => p("新建居民公约", "新建居民公约"),
                A::CovenantOutcome => p("登记公约表决结果", "登记公约表决结果"),
                A::CovenantPaperSignature => p("登记纸质签署", "代 {who} 登记纸质签署"),
                A::HouseholdRepresentative => p("指定户代表", "指定 {who} 为户代表"),
                A::InviteIssue => p("生成邀请码", "生成邀请码"),
                A::InviteRevoke => p("作废邀请码", "作废邀请码"),
                A::MatterSettings => p("修改议事设置", "修改议事设置"),
                A::MatterDecline => p("不予受理议题", "不予受理议题"),
                A::MatterMerge => p("合并重复议题", "合并重复议题"),
                A::MatterHideComment => p("隐藏一条评论", "隐藏一条评论"),
                A::MatterDecide => p("登记议题的决定", "登记议题的决定"),
                A::MatterReconsider => p("让议题重新决定", "让议题重新决定"),
                A::MatterOwner => p("指定议题的承办方", "指定议题的承办方"),
                A::MeetingCreate => p("召集议事会", "召集议事会"),
                A::MeetingOpen => p("宣布开会", "宣布开会"),
                A::MeetingClose => p("宣布散会", "宣布散会"),
                A::MeetingCheckInOnBehalf => p("代居民签到", "代 {who} 签到"),
                A::MeetingUndoCheckIn => p("撤销一次签到", "撤销 {who} 的签到"),
                A::MeetingMotion => p("提出表决事项", "提出表决事项"),
                A::MeetingPublishMinutes => p("公布会议纪要", "公布会议纪要"),
                A::MemberConfirm => p("通过居民认证", "通过居民认证"),
                A::MemberReject => p("未通过居民认证", "未通过居民认证"),
                A::MemberBirthYear => p("更正出生年份", "更正出生年份"),
                A::MemberPasscodeReset => p("重置密码", "重置密码"),
                A::MemberAddWithoutPhone => p("登记没有手机的居民", "登记没有手机的居民"),
                A::RoleGrant => p("授予职务", "授予职务"),
                A::RoleRevoke => p("撤销职务", "撤销职务"),
                A::NoticePublish => p("发布公告", "发布公告"),
                A::NoticePublishDraft => p("发布草稿公告", "发布草稿公告"),
                A::NoticeAnswerObjection => p("答复居民异议", "答复居民异议"),
                A::NoticeReadOnBehalf => p("代居民确认已知晓", "代 {who} 确认已知晓"),
                A::PlaceCreate => p("新增地点", "新增地点"),
                A::PlaceUpdate => p("修改地点", "修改地点"),
                A::PlaceArchive => p("停用地点", "停用地点"),
                A::PlaceRestore => p("恢复地点", "恢复地点"),
                A::TerritoryImport => p("导入楼栋和住户", "导入楼栋和住户"),
                A::RequestRegister => p("登记来电来访诉求", "代 {who} 登记诉求"),
                A::RequestSplit => p("拆分诉求", "拆分诉求"),
                A::RequestMerge => p("合并重复诉求", "合并重复诉求"),
                A::RequestReroute => p("转办诉求", "转办诉求"),
                A::RequestCategoryCreate => p("新增诉求大类", "新增诉求大类"),
                A::RequestCategoryUpdate => p("修改诉求大类", "修改诉求大类"),
                A::RequestSubcategoryCreate => p("新增诉求小类", "新增诉求小类"),
                A::RequestSubcategoryUpdate => p("修改诉求小类", "修改诉求小类"),
                A::HandlingUnitCreate => p("新增承办单位", "新增承办单位"),
                A::HandlingUnitUpdate => p("修改承办单位", "修改承办单位"),
                A::HandlingUnitAddMember => p("为承办单位添加人员", "为承办单位添加人员"),
                A::HandlingUnitRemoveMember => p("从承办单位移除人员", "从承办单位移除人员"),
                A::RequestCalendarReplace => p("更新节假日安排", "更新节假日安排"),
                A::RequestCatalogueImport => p("导入诉求目录", "导入诉求目录"),
                A::Open311KeyCreate => p("为对接系统生成密钥", "为对接系统生成密钥"),
                A::Open311KeyRevoke => p("作废对接系统的密钥", "作废对接系统的密钥"),
                A::RoundCreate => p("开启项目征集", "开启项目征集"),
                A::RoundSchedule => p("调整项目征集的阶段", "调整项目征集的阶段"),
                A::VoteCreate => p("发起投票", "发起投票"),
                A::VoteClose => p("结束投票", "结束投票"),
                A::VotePaperBallot => p("录入纸质选票", "代 {who} 录入纸质选票"),
                A::VotePublishResult => p("公布投票结果", "公布投票结果"),
            },
            Lang::En => match self {
                A::CovenantCreate => p("drafted a covenant", "drafted a covenant"),
                A::RoundCreate => p("opened a budget round", "opened a budget round"),
                A::RoundSchedule => p(
                    "moved a phase of a budget round",
                    "moved a phase of a budget round",
                ),
                A::CovenantOutcome => p(
                    "recorded the outcome of a covenant's vote",
                    "recorded the outcome of a covenant's vote",
                ),
                A::CovenantPaperSignature => p(
                    "recorded a signature on paper",
                    "recorded {who}'s signature on paper",
                ),
                A::HouseholdRepresentative => p(
                    "named a household's representative",
                    "named {who} the household's representative",
                ),
                A::InviteIssue => p("issued invite codes", "issued invite codes"),
                A::InviteRevoke => p("revoked an invite code", "revoked an invite code"),
                A::MatterSettings => p(
                    "changed the settings of matters",
                    "changed the settings of matters",
                ),
                A::MatterDecline => p("declined a matter", "declined a matter"),
                A::MatterMerge => p("merged a duplicate matter", "merged a duplicate matter"),
                A::MatterHideComment => p("hid a comment", "hid a comment"),
                A::MatterDecide => p(
                    "recorded a matter's decision",
                    "recorded a matter's decision",
                ),
                A::MatterReconsider => p(
                    "sent a matter back to be decided again",
                    "sent a matter back to be decided again",
                ),
                A::MatterOwner => p(
                    "named who carries out a matter",
                    "named who carries out a matter",
                ),
                A::MeetingCreate => p("called a meeting", "called a meeting"),
                A::MeetingOpen => p("opened a meeting", "opened a meeting"),
                A::MeetingClose => p("closed a meeting", "closed a meeting"),
                A::MeetingCheckInOnBehalf => p("checked a resident in", "checked {who} in"),
                A::MeetingUndoCheckIn => p("took back a check-in", "took back {who}'s check-in"),
                A::MeetingMotion => p("put a motion", "put a motion"),
                A::MeetingPublishMinutes => p("published the minutes", "published the minutes"),
                A::MemberConfirm => p("verified a resident", "verified a resident"),
                A::MemberReject => p(
                    "turned down a resident's verification",
                    "turned down a resident's verification",
                ),
                A::MemberBirthYear => p("corrected a birth year", "corrected a birth year"),
                A::MemberPasscodeReset => p("reset a password", "reset a password"),
                A::MemberAddWithoutPhone => p(
                    "registered a resident without a phone",
                    "registered a resident without a phone",
                ),
                A::RoleGrant => p("gave a role", "gave a role"),
                A::RoleRevoke => p("took back a role", "took back a role"),
                A::NoticePublish => p("published a notice", "published a notice"),
                A::NoticePublishDraft => p("published a draft notice", "published a draft notice"),
                A::NoticeAnswerObjection => p(
                    "answered a resident's objection",
                    "answered a resident's objection",
                ),
                A::NoticeReadOnBehalf => p(
                    "recorded that a resident was told of a notice",
                    "recorded that {who} was told of a notice",
                ),
                A::PlaceCreate => p("added a place", "added a place"),
                A::PlaceUpdate => p("changed a place", "changed a place"),
                A::PlaceArchive => p("archived a place", "archived a place"),
                A::PlaceRestore => p("restored a place", "restored a place"),
                A::TerritoryImport => p(
                    "imported buildings and households",
                    "imported buildings and households",
                ),
                A::RequestRegister => p(
                    "registered a request from a call or visit",
                    "registered a request for {who}",
                ),
                A::RequestSplit => p("split a request", "split a request"),
                A::RequestMerge => p("merged a duplicate request", "merged a duplicate request"),
                A::RequestReroute => p("sent a request on", "sent a request on"),
                A::RequestCategoryCreate => p(
                    "added a category of requests",
                    "added a category of requests",
                ),
                A::RequestCategoryUpdate => p(
                    "changed a category of requests",
                    "changed a category of requests",
                ),
                A::RequestSubcategoryCreate => {
                    p("added a kind of request", "added a kind of request")
                }
                A::RequestSubcategoryUpdate => {
                    p("changed a kind of request", "changed a kind of request")
                }
                A::HandlingUnitCreate => p("added a handling unit", "added a handling unit"),
                A::HandlingUnitUpdate => p("changed a handling unit", "changed a handling unit"),
                A::HandlingUnitAddMember => p(
                    "added someone to a handling unit",
                    "added someone to a handling unit",
                ),
                A::HandlingUnitRemoveMember => p(
                    "removed someone from a handling unit",
                    "removed someone from a handling unit",
                ),
                A::RequestCalendarReplace => p(
                    "updated the calendar of holidays",
                    "updated the calendar of holidays",
                ),
                A::RequestCatalogueImport => p(
                    "imported the catalogue of requests",
                    "imported the catalogue of requests",
                ),
                A::Open311KeyCreate => p(
                    "issued a key for a connected system",
                    "issued a key for a connected system",
                ),
                A::Open311KeyRevoke => p(
                    "revoked a connected system's key",
                    "revoked a connected system's key",
                ),
                A::VoteCreate => p("started a vote", "started a vote"),
                A::VoteClose => p("closed a vote", "closed a vote"),
                A::VotePaperBallot => p("entered a paper ballot", "entered {who}'s paper ballot"),
                A::VotePublishResult => p("published a vote's result", "published a vote's result"),
            },
        }
    }
}

/// The entry as a sentence in `lang`: who acted, what she did (for whom), and on what —
/// "王主任 代 李阿姨 签到 — 3号楼议事会", "Wang checked Li in — Building 3 council". Only names staff
/// already see on the entry are used; a code this version does not know reads as "… did something
/// (code)", never as nothing.
#[must_use]
pub fn sentence(lang: Lang, entry: &AuditEntryView) -> String {
    let Some(action) = AuditAction::from_code(&entry.action) else {
        return match lang {
            Lang::ZhCn => format!("{} 进行了操作（{}）", entry.actor_name, entry.action),
            Lang::En => format!("{} did something ({})", entry.actor_name, entry.action),
        };
    };
    let person = if action.person_is_target() {
        entry.target_name.as_deref()
    } else {
        entry.on_behalf_of_name.as_deref()
    };
    let phrase = action.phrase(lang);
    let what = match person.filter(|n| !n.is_empty()) {
        Some(who) => phrase.for_whom.replace("{who}", who),
        None => phrase.plain.to_owned(),
    };
    let object = if action.person_is_target() {
        entry.record_name.as_deref()
    } else {
        entry
            .target_name
            .as_deref()
            .or(entry.record_name.as_deref())
    }
    .filter(|n| !n.is_empty())
    .or(Some(entry.scope_name.as_str()).filter(|n| !n.is_empty()));
    match object {
        Some(o) => format!("{} {what} — {o}", entry.actor_name),
        None => format!("{} {what}", entry.actor_name),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::ids::{AuditId, MemberId};

    fn entry(action: &str) -> AuditEntryView {
        AuditEntryView {
            id: AuditId::from_trusted("aud_1"),
            at: chrono::DateTime::UNIX_EPOCH,
            actor: MemberId::from_trusted("mbr_1"),
            actor_name: "王主任".into(),
            action: action.into(),
            target_kind: "meeting".into(),
            target_id: "mtg_1".into(),
            target_name: None,
            record_name: None,
            scope: None,
            scope_name: "阳光小区 3号楼".into(),
            on_behalf_of: None,
            on_behalf_of_name: None,
            reason: None,
            detail: serde_json::Value::Null,
        }
    }

    #[test]
    fn every_action_has_a_unique_code_that_reads_back() {
        let mut seen = HashSet::new();
        for a in AuditAction::ALL {
            let code = a.code();
            assert!(seen.insert(code), "{code} twice");
            assert_eq!(AuditAction::from_code(code), Some(*a));
            let (area, verb) = code.split_once('.').unwrap_or_default();
            assert!(!area.is_empty() && !verb.is_empty(), "{code}");
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'),
                "{code}"
            );
        }
        assert_eq!(AuditAction::from_code("meeting.unknown"), None);
    }

    #[test]
    fn every_action_reads_as_a_sentence_in_both_languages() {
        for lang in Lang::ALL {
            let mut seen = HashSet::new();
            for a in AuditAction::ALL {
                let phrase = a.phrase(lang);
                assert!(!phrase.plain.is_empty(), "{}", a.code());
                assert!(!phrase.plain.contains("{who}"), "{}", a.code());
                assert!(
                    seen.insert(phrase.plain),
                    "{} says the same as another action",
                    a.code()
                );
                let mut e = entry(a.code());
                e.on_behalf_of_name = Some("李阿姨".into());
                e.target_name = Some("李阿姨".into());
                let s = sentence(lang, &e);
                assert!(s.starts_with("王主任 "), "{s}");
                assert!(!s.contains(a.code()), "{s} shows the code");
                assert!(!s.contains('{'), "{s}");
                if phrase.for_whom.contains("{who}") {
                    assert!(s.contains("李阿姨"), "{s}");
                }
                let plain = sentence(lang, &entry(a.code()));
                assert!(!plain.contains('{') && !plain.contains(a.code()), "{plain}");
            }
        }
    }

    #[test]
    fn a_check_in_for_someone_names_her_and_the_meeting() {
        let mut e = entry("meeting.check_in_on_behalf");
        e.target_kind = "member".into();
        e.target_name = Some("李阿姨".into());
        e.record_name = Some("3号楼议事会".into());
        assert_eq!(
            sentence(Lang::ZhCn, &e),
            "王主任 代 李阿姨 签到 — 3号楼议事会"
        );
        assert_eq!(
            sentence(Lang::En, &e),
            "王主任 checked 李阿姨 in — 3号楼议事会"
        );
    }

    #[test]
    fn the_record_acted_on_is_named_or_else_the_place() {
        let mut e = entry("notice.publish");
        e.target_name = Some("停水通知".into());
        assert_eq!(sentence(Lang::ZhCn, &e), "王主任 发布公告 — 停水通知");
        e.target_name = None;
        assert_eq!(
            sentence(Lang::En, &e),
            "王主任 published a notice — 阳光小区 3号楼"
        );
        e.scope_name = String::new();
        assert_eq!(sentence(Lang::En, &e), "王主任 published a notice");
    }

    #[test]
    fn an_unknown_code_still_reads_as_something_done() {
        let e = entry("mystery.act");
        assert_eq!(sentence(Lang::ZhCn, &e), "王主任 进行了操作（mystery.act）");
    }

    /// Every code the worker writes is one of these: the worker names actions only through
    /// [`AuditAction`], and no bare code is left in its sources.
    #[test]
    fn the_worker_writes_no_code_outside_the_enum() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../api-worker/src");
        let mut stack = vec![root];
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files += 1;
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    for a in AuditAction::ALL {
                        let literal = format!("\"{}\"", a.code());
                        assert!(
                            !text.contains(&literal),
                            "{} writes {literal}: use AuditAction",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(files > 10, "the worker's sources were not found");
    }
}
