use leptos::prelude::*;
use yishi_core::api::matters::OwnerRequest;
use yishi_core::api::routes::MatterOwner;
use yishi_core::ids::MatterId;
use yishi_core::matters::OwnerKind;

use super::super::owner_label;
use crate::changes::Change;
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn OwnerForm(id: MatterId, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let owner = MatterOwner { id };
    let kind = RwSignal::new(OwnerKind::ResidentTeam);
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            let phone = phone.get_untracked();
            change.send(
                &owner,
                &OwnerRequest { kind: kind.get_untracked(), name: name.get_untracked(), phone: (!phone.trim().is_empty()).then_some(phone) },
            );
        }>
            <div class="field">
                <label for="owner-kind">{i18n.text(Msg::OwnerKindLabel)}</label>
                <select id="owner-kind" on:change=move |ev| if let Some(k) = OwnerKind::parse(&event_target_value(&ev)) { kind.set(k) }>
                    {OwnerKind::ALL
                        .into_iter()
                        .filter(|k| *k != OwnerKind::Volunteer)
                        .map(|k| view! { <option value=k.as_str()>{i18n.text(owner_label(k))}</option> })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="owner-name">{i18n.text(Msg::OwnerNameLabel)}</label>
                <input id="owner-name" type="text" autocomplete="off" bind:value=name />
            </div>
            <div class="field">
                <label for="owner-phone">{i18n.text(Msg::OwnerPhoneLabel)}</label>
                <input id="owner-phone" type="tel" inputmode="numeric" autocomplete="off" bind:value=phone />
            </div>
            <button type="submit" class="button primary">{i18n.text(Msg::SaveOwner)}</button>
        </form>
    }
}
