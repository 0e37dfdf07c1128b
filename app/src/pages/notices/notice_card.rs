use leptos::prelude::*;
use yishi_core::api::notices::NoticeView;

use crate::format::{excerpt, iso_datetime, local_datetime};

/// One notice in the list: the title links to the whole notice.
#[component]
pub fn NoticeCard(notice: NoticeView) -> impl IntoView {
    let href = format!("/notices/{}", notice.id);
    view! {
        <article class="notice-card">
            <h2 class="notice-title">
                <a href=href>{notice.title}</a>
            </h2>
            <p class="notice-meta">
                <span class="notice-scope">{notice.scope_name}</span>
                " · "
                <time datetime=iso_datetime(&notice.published_at)>{local_datetime(&notice.published_at)}</time>
            </p>
            <p class="notice-excerpt">{excerpt(&notice.body, 3, 120)}</p>
        </article>
    }
}
