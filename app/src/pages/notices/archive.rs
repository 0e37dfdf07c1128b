use leptos::prelude::*;
use yishi_core::api::routes::{ListNotices, PostableScopes};

use super::NoticeCards;
use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

/// `/notices/archive`: the notices in force, the archive (expired ones), drafts and scheduled notices of
/// the places the member may post to, and a search over every published notice (by number, or by words
/// found anywhere in the title or text: Chinese needs no spaces between them).
#[component]
pub fn NoticeArchivePage() -> impl IntoView {
    let i18n = use_i18n();
    let tab = RwSignal::new("");
    let query = RwSignal::new(String::new());
    let submitted = RwSignal::new(String::new());
    let notices = LocalResource::new(move || {
        let q = submitted.get();
        let query = if q.trim().is_empty() {
            match tab.get() {
                "archive" => Query::new().set("archive", "1"),
                "drafts" => Query::new().set("drafts", "1"),
                _ => Query::new(),
            }
        } else {
            Query::new().set("q", q.trim())
        };
        async move { api::send_query(i18n.lang_untracked(), &ListNotices {}, &query, &()).await }
    });
    // Drafts and scheduled notices are those of the places she may post to: a resident has none, so she
    // is not shown an empty tab.
    let postable = LocalResource::new(move || api::get(i18n.lang_untracked(), &PostableScopes {}));
    let tab_button = move |value: &'static str, label: Msg| {
        view! {
            <button
                type="button"
                class="tab"
                aria-pressed=move || if tab.get() == value && submitted.with(String::is_empty) { "true" } else { "false" }
                on:click=move |_| {
                    submitted.set(String::new());
                    query.set(String::new());
                    tab.set(value);
                }
            >
                {i18n.text(label)}
            </button>
        }
    };
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::ArchiveHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/notices">{i18n.text(Msg::BackToList)}</a>
            </p>
            <h1>{i18n.text(Msg::ArchiveHeading)}</h1>
            <form class="inline-form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                submitted.set(query.get_untracked());
            }>
                <label for="notice-search">{i18n.text(Msg::SearchNotices)}</label>
                <input id="notice-search" type="search" bind:value=query />
                <button type="submit" class="button secondary small">{i18n.text(Msg::SearchButton)}</button>
            </form>
            <div class="tabs" role="group">
                {tab_button("", Msg::InForce)}
                {tab_button("archive", Msg::ArchivedTab)}
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        postable
                            .await
                            .is_ok_and(|scopes| !scopes.communities.is_empty())
                            .then(|| tab_button("drafts", Msg::DraftsTab))
                    })}
                </Transition>
            </div>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match notices.await {
                        Ok(page) => view! { <NoticeCards page=page /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| notices.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
