//! Resident covenants (居民公约): the list, drafting a new one, and one covenant with its versions.

mod covenant_page;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::api::covenants::CreateCovenantRequest;
use yishi_core::covenants::VersionState;

pub use covenant_page::CovenantPage;

use yishi_core::DomainError;
use yishi_core::covenants::{TITLE_MAX, clean_clauses};
use yishi_core::error::Field;

use crate::api;
use crate::components::{
    AppShell, DocumentTitle, ErrorView, FormAlert, Loading, ScopeSelect, TextField,
};
use crate::forms::FormError;
use crate::i18n::{Msg, fill, use_i18n};
use crate::pages::notices::notice_form::parse_scope;

#[must_use]
pub fn version_label(s: VersionState) -> Msg {
    match s {
        VersionState::Drafting => Msg::VsDrafting,
        VersionState::Voting => Msg::VsVoting,
        VersionState::Adopted => Msg::VsAdopted,
        VersionState::Rejected => Msg::VsRejected,
        VersionState::Superseded => Msg::VsSuperseded,
    }
}

/// The clauses typed one per line.
fn clauses_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `/covenants`: the covenants of the member's places, searchable.
#[component]
pub fn CovenantsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let submitted = RwSignal::new(String::new());
    let list = LocalResource::new(move || {
        let q = submitted.get();
        async move { api::covenants(i18n.lang_untracked(), &q).await }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::CovenantsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/">{i18n.text(Msg::BackToList)}</a>
            </p>
            <div class="section-head">
                <h1>{i18n.text(Msg::CovenantsHeading)}</h1>
                <a class="button secondary" href="/covenants/new">{i18n.text(Msg::NewCovenantLink)}</a>
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
                                                <a class="member-name" href=format!("/covenants/{}", c.id)>{c.title.clone()}</a>
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

/// `/covenants/new`: staff (or a building head) draft a covenant for a place.
#[component]
pub fn NewCovenantPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let clauses = RwSignal::new(String::new());
    let errors = FormError::new(&[
        ("title", "covenant-title"),
        ("scope", "covenant-scope"),
        ("clauses", "covenant-clauses"),
    ]);
    let clauses_error = errors.field("clauses");
    let create = Action::new_local(move |req: &CreateCovenantRequest| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            match api::create_covenant(i18n.lang_untracked(), &req).await {
                Ok(answer) => navigate(
                    &format!("/covenants/{}", answer.covenant.id),
                    NavigateOptions {
                        replace: true,
                        ..NavigateOptions::default()
                    },
                ),
                Err(e) => errors.set(e),
            }
        }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NewCovenantHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/covenants">{i18n.text(Msg::CovenantsHeading)}</a>
            </p>
            <h1>{i18n.text(Msg::NewCovenantHeading)}</h1>
            <form class="form" novalidate on:submit=errors.on_submit(create, move || {
                let scope = parse_scope(&scope.get_untracked()).ok_or(DomainError::Required {
                    field: Field::Scope,
                })?;
                let title = yishi_core::matters::clean_line(&title.get_untracked(), Field::Title, TITLE_MAX)?;
                let clauses = clean_clauses(&clauses_of(&clauses.get_untracked()))?;
                Ok(CreateCovenantRequest { title, scope, clauses })
            })>
                <TextField id="covenant-title" label=Msg::Title value=title autocomplete="off" error=errors.field("title") />
                <ScopeSelect id="covenant-scope" label=Msg::ScopeLabel value=scope error=errors.field("scope") />
                <div class="field">
                    <label for="covenant-clauses">{i18n.text(Msg::ClausesLabel)}</label>
                    <textarea id="covenant-clauses" rows="8" bind:value=clauses></textarea>
                    {move || clauses_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
                </div>
                <FormAlert id="covenant-error" message=errors.general() />
                <button type="submit" class="button primary">{i18n.text(Msg::NewCovenantLink)}</button>
            </form>
        </AppShell>
    }
}
