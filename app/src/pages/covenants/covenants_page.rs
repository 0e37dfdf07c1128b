use leptos::prelude::*;
use yishi_core::api::routes::ListCovenants;

use super::version_label;
use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, OfficeLink};
use crate::i18n::{Msg, fill, use_i18n};

/// `/covenants`: the covenants of the member's places, searchable.
#[component]
pub fn CovenantsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let submitted = RwSignal::new(String::new());
    let list = LocalResource::new(move || {
        let query = Query::new().set("q", submitted.get().trim());
        async move { api::send_query(i18n.lang_untracked(), &ListCovenants {}, &query, &()).await }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::CovenantsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/matters">{i18n.text(Msg::BackToMatters)}</a>
            </p>
            <div class="section-head">
                <h1>{i18n.text(Msg::CovenantsHeading)}</h1>
                <OfficeLink class="button secondary" href="/covenants/new">{i18n.text(Msg::NewCovenantLink)}</OfficeLink>
            </div>
            <p class="hint">{i18n.text(Msg::CovenantsIntro)}</p>
            <form class="inline-form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                submitted.set(query.get_untracked());
            }>
                <label for="covenant-search">{i18n.text(Msg::SearchCovenants)}</label>
                <input id="covenant-search" type="search" bind:value=query />
                <button type="submit" class="button secondary small">{i18n.text(Msg::SearchButton)}</button>
            </form>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) if l.covenants.is_empty() => view! { <p class="empty">{i18n.text(Msg::NoCovenants)}</p> }.into_any(),
                        Ok(l) => view! {
                            <ul class="member-list">
                                {l.covenants
                                    .into_iter()
                                    .map(|c| {
                                        let force = c.in_force.map(|n| n.to_string());
                                        view! {
                                            <li class="member-card">
                                                <a class="member-name" href=format!("/covenants/{}", c.id)>
                                                    <span><span class="record-number">{c.number.to_string()}</span>" "{c.title.clone()}</span>
                                                </a>
                                                <p class="hint">
                                                    {c.scope_name.clone()}" · "
                                                    {move || match &force {
                                                        Some(n) => fill(i18n.lang(), Msg::InForceVersion, &[("n", n)]),
                                                        None => i18n.t(Msg::NoneInForce).to_owned(),
                                                    }}
                                                    " · "{i18n.text(version_label(c.latest))}
                                                </p>
                                            </li>
                                        }
                                    })
                                    .collect::<Vec<_>>()}
                            </ul>
                        }
                            .into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| list.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
