use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::DomainError;
use yishi_core::api::covenants::CreateCovenantRequest;
use yishi_core::api::routes::CreateCovenant;
use yishi_core::covenants::{TITLE_MAX, clean_clauses};
use yishi_core::error::Field;

use super::clauses_of;
use crate::api;
use crate::components::scope_select::parse_scope;
use crate::components::{AppShell, DocumentTitle, FormAlert, ScopeSelect, TextField};
use crate::forms::FormError;
use crate::i18n::{Msg, use_i18n};

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
            match api::send(i18n.lang_untracked(), &CreateCovenant {}, &req).await {
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
