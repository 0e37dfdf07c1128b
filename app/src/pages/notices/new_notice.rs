use leptos::prelude::*;
use yishi_core::api::routes::PostableScopes;

use super::NoticeForm;
use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

/// `/notices/new`: publishing, for members with somewhere to post to.
#[component]
pub fn NewNoticePage() -> impl IntoView {
    let i18n = use_i18n();
    let scopes = LocalResource::new(move || api::get(i18n.lang_untracked(), &PostableScopes {}));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NewNoticeHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/notices">{i18n.text(Msg::BackToList)}</a>
            </p>
            <h1>{i18n.text(Msg::NewNoticeHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match scopes.await {
                        Ok(scopes) if scopes.communities.is_empty() => {
                            view! { <p class="notice-info">{i18n.text(Msg::CannotPost)}</p> }.into_any()
                        }
                        Ok(scopes) => view! { <NoticeForm scopes=scopes /> }.into_any(),
                        Err(error) => {
                            view! { <ErrorView error=error on_retry=move |()| scopes.refetch() /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AppShell>
    }
}
