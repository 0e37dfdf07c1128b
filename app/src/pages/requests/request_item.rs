use leptos::prelude::*;
use yishi_core::api::requests::RequestSummary;

use super::{DeadlineLine, status_label};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// One line of a list.
#[component]
pub fn RequestItem(r: RequestSummary) -> impl IntoView {
    let i18n = use_i18n();
    let received = local_datetime(&r.received_at);
    let followers = r.followers.to_string();
    view! {
        <li class="request-item">
            <a href=format!("/requests/{}", r.id)>
                <span class="record-number">{r.number.to_string()}</span>
                " "
                <strong>{r.subcategory_name.clone()}</strong>
                " "
                <span class=format!("badge status-{}", r.status.as_str())>{i18n.text(status_label(r.status))}</span>
            </a>
            <p class="excerpt">{r.description.clone()}</p>
            <p class="hint">{r.place_name.clone()}" · "{r.unit_name.clone()}" · "{received}</p>
            {(r.followers > 0).then(|| view! { <p class="hint">{move || fill(i18n.lang(), Msg::FollowersN, &[("n", &followers)])}</p> })}
            {r.status.is_open().then(|| view! { <DeadlineLine deadline=r.deadline overdue=r.overdue escalation=r.escalation /> })}
        </li>
    }
}
