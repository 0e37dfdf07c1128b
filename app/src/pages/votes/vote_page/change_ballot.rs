use leptos::prelude::*;
use yishi_core::api::votes::MyVote;

use super::my_ballot::MyBallot;
use crate::components::Ballot;
use crate::i18n::{Msg, use_i18n};

/// "改票": on a named vote that allows it, while it is open, she may cast one of her votes again; the
/// new ballot replaces the old one (the server checks the vote allows it). Closed until she asks, so a
/// stray tap changes nothing; "不改了" closes it again.
#[component]
pub(super) fn ChangeBallot(
    ballot: Ballot,
    mine: MyVote,
    just_cast: RwSignal<Option<Msg>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    view! {
        <div class="change-ballot">
            <p class="hint">{i18n.text(Msg::ChangeBallotHint)}</p>
            <button
                type="button"
                class="button secondary"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || i18n.t(if open.get() { Msg::KeepBallot } else { Msg::ChangeBallot })}
            </button>
            {move || open.get().then(|| {
                view! { <MyBallot ballot=ballot.clone() mine=mine.clone() just_cast=just_cast says=Msg::BallotChanged reload=reload /> }
            })}
        </div>
    }
}
