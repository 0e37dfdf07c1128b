use leptos::prelude::*;
use yishi_core::api::routes::{ListNotices, PostableScopes};

use super::NoticeList;
use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, OfficeLink};
use crate::i18n::{Msg, use_i18n};

/// `/notices` (公告 in the bottom bar): the notices in force of the member's places, pinned ones first,
/// then the newest, with "加载更多"; the archive and search; "发布公告" for those who may post.
#[component]
pub fn NoticesPage() -> impl IntoView {
    let i18n = use_i18n();
    let notices = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListNotices {}));
    let postable = LocalResource::new(move || api::get(i18n.lang_untracked(), &PostableScopes {}));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NoticesHeading).to_owned()) />
        <AppShell signed_in=true>
            <div class="section-head">
                <h1>{i18n.text(Msg::NoticesHeading)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        postable.await.is_ok_and(|s| !s.communities.is_empty()).then(|| view! {
                            <OfficeLink class="button primary" href="/notices/new">{i18n.text(Msg::NewNoticeLink)}</OfficeLink>
                        })
                    })}
                </Transition>
            </div>
            <p><a class="block-link" href="/notices/archive">{i18n.text(Msg::ArchiveLink)}</a></p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match notices.await {
                        Ok(page) => view! { <NoticeList page=page /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| notices.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
