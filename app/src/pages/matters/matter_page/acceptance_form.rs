use leptos::prelude::*;
use serde_json::json;

use crate::changes::Change;
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn AcceptanceForm(change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    view! {
        <section aria-labelledby="accept-heading">
            <h3 id="accept-heading">{i18n.text(Msg::AcceptHeading)}</h3>
            <button type="button" class="button primary" on:click=move |_| change.post("acceptance", json!({ "accept": true }))>
                {i18n.text(Msg::AcceptButton)}
            </button>
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                change.post("acceptance", json!({ "accept": false, "reason": reason.get_untracked() }));
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
