use leptos::prelude::*;
use yishi_core::api::audit::AuditEntryView;

use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn AuditItem(entry: AuditEntryView) -> impl IntoView {
    let i18n = use_i18n();
    let at = local_datetime(&entry.at);
    let on_behalf = match (&entry.on_behalf_of_name, &entry.reason) {
        (Some(name), Some(reason)) => Some((name.clone(), reason.clone())),
        _ => None,
    };
    view! {
        <li class="member-card">
            <p class="member-name">{entry.actor_name.clone()}" · "<code>{entry.action.clone()}</code></p>
            <p class="hint">{at}" · "{entry.scope_name.clone()}</p>
            {on_behalf.map(|(name, reason)| {
                view! { <p>{move || fill(i18n.lang(), Msg::OnBehalfOf, &[("name", &name), ("reason", &reason)])}</p> }
            })}
        </li>
    }
}
