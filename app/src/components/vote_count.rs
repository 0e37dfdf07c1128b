use leptos::prelude::*;
use yishi_core::api::votes::Participation;

use crate::i18n::{Msg, fill, use_i18n};

/// How many have voted, of how many may: the same figure in the same words on the vote page, the home
/// screen's waiting votes, the votes page and the matters list.
#[component]
pub fn VoteCount(count: Participation) -> impl IntoView {
    let i18n = use_i18n();
    let (cast, voters) = (count.cast.to_string(), count.voters.to_string());
    view! {
        <p class="vote-count">
            {move || fill(i18n.lang(), Msg::Participation, &[("cast", &cast), ("voters", &voters)])}
        </p>
    }
}
