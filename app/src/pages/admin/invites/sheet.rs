use leptos::prelude::*;
use yishi_core::api::invites::InviteSheetResponse;

use super::invite_card::InviteCard;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn Sheet(sheet: InviteSheetResponse, revoke: Action<String, ()>) -> impl IntoView {
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
