use leptos::prelude::*;
use yishi_core::api::audit::AuditEntryView;
use yishi_core::audit::sentence;

use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// An entry as a sentence in the reader's language — 「王主任 代 李阿姨 签到 — 3号楼议事会」 — with when,
/// where and the reason given for an act on someone's behalf.
#[component]
pub(super) fn AuditItem(entry: AuditEntryView) -> impl IntoView {
    let i18n = use_i18n();
    let at = local_datetime(&entry.at);
    let reason = entry.reason.clone().filter(|r| !r.is_empty());
    let place = entry.scope_name.clone();
    let entry = StoredValue::new(entry);
    view! {
        <li class="member-card audit-entry">
            <p class="audit-sentence">{move || entry.with_value(|e| sentence(i18n.lang(), e))}</p>
            <p class="hint">{at}{(!place.is_empty()).then(|| format!(" · {place}"))}</p>
            {reason.map(|reason| {
                view! { <p>{move || fill(i18n.lang(), Msg::AuditReason, &[("reason", &reason)])}</p> }
            })}
        </li>
    }
}
