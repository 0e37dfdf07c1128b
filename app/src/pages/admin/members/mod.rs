use leptos::prelude::*;
use yishi_core::api::members::{MemberSummary, VerifyRequest};
use yishi_core::members::{Verification, VerificationDecision, normalize_reason};

use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::format::{home_line, role_line};
use crate::i18n::{Msg, use_i18n};

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
        let (pending, q) = (pending_only.get(), submitted.get());
        async move { api::members(i18n.lang_untracked(), pending, &q).await }
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

#[component]
fn MemberItem(member: MemberSummary, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let reason = RwSignal::new(String::new());
    let id = member.id.to_string();
    let decide = {
        let id = id.clone();
        Action::new_local(move |req: &VerifyRequest| {
            let (id, req) = (id.clone(), req.clone());
            async move {
                match api::verify_member(i18n.lang_untracked(), &id, &req).await {
                    Ok(_) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let pending = member.verification == Some(Verification::Pending);
    let home = member.home.as_ref().map(home_line);
    let roles = member.roles.clone();
    let reason_id = format!("reason-{id}");
    view! {
        <li class="member-card">
            <p class="member-name">
                <a href=format!("/admin/members/{id}")>{member.name.clone()}</a>
                {pending.then(|| view! { <span class="badge warn">{i18n.text(Msg::PendingBadge)}</span> })}
                {member.representative.then(|| view! { <span class="badge">{i18n.text(Msg::Representative)}</span> })}
            </p>
            {(!member.phone.is_empty()).then(|| view! { <p class="member-phone">{member.phone.clone()}</p> })}
            {home.map(|h| view! { <p class="member-home">{h}</p> })}
            {move || roles.iter().map(|r| view! { <p class="member-role">{role_line(i18n.lang(), r)}</p> }).collect::<Vec<_>>()}
            {pending
                .then(|| {
                    view! {
                        <div class="decision">
                            <button type="button" class="button primary" on:click=move |_| {
                                error.set(None);
                                decide.dispatch(VerifyRequest { decision: VerificationDecision::Confirm, reason: None });
                            }>{i18n.text(Msg::ConfirmResident)}</button>
                            <div class="field">
                                <label for=reason_id.clone()>{i18n.text(Msg::ReasonLabel)}</label>
                                <input id=reason_id.clone() type="text" bind:value=reason />
                            </div>
                            <button type="button" class="button secondary" on:click=move |_| {
                                error.set(None);
                                match normalize_reason(&reason.get_untracked()) {
                                    Ok(r) => {
                                        decide.dispatch(VerifyRequest { decision: VerificationDecision::Reject, reason: Some(r) });
                                    }
                                    Err(e) => error.set(Some(ApiError::Invalid(e))),
                                }
                            }>{i18n.text(Msg::RejectResident)}</button>
                        </div>
                    }
                })}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </li>
    }
}
