use leptos::prelude::*;
use yishi_core::api::notices::NoticeView;

use crate::format::{iso_datetime, local_datetime};
use crate::i18n::{Msg, use_i18n};

/// A whole notice: title, audience, author, time and the plain-text body.
#[component]
pub fn NoticeArticle(notice: NoticeView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="notice-detail">
            <h1>{notice.title}</h1>
            <dl class="notice-facts">
                <div>
                    <dt>{i18n.text(Msg::ScopeLabel)}</dt>
                    <dd>{notice.scope_name}</dd>
                </div>
                <div>
                    <dt>{i18n.text(Msg::Author)}</dt>
                    <dd>{notice.author_name}</dd>
                </div>
                <div>
                    <dt>{i18n.text(Msg::PublishedAt)}</dt>
                    <dd>
                        <time datetime=iso_datetime(&notice.published_at)>
                            {local_datetime(&notice.published_at)}
                        </time>
                    </dd>
                </div>
            </dl>
            <div class="notice-body">{notice.body}</div>
        </article>
    }
}
