use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::invites::{InviteSheetResponse, InviteView, IssueInvitesRequest};

use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, QrCode};
use crate::i18n::{Msg, fill, use_i18n};

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// `/admin/buildings/:id/invites`: every live invite code of a building as a printable sheet, one card
/// per household with its QR code; codes for households without one; revoking a code.
#[component]
pub fn InviteSheetPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let building = move || params.read().get("id").unwrap_or_default();
    let version = RwSignal::new(0_u32);
    let sheet = LocalResource::new(move || {
        version.track();
        let id = building();
        async move { api::invite_sheet(i18n.lang_untracked(), &id).await }
    });
    let error = RwSignal::new(None::<ApiError>);
    let issued = RwSignal::new(None::<u32>);
    let in_person = RwSignal::new(true);
    let issue = Action::new_local(move |(): &()| {
        let id = building();
        async move {
            let req = IssueInvitesRequest {
                in_person: in_person.get_untracked(),
            };
            match api::issue_building_invites(i18n.lang_untracked(), &id, &req).await {
                Ok(answer) => {
                    issued.set(Some(answer.issued));
                    version.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let revoke = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move {
            match api::revoke_invite(i18n.lang_untracked(), &code).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::PrintInvites).to_owned()) />
        <AppShell signed_in=true>
            <div class="no-print">
                <p class="back">
                    <a href="/admin/territory">{i18n.text(Msg::TerritoryHeading)}</a>
                </p>
                <label class="check">
                    <input type="checkbox" bind:checked=in_person />
                    {i18n.text(Msg::InPerson)}
                </label>
                <div class="member-links">
                    <button type="button" class="button secondary" on:click=move |_| {
                        error.set(None);
                        issue.dispatch(());
                    }>{i18n.text(Msg::IssueMissing)}</button>
                    <button type="button" class="button primary" on:click=move |_| {
                        let _ = window().print();
                    }>{i18n.text(Msg::PrintButton)}</button>
                </div>
                {move || issued.get().map(|n| view! { <p role="status">{fill(i18n.lang(), Msg::Issued, &[("count", &n.to_string())])}</p> })}
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            </div>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match sheet.await {
                        Ok(sheet) => view! { <Sheet sheet=sheet revoke=revoke /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| sheet.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

#[component]
fn Sheet(sheet: InviteSheetResponse, revoke: Action<String, ()>) -> impl IntoView {
    let i18n = use_i18n();
    let name = sheet.building_name.clone();
    view! {
        <h1>{move || fill(i18n.lang(), Msg::InviteSheetHeading, &[("name", &name)])}</h1>
        {if sheet.invites.is_empty() {
            view! { <p class="empty">{i18n.text(Msg::NoInvites)}</p> }.into_any()
        } else {
            view! {
                <ul class="invite-cards">
                    {sheet
                        .invites
                        .into_iter()
                        .map(|invite| view! { <InviteCard invite=invite building=sheet.building_name.clone() revoke=revoke /> })
                        .collect::<Vec<_>>()}
                </ul>
            }
                .into_any()
        }}
    }
}

#[component]
fn InviteCard(invite: InviteView, building: String, revoke: Action<String, ()>) -> impl IntoView {
    let i18n = use_i18n();
    let site = origin();
    let plain: String = invite.code.chars().filter(|c| *c != '-').collect();
    let link = format!("{site}/join?code={plain}");
    let place = format!("{building} {} {}", invite.unit_name, invite.household_name);
    let code = invite.code.clone();
    view! {
        <li class="invite-card">
            <p class="invite-place">{place.clone()}</p>
            <QrCode text=link label=place />
            <p class="invite-code">{invite.code.clone()}</p>
            <p class="hint">{move || fill(i18n.lang(), Msg::InviteCardHint, &[("site", &site)])}</p>
            <button type="button" class="button secondary small no-print" on:click=move |_| {
                revoke.dispatch(code.clone());
            }>{i18n.text(Msg::RevokeButton)}</button>
        </li>
    }
}
