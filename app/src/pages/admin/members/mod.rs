mod member_item;

use leptos::prelude::*;
use yishi_core::api::routes::ListMembers;

use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use member_item::MemberItem;

/// `/admin/members`: residents waiting for verification first; confirm or reject them; search.
#[component]
pub fn MembersPage() -> impl IntoView {
    let i18n = use_i18n();
    let pending_only = RwSignal::new(true);
    let query = RwSignal::new(String::new());
    let submitted = RwSignal::new(String::new());
    let version = RwSignal::new(0_u32);
    let members = LocalResource::new(move || {
        version.track();
        let query = Query::new()
            .set("limit", "100")
            .set("q", submitted.get())
            .set(
                "verification",
                if pending_only.get() { "pending" } else { "" },
            );
        async move { api::send_query(i18n.lang_untracked(), &ListMembers {}, &query, &()).await }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MembersHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/admin">{i18n.text(Msg::BackToAdmin)}</a>
            </p>
            <h1>{i18n.text(Msg::MembersHeading)}</h1>
            <form class="inline-form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                submitted.set(query.get_untracked());
            }>
                <label for="member-search">{i18n.text(Msg::SearchLabel)}</label>
                <input id="member-search" type="search" bind:value=query />
                <button type="submit" class="button secondary small">{i18n.text(Msg::SearchButton)}</button>
            </form>
            <label class="check">
                <input type="checkbox" bind:checked=pending_only />
                {i18n.text(Msg::PendingOnly)}
            </label>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match members.await {
                        Ok(page) if page.members.is_empty() => {
                            view! { <p class="empty">{i18n.text(Msg::NoMembersFound)}</p> }.into_any()
                        }
                        Ok(page) => {
                            view! {
                                <ul class="member-list">
                                    {page
                                        .members
                                        .into_iter()
                                        .map(|m| view! { <MemberItem member=m reload=reload /> })
                                        .collect::<Vec<_>>()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error=error on_retry=move |()| members.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
