use leptos::prelude::*;
use yishi_core::api::routes::ListMeetings;

use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::format::{local_datetime, meeting_state_label};
use crate::i18n::{Msg, use_i18n};

/// `/meetings`: every meeting of the member's places, newest first, searchable by title, agenda, place
/// and published minutes: the council's history.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let submitted = RwSignal::new(String::new());
    let meetings = LocalResource::new(move || {
        let query = Query::new().set("q", submitted.get().trim());
        async move { api::send_query(i18n.lang_untracked(), &ListMeetings {}, &query, &()).await }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MeetingsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/votes">{i18n.text(Msg::BackToVotes)}</a>
            </p>
            <h1>{i18n.text(Msg::MeetingsHeading)}</h1>
            <form class="inline-form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                submitted.set(query.get_untracked());
            }>
                <label for="meeting-search">{i18n.text(Msg::SearchMeetings)}</label>
                <input id="meeting-search" type="search" bind:value=query />
                <button type="submit" class="button secondary small">{i18n.text(Msg::SearchButton)}</button>
            </form>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match meetings.await {
                        Ok(list) if list.meetings.is_empty() => view! { <p class="empty">{i18n.text(Msg::NoMeetings)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="member-list">
                                {list
                                    .meetings
                                    .into_iter()
                                    .map(|m| {
                                        view! {
                                            <li class="member-card">
                                                <a class="member-name" href=format!("/meetings/{}", m.id)>
                                                    <span><span class="record-number">{m.number.to_string()}</span>" "{m.title.clone()}</span>
                                                </a>
                                                <p class="hint">{m.scope_name.clone()}" · "{local_datetime(&m.starts_at)}" · "{i18n.text(meeting_state_label(m.state))}</p>
                                            </li>
                                        }
                                    })
                                    .collect::<Vec<_>>()}
                            </ul>
                        }
                            .into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| meetings.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
