//! The notice board: reading, marking read, publishing, objections.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    vec![
        case("notice board", ListNotices {}, Body::Empty, everyone),
        case(
            "post a notice",
            CreateNotice {},
            Body::Json(
                json!({ "title": marker("m"), "body": "正文", "scope": records::building3() }),
            ),
            may(Action::PostNotice, building3()),
        ),
        case(
            "read a notice",
            GetNotice {
                id: r.notice.clone(),
            },
            Body::Empty,
            |a: &Actor| policy::can_read_notice(a, &community()),
        ),
        case(
            "mark read",
            MarkNoticeRead {
                id: r.notice.clone(),
            },
            Body::Json(json!({})),
            may(Action::MarkNoticeRead, community()),
        ),
        case(
            "mark read on behalf",
            MarkNoticeRead {
                id: r.notice.clone(),
            },
            Body::Json(
                json!({ "on_behalf": { "member_id": "mbr_elder", "reason": "老人没有手机，上门告知" } }),
            ),
            |a: &Actor| {
                policy::can_read_notice(a, &community())
                    && can_act_on_behalf(a, &MemberId::from_trusted("mbr_elder"), Some(&unit3(1)))
                        .is_ok()
            },
        ),
        case(
            "reads of a notice",
            NoticeReads {
                id: r.notice.clone(),
            },
            Body::Empty,
            |a: &Actor| {
                policy::can_read_notice(a, &community())
                    && !policy::scopes_for(a, Action::ViewNoticeReads).is_empty()
            },
        ),
        case(
            "publish a draft",
            PublishNotice {
                id: r.draft.clone(),
            },
            Body::Empty,
            may(Action::PostNotice, building3()),
        ),
        case(
            "object in the period",
            ObjectToNotice {
                id: r.period_notice.clone(),
            },
            Body::Json(json!({ "reason": "请公开明细" })),
            |a: &Actor| {
                let ends = chrono::Utc::now() + chrono::Duration::days(1);
                yishi_core::notices::may_object(a, &building3(), Some(ends), chrono::Utc::now())
                    .is_ok()
            },
        ),
        case(
            "answer an objection",
            AnswerObjection {
                id: r.period_notice.clone(),
                objection: r.objection.clone(),
            },
            Body::Json(json!({ "answer": "明细见附件", "upheld": false })),
            |a: &Actor| policy::can_post_notice(a, &building3()).is_ok(),
        ),
    ]
}
