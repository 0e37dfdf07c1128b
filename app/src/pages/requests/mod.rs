//! Residents' requests (民生诉求): reporting a trouble, following it to the unit that answers for it,
//! confirming and rating the work; the unit's and staff's lists; the catalogue and the figures.

#[cfg(feature = "office")]
mod catalogue;
#[cfg(feature = "office")]
mod figures;
mod new_request;
mod request_page;

use leptos::prelude::*;
use yishi_core::api::requests::{CatalogueResponse, RequestListResponse, RequestSummary};
#[cfg(feature = "office")]
use yishi_core::requests::UnitKind;
use yishi_core::requests::{Escalation, Outcome, Status};

#[cfg(feature = "office")]
pub use catalogue::CataloguePage;
#[cfg(feature = "office")]
pub use figures::FiguresPage;
pub use new_request::NewRequestPage;
pub use request_page::RequestPage;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, OfficeLink};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[must_use]
pub fn status_label(s: Status) -> Msg {
    match s {
        Status::Received => Msg::ReqReceived,
        Status::Accepted => Msg::ReqAccepted,
        Status::InProgress => Msg::ReqInProgress,
        Status::Resolved => Msg::ReqResolved,
        Status::Closed => Msg::ReqClosed,
        Status::Returned => Msg::ReqReturned,
        Status::Merged => Msg::ReqMerged,
    }
}

#[must_use]
pub fn escalation_label(e: Escalation) -> Option<Msg> {
    match e {
        Escalation::None => None,
        Escalation::Community => Some(Msg::EscalatedCommunity),
        Escalation::Street => Some(Msg::EscalatedStreet),
        Escalation::District => Some(Msg::EscalatedDistrict),
    }
}

#[must_use]
pub fn outcome_label(o: Outcome) -> Msg {
    match o {
        Outcome::Fixed => Msg::OutcomeFixed,
        Outcome::Partly => Msg::OutcomePartly,
        Outcome::NotFixed => Msg::OutcomeNotFixed,
    }
}

#[must_use]
#[cfg(feature = "office")]
pub fn unit_kind_label(k: UnitKind) -> Msg {
    match k {
        UnitKind::CommunityOffice => Msg::UnitCommunityOffice,
        UnitKind::PropertyCompany => Msg::UnitPropertyCompany,
        UnitKind::StreetDepartment => Msg::UnitStreetDepartment,
        UnitKind::Utility => Msg::UnitUtility,
    }
}

/// What an entry of a request's record says happened.
#[must_use]
pub fn event_label(kind: &str) -> Msg {
    match kind {
        "received" => Msg::ReqEvReceived,
        "accepted" => Msg::ReqEvAccepted,
        "started" => Msg::ReqEvStarted,
        "resolved" => Msg::ReqEvResolved,
        "returned" => Msg::ReqEvReturned,
        "rerouted" => Msg::ReqEvRerouted,
        "merged" => Msg::ReqEvMerged,
        "merged_in" => Msg::ReqEvMergedIn,
        "split" => Msg::ReqEvSplit,
        "split_from" => Msg::ReqEvSplitFrom,
        "joined" => Msg::ReqEvJoined,
        "reopened" => Msg::ReqEvReopened,
        "confirmed_fixed" => Msg::ReqEvConfirmedFixed,
        "confirmed_partly" => Msg::ReqEvConfirmedPartly,
        "closed_unanswered" => Msg::ReqEvClosedUnanswered,
        "escalated_community" => Msg::EscalatedCommunity,
        "escalated_street" => Msg::EscalatedStreet,
        "escalated_district" => Msg::EscalatedDistrict,
        _ => Msg::ReqEvOther,
    }
}

/// A deadline as the resident reads it: 「办理期限：12月4日 23:59」, and whether it has passed.
#[component]
pub fn DeadlineLine(
    deadline: chrono::DateTime<chrono::Utc>,
    overdue: bool,
    escalation: Escalation,
) -> impl IntoView {
    let i18n = use_i18n();
    let time = local_datetime(&deadline);
    view! {
        <p class="deadline">
            {move || fill(i18n.lang(), Msg::DeadlineLine, &[("time", &time)])}
            {overdue.then(|| view! { " " <span class="badge overdue">{i18n.text(Msg::Overdue)}</span> })}
            {escalation_label(escalation).map(|m| view! { " " <span class="badge escalated">{i18n.text(m)}</span> })}
        </p>
    }
}

/// The catalogue as the reader sees it (kinds, units, what she may do), loaded once per page.
pub type Catalogue = LocalResource<Result<CatalogueResponse, api::ApiError>>;

#[must_use]
pub fn catalogue_resource() -> Catalogue {
    let i18n = use_i18n();
    LocalResource::new(move || {
        api::fetch_json::<CatalogueResponse>(i18n.lang_untracked(), "/requests/catalogue")
    })
}

/// On the home screen: report a trouble, follow one's requests.
#[component]
pub fn RequestsTeaser() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="waiting-votes" aria-labelledby="requests-teaser-heading">
            <h2 id="requests-teaser-heading">{i18n.text(Msg::RequestsHeading)}</h2>
            <p class="hint">{i18n.text(Msg::RequestsIntro)}</p>
            <p class="button-row">
                <a class="button primary" href="/requests/new">{i18n.text(Msg::ReportLink)}</a>
                <a class="button secondary" href="/requests">{i18n.text(Msg::MyRequests)}</a>
            </p>
        </section>
    }
}

/// One line of a list.
#[component]
pub fn RequestItem(r: RequestSummary) -> impl IntoView {
    let i18n = use_i18n();
    let received = local_datetime(&r.received_at);
    let followers = r.followers.to_string();
    view! {
        <li class="request-item">
            <a href=format!("/requests/{}", r.id)>
                <strong>{r.subcategory_name.clone()}</strong>
                " "
                <span class=format!("badge status-{}", r.status.as_str())>{i18n.text(status_label(r.status))}</span>
            </a>
            <p class="excerpt">{r.description.clone()}</p>
            <p class="hint">{r.place_name.clone()}" · "{r.unit_name.clone()}" · "{received}</p>
            {(r.followers > 0).then(|| view! { <p class="hint">{move || fill(i18n.lang(), Msg::FollowersN, &[("n", &followers)])}</p> })}
            {r.status.is_open().then(|| view! { <DeadlineLine deadline=r.deadline overdue=r.overdue escalation=r.escalation /> })}
        </li>
    }
}

/// `/requests`: hers, her unit's, and (for staff) all, with a filter by state.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = catalogue_resource();
    let tab = RwSignal::new("mine");
    let state = RwSignal::new(String::new());
    let list = LocalResource::new(move || {
        let path = format!("/requests?view={}&status={}", tab.get(), state.get());
        async move { api::fetch_json::<RequestListResponse>(i18n.lang_untracked(), &path).await }
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
