use leptos::prelude::*;
use yishi_core::api::notices::NoticeListResponse;
use yishi_core::api::routes::ListNotices;

use super::NoticeCard;
use crate::api::{self, ApiError, Query};
use crate::components::ErrorView;
use crate::i18n::{Msg, use_i18n};

/// The notices loaded so far, with "加载更多" while the server has more.
#[component]
pub fn NoticeList(page: NoticeListResponse) -> impl IntoView {
    let i18n = use_i18n();
    let pinned = page.pinned;
    let notices = RwSignal::new(page.notices);
    let cursor = RwSignal::new(page.next_cursor);

    let load_more = Action::new_local(move |after: &String| {
        let query = Query::new().set("cursor", after.as_str());
        async move {
            let page = api::send_query(i18n.lang_untracked(), &ListNotices {}, &query, &()).await?;
            notices.update(|list| list.extend(page.notices));
            cursor.set(page.next_cursor);
            Ok::<(), ApiError>(())
        }
    });
    let pending = load_more.pending();

    let pinned = (!pinned.is_empty()).then(|| {
        view! {
            <section class="pinned" aria-labelledby="pinned-heading">
                <h2 id="pinned-heading" class="visually-hidden">{i18n.text(Msg::PinnedHeading)}</h2>
                <ul class="notice-list" role="list">
                    {pinned.into_iter().map(|n| view! { <li><NoticeCard notice=n /></li> }).collect::<Vec<_>>()}
                </ul>
            </section>
        }
    });
    view! {
        {pinned}
        {move || {
            notices.with(Vec::is_empty).then(|| view! { <p class="empty">{i18n.text(Msg::NoNotices)}</p> })
        }}
        <ul class="notice-list" role="list" hidden=move || notices.with(Vec::is_empty)>
            <For each=move || notices.get() key=|notice| notice.id.clone() let(notice)>
                <li>
                    <NoticeCard notice=notice />
                </li>
            </For>
        </ul>
        {move || {
            load_more.value().get().and_then(Result::err).map(|error| view! { <ErrorView error=error /> })
        }}
        {move || pending.get().then(|| view! { <p class="loading" role="status">{i18n.text(Msg::Loading)}</p> })}
        {move || {
            cursor
                .get()
                .map(|after| {
                    view! {
                        <button
                            type="button"
                            class="button secondary load-more"
                            aria-disabled=move || pending.get().then_some("true")
                            on:click=move |_| {
                                if !pending.get_untracked() {
                                    load_more.dispatch(after.clone());
                                }
                            }
                        >
                            {i18n.text(Msg::LoadMore)}
                        </button>
                    }
                })
        }}
    }
}
