use leptos::prelude::*;
use yishi_core::api::requests::{CatalogueResponse, RequestCounts};
use yishi_core::api::routes::ListRequests;

use super::{RequestItem, catalogue_resource};
use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, OfficeLink};
use crate::i18n::{Msg, fill, use_i18n};

/// The list a reader lands on: her units' requests if she handles any, else everything she dispatches,
/// else her own.
fn landing(c: &CatalogueResponse) -> &'static str {
    if !c.my_units.is_empty() {
        "handling"
    } else if c.dispatches {
        "all"
    } else {
        "mine"
    }
}

/// Staff's lists open on what is still to do, most urgent (overdue) first; hers on everything.
fn landing_state(view: &str) -> &'static str {
    if view == "mine" { "" } else { "open" }
}

/// The widest list the reader has, where a search looks.
fn widest(c: &CatalogueResponse) -> &'static str {
    if c.dispatches {
        "all"
    } else if !c.my_units.is_empty() {
        "handling"
    } else {
        "mine"
    }
}

/// `/requests`: hers, her unit's, and (for staff) all, with a filter by state and a search by number or
/// words. Staff and handling units land on what waits for them, overdue first, with counts on the tabs.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = catalogue_resource();
    // `None` until she chooses: then the landing list of her catalogue.
    let tab = RwSignal::new(None::<&'static str>);
    let state = RwSignal::new(None::<String>);
    let search = RwSignal::new(String::new());
    let typed = RwSignal::new(String::new());
    let counts = RwSignal::new(None::<RequestCounts>);
    let list = LocalResource::new(move || {
        let chosen = tab.get();
        let chosen_state = state.get();
        let q = search.get();
        async move {
            let c = catalogue.await?;
            let searching = !q.trim().is_empty();
            let view = match chosen {
                _ if searching => widest(&c),
                Some(v) => v,
                None => landing(&c),
            };
            let status = if searching {
                String::new()
            } else {
                chosen_state.unwrap_or_else(|| landing_state(view).to_owned())
            };
            let urgent_first = matches!(status.as_str(), "open" | "overdue" | "escalated");
            let query = Query::new()
                .set("view", view)
                .set("status", status)
                .set("q", q.trim().to_owned());
            let answer =
                api::send_query(i18n.lang_untracked(), &ListRequests {}, &query, &()).await?;
            counts.set(Some(answer.counts));
            Ok::<_, api::ApiError>((answer, urgent_first))
        }
    });
    let current = move |c: &CatalogueResponse| tab.get().unwrap_or_else(|| landing(c));
    let tabs = move |c: &CatalogueResponse| {
        let mut t = vec![("mine", Msg::MyRequests)];
        if !c.my_units.is_empty() {
            t.push(("handling", Msg::HandlingRequests));
        }
        if c.dispatches {
            t.push(("all", Msg::AllRequests));
        }
        t
    };
    let tab_counts = move |key: &str| {
        counts.get().map(|n| match key {
            "handling" => (n.handling, n.handling_overdue),
            "all" => (n.all, n.all_overdue),
            _ => (n.mine, 0),
        })
    };
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::RequestsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/account">{i18n.text(Msg::BackToMine)}</a>
            </p>
            <h1>{i18n.text(Msg::RequestsHeading)}</h1>
            <p class="button-row">
                <a class="button primary" href="/requests/new">{i18n.text(Msg::ReportLink)}</a>
            </p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    catalogue.await.ok().map(|c| {
                        let staff_links = c.dispatches.then(|| view! {
                            <p class="button-row">
                                <OfficeLink class="button secondary" href="/requests/figures">{i18n.text(Msg::FiguresHeading)}</OfficeLink>
                                {(c.can_edit || c.can_add_unit).then(|| view! { <OfficeLink class="button secondary" href="/requests/catalogue">{i18n.text(Msg::CatalogueHeading)}</OfficeLink> })}
                            </p>
                        });
                        let shown = StoredValue::new(c.clone());
                        let buttons = tabs(&c)
                            .into_iter()
                            .map(|(key, msg)| {
                                let count = move || tab_counts(key).map(|(open, overdue)| view! {
                                    <span class="tab-count" aria-hidden="true">{open}</span>
                                    <span class="visually-hidden">{fill(i18n.lang(), Msg::OpenCount, &[("n", &open.to_string())])}</span>
                                    {(overdue > 0).then(|| view! {
                                        <span class="tab-overdue">{fill(i18n.lang(), Msg::OverdueCount, &[("n", &overdue.to_string())])}</span>
                                    })}
                                });
                                view! {
                                    <button
                                        type="button"
                                        class="tab"
                                        aria-pressed=move || {
                                            (search.get().is_empty() && shown.with_value(|c| current(c)) == key).to_string()
                                        }
                                        on:click=move |_| {
                                            search.set(String::new());
                                            typed.set(String::new());
                                            state.set(None);
                                            tab.set(Some(key));
                                        }
                                    >
                                        <span>{i18n.text(msg)}</span>
                                        {count}
                                    </button>
                                }
                            })
                            .collect::<Vec<_>>();
                        view! {
                            {staff_links}
                            <div class="tabs request-tabs" role="group" aria-label=i18n.text(Msg::RequestsHeading)>{buttons}</div>
                            <div class="field">
                                <label for="request-state">{i18n.text(Msg::RequestStateFilter)}</label>
                                <select
                                    id="request-state"
                                    prop:value=move || {
                                        state.get().unwrap_or_else(|| landing_state(shown.with_value(|c| current(c))).to_owned())
                                    }
                                    on:change=move |ev| state.set(Some(event_target_value(&ev)))
                                >
                                    <option value="">{i18n.text(Msg::AnyState)}</option>
                                    <option value="open">{i18n.text(Msg::OpenRequests)}</option>
                                    <option value="overdue">{i18n.text(Msg::Overdue)}</option>
                                    <option value="escalated">{i18n.text(Msg::EscalatedFilter)}</option>
                                    <option value="resolved">{i18n.text(Msg::ReqResolved)}</option>
                                    <option value="closed">{i18n.text(Msg::ReqClosed)}</option>
                                </select>
                            </div>
                        }
                    })
                })}
            </Transition>
            <form class="search-form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                search.set(typed.get_untracked().trim().to_owned());
            }>
                <div class="field">
                    <label for="request-search">{i18n.text(Msg::FindRequest)}</label>
                    <p class="hint" id="request-search-hint">{i18n.text(Msg::FindRequestHint)}</p>
                    <div class="search-row">
                        <input id="request-search" type="search" inputmode="search" autocomplete="off"
                            aria-describedby="request-search-hint" bind:value=typed />
                        <button type="submit" class="button secondary">{i18n.text(Msg::SearchButton)}</button>
                    </div>
                </div>
                {move || (!search.get().is_empty()).then(|| view! {
                    <button type="button" class="button link" on:click=move |_| {
                        search.set(String::new());
                        typed.set(String::new());
                    }>{i18n.text(Msg::ClearSearch)}</button>
                })}
            </form>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok((answer, _)) if answer.requests.is_empty() => {
                            view! { <p class="empty">{i18n.text(Msg::NoRequests)}</p> }.into_any()
                        }
                        Ok((answer, urgent_first)) => {
                            view! {
                                {urgent_first.then(|| view! { <p class="hint">{i18n.text(Msg::OverdueFirst)}</p> })}
                                <ul class="requests">
                                    {answer.requests.into_iter().map(|r| view! { <RequestItem r=r /> }).collect::<Vec<_>>()}
                                </ul>
                            }
                            .into_any()
                        }
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| list.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
