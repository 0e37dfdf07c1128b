use leptos::prelude::*;
use yishi_core::api::matters::AcceptanceRequest;
use yishi_core::api::routes::MatterAcceptance;
use yishi_core::ids::MatterId;

use crate::changes::Change;
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn AcceptanceForm(id: MatterId, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let endpoint = MatterAcceptance { id };
    let accept = {
        let endpoint = endpoint.clone();
        move |_| {
            change.send(
                &endpoint,
                &AcceptanceRequest {
                    accept: true,
                    reason: None,
                },
            )
        }
    };
    let reason = RwSignal::new(String::new());
    view! {
        <section aria-labelledby="accept-heading">
            <h3 id="accept-heading">{i18n.text(Msg::AcceptHeading)}</h3>
            <button type="button" class="button primary" on:click=accept>
                {i18n.text(Msg::AcceptButton)}
            </button>
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                change.send(&endpoint, &AcceptanceRequest { accept: false, reason: Some(reason.get_untracked()) });
            }>
                <div class="field">
                    <label for="accept-reason">{i18n.text(Msg::RejectReason)}</label>
                    <textarea id="accept-reason" rows="2" bind:value=reason></textarea>
                </div>
                <button type="submit" class="button secondary">{i18n.text(Msg::RejectAcceptButton)}</button>
            </form>
        </section>
    }
}
