use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::meetings::Presence as Count;
use yishi_core::votes::tally::Quorum;

use yishi_core::i18n::Term;

use crate::components::TermHelp;
use crate::i18n::{Msg, use_i18n};

/// How many came of how many invited, and what that means for the quorum, in the one sentence core
/// writes from the count (so the two cannot disagree).
#[component]
pub(super) fn Presence(live: RwSignal<MeetingLive>, quorum: Quorum) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| live.with(|l| Count::new(quorum, l.present, l.eligible)));
    view! {
        <section class="presence" aria-labelledby="presence-heading">
            <h2 id="presence-heading" class="visually-hidden">{i18n.text(Msg::AttendanceHeading)}</h2>
            <p class="presence-count" class:short=move || !count.get().met() aria-live="polite">
                {move || count.get().sentence(i18n.lang())}
            </p>
            <p class="terms"><TermHelp term=Term::Quorum /></p>
        </section>
    }
}
