use leptos::prelude::*;
use yishi_core::api::requests::CatalogueResponse;
use yishi_core::api::routes::ListRequests;

use super::{RequestItem, catalogue_resource};
use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, OfficeLink};
use crate::i18n::{Msg, use_i18n};

/// `/requests`: hers, her unit's, and (for staff) all, with a filter by state.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = catalogue_resource();
    let tab = RwSignal::new("mine");
    let state = RwSignal::new(String::new());
    let list = LocalResource::new(move || {
        let query = Query::new()
            .set("view", tab.get())
            .set("status", state.get());
        async move { api::send_query(i18n.lang_untracked(), &ListRequests {}, &query, &()).await }
    });
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
                                {c.can_edit.then(|| view! { <OfficeLink class="button secondary" href="/requests/catalogue">{i18n.text(Msg::CatalogueHeading)}</OfficeLink> })}
                            </p>
                        });
                        let buttons = tabs(&c)
                            .into_iter()
                            .map(|(key, msg)| view! {
                                <button
                                    type="button"
                                    class="tab"
                                    aria-pressed=move || (tab.get() == key).to_string()
                                    on:click=move |_| tab.set(key)
                                >{i18n.text(msg)}</button>
                            })
                            .collect::<Vec<_>>();
                        view! {
                            {staff_links}
                            <div class="tabs" role="group" aria-label=i18n.text(Msg::RequestsHeading)>{buttons}</div>
                        }
                    })
                })}
            </Transition>
            <div class="field">
                <label for="request-state">{i18n.text(Msg::RequestStateFilter)}</label>
                <select id="request-state" on:change=move |ev| state.set(event_target_value(&ev))>
                    <option value="">{i18n.text(Msg::AnyState)}</option>
                    <option value="open">{i18n.text(Msg::OpenRequests)}</option>
                    <option value="overdue">{i18n.text(Msg::Overdue)}</option>
                    <option value="escalated">{i18n.text(Msg::EscalatedFilter)}</option>
                    <option value="resolved">{i18n.text(Msg::ReqResolved)}</option>
                    <option value="closed">{i18n.text(Msg::ReqClosed)}</option>
                </select>
            </div>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(answer) if answer.requests.is_empty() => {
                            view! { <p class="empty">{i18n.text(Msg::NoRequests)}</p> }.into_any()
                        }
                        Ok(answer) => view! {
                            <ul class="requests">
                                {answer.requests.into_iter().map(|r| view! { <RequestItem r=r /> }).collect::<Vec<_>>()}
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
