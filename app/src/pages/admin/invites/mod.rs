mod invite_card;
mod sheet;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::endpoint::Token;
use yishi_core::api::invites::IssueInvitesRequest;
use yishi_core::api::routes::{BuildingInvites, IssueBuildingInvites, RevokeInvite};
use yishi_core::ids::BuildingId;

use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, fill, use_i18n};

use sheet::Sheet;

/// `/admin/buildings/:id/invites`: every live invite code of a building as a printable sheet, one card
/// per household with its QR code; codes for households without one; revoking a code.
#[component]
pub fn InviteSheetPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let building = move || {
        api::found(BuildingId::parse(
            &params.read().get("id").unwrap_or_default(),
        ))
    };
    let version = RwSignal::new(0_u32);
    let sheet = LocalResource::new(move || {
        version.track();
        let id = building();
        async move { api::get(i18n.lang_untracked(), &BuildingInvites { id: id? }).await }
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
            let issued_now = match id {
                Ok(id) => {
                    api::send(i18n.lang_untracked(), &IssueBuildingInvites { id }, &req).await
                }
                Err(e) => Err(e),
            };
            match issued_now {
                Ok(answer) => {
                    issued.set(Some(answer.issued));
                    version.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let revoke = Action::new_local(move |code: &String| {
        let revoke = RevokeInvite {
            code: Token::from_trusted(code.clone()),
        };
        async move {
            match api::send(i18n.lang_untracked(), &revoke, &()).await {
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
