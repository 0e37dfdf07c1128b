use leptos::prelude::*;
use yishi_core::requests::Escalation;

use super::escalation_label;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// A deadline as the resident reads it: 「办理期限：12月4日 23:59」, and whether it has passed.
#[component]
pub fn DeadlineLine(
    deadline: chrono::DateTime<chrono::Utc>,
    overdue: bool,
    escalation: Escalation,
) -> impl IntoView {
    let i18n = use_i18n();
    let time = local_datetime(&deadline);
    view! {
        <p class="deadline">
            {move || fill(i18n.lang(), Msg::DeadlineLine, &[("time", &time)])}
            {overdue.then(|| view! { " " <span class="badge overdue">{i18n.text(Msg::Overdue)}</span> })}
            {escalation_label(escalation).map(|m| view! { " " <span class="badge escalated">{i18n.text(m)}</span> })}
        </p>
    }
}
