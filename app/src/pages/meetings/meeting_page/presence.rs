use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;

use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn Presence(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="presence" aria-labelledby="presence-heading">
            <h2 id="presence-heading" class="visually-hidden">{i18n.text(Msg::AttendanceHeading)}</h2>
            <p class="presence-count" aria-live="polite">
                {move || {
                    let (present, eligible) = live.with(|l| (l.present.to_string(), l.eligible.to_string()));
                    fill(i18n.lang(), Msg::Presence, &[("present", &present), ("eligible", &eligible)])
                }}
            </p>
            <p>
                <span class="badge" class:warn=move || !live.with(|l| l.quorum_met)>
                    {move || i18n.t(if live.with(|l| l.quorum_met) { Msg::QuorumMet } else { Msg::QuorumMissing })}
                </span>
            </p>
        </section>
    }
}
