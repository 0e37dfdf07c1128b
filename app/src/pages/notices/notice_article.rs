use leptos::prelude::*;
use yishi_core::api::notices::NoticeView;
use yishi_core::api::routes::GetPhoto;

use super::category_label;
use crate::api::{self, Query};
use crate::components::{ReadAloud, RichText};
use crate::format::{iso_datetime, local_datetime};
use crate::i18n::{Msg, fill, use_i18n};

/// A whole notice: title, kind, audience, author, time and the body (rich text, rendered as text).
#[component]
pub fn NoticeArticle(notice: NoticeView) -> impl IntoView {
    let i18n = use_i18n();
    let category = notice.category;
    let number = notice.number.to_string();
    // What is read aloud: the title, then the body without its markup.
    let spoken = format!(
        "{}\n{}",
        notice.title,
        yishi_core::richtext::plain(&notice.body)
    );
    view! {
        <article class="notice-detail">
            <h1>{notice.title}</h1>
            <p class="record-number">{move || fill(i18n.lang(), Msg::NoticeNumbered, &[("n", &number)])}</p>
            <p>
                <span class="badge">{i18n.text(category_label(category))}</span>
                {notice.pinned.then(|| view! { " " <span class="badge">{i18n.text(Msg::PinnedBadge)}</span> })}
                {notice.draft.then(|| view! { " " <span class="badge warn">{i18n.text(Msg::DraftBadge)}</span> })}
            </p>
            <ReadAloud text=spoken />
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
                // The publication period (公示期) runs from publication to its end.
                {notice.period_ends_at.map(|ends| {
                    let (from, to) = (local_datetime(&notice.published_at), local_datetime(&ends));
                    view! {
                        <div>
                            <dt>{i18n.text(Msg::PeriodTerm)}</dt>
                            <dd class="period-dates">{move || fill(i18n.lang(), Msg::PeriodDates, &[("from", &from), ("to", &to)])}</dd>
                        </div>
                    }
                })}
            </dl>
            <RichText text=notice.body />
            {(!notice.attachments.is_empty()).then(|| {
                let files = notice
                    .attachments
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let url = api::url(&GetPhoto { id: a.id.clone() }, &Query::new());
                        let n = (i + 1).to_string();
                        if a.content_type.starts_with("image/") {
                            let src = url.clone();
                            view! {
                                <a href=url target="_blank" rel="noopener">
                                    <img src=src loading="lazy" alt=move || fill(i18n.lang(), Msg::AttachmentN, &[("n", &n)]) />
                                </a>
                            }
                                .into_any()
                        } else {
                            let size = format!("{} KB", a.bytes.div_ceil(1024));
                            view! {
                                <p>
                                    <a href=url download>{move || fill(i18n.lang(), Msg::PdfAttachment, &[("n", &n), ("size", &size)])}</a>
                                </p>
                            }
                                .into_any()
                        }
                    })
                    .collect::<Vec<_>>();
                view! { <div class="photos attachments">{files}</div> }
            })}
        </article>
    }
}
