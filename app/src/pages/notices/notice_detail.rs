use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::pages::notices::NoticeArticle;

/// `/notices/:id`: the whole notice. The body is plain text, shown as text with its line breaks.
#[component]
pub fn NoticePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let notice = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            api::get_notice(i18n.lang_untracked(), &id)
                .await
                .map(|answer| answer.notice)
        }
    });
    let title = Signal::derive(move || {
        notice
            .get()
            .and_then(Result::ok)
            .map(|n| n.title)
            .unwrap_or_else(|| i18n.t(Msg::NoticesHeading).to_owned())
    });

    view! {
        <DocumentTitle text=title />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/">{i18n.text(Msg::BackToList)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match notice.await {
                        Ok(notice) => view! { <NoticeArticle notice=notice /> }.into_any(),
                        Err(error) if error.is_not_found() => view! { <ErrorView error=error /> }.into_any(),
                        Err(error) => {
                            view! { <ErrorView error=error on_retry=move |()| notice.refetch() /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AppShell>
    }
}
