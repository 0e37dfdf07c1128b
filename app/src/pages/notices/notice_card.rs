use leptos::prelude::*;
use yishi_core::api::notices::{NoticeListResponse, NoticeView};

use super::category_label;
use crate::format::{excerpt, iso_datetime, local_datetime, now};
use crate::i18n::{Msg, use_i18n};

/// One notice in the list: the title links to the whole notice.
#[component]
pub fn NoticeCard(notice: NoticeView) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/notices/{}", notice.id);
    let state = if notice.draft {
        Some(Msg::DraftBadge)
    } else if notice.published_at > now() {
        Some(Msg::ScheduledBadge)
    } else {
        None
    };
    let category = notice.category;
    let urgent = category == yishi_core::notices::Category::Emergency;
    view! {
        <article class="notice-card">
            <h2 class="notice-title">
                // The number beside the link, not in it: the link reads as the notice's title.
                <span class="record-number">{notice.number.to_string()}</span>" "<a href=href>{notice.title}</a>
            </h2>
            <p class="notice-meta">
                <span class=if urgent { "badge urgent" } else { "badge" }>{i18n.text(category_label(category))}</span>
                {notice.pinned.then(|| view! { " " <span class="badge">{i18n.text(Msg::PinnedBadge)}</span> })}
                {state.map(|m| view! { " " <span class="badge warn">{i18n.text(m)}</span> })}
                " "
                <span class="notice-scope">{notice.scope_name}</span>
                " · "
                <time datetime=iso_datetime(&notice.published_at)>{local_datetime(&notice.published_at)}</time>
            </p>
            <p class="notice-excerpt">{excerpt(&yishi_core::richtext::plain(&notice.body), 3, 120)}</p>
        </article>
    }
}

/// A page of notices as one list, the pinned ones first, or "暂无公告" (the home screen and the archive).
#[component]
pub fn NoticeCards(page: NoticeListResponse) -> impl IntoView {
    let i18n = use_i18n();
    let all: Vec<NoticeView> = page.pinned.into_iter().chain(page.notices).collect();
    if all.is_empty() {
        return view! { <p class="empty">{i18n.text(Msg::NoNotices)}</p> }.into_any();
    }
    view! {
        <ul class="notice-list" role="list">
            {all.into_iter().map(|n| view! { <li><NoticeCard notice=n /></li> }).collect::<Vec<_>>()}
        </ul>
    }
    .into_any()
}
