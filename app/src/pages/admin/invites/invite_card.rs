use leptos::prelude::*;
use yishi_core::api::invites::InviteView;

use crate::components::QrCode;
use crate::i18n::{Msg, fill, use_i18n};

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

#[component]
pub(super) fn InviteCard(
    invite: InviteView,
    building: String,
    revoke: Action<String, ()>,
) -> impl IntoView {
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
