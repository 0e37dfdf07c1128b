use leptos::prelude::*;
use yishi_core::api::votes::MyVote;
use yishi_core::votes::electorate::VoterKey;

use crate::components::{Ballot, BallotForm, Caster};
use crate::i18n::{Msg, fill, use_i18n};

/// One of her votes, labelled (her own, her household's, one delegated to her), then the next one.
#[component]
pub(super) fn MyBallot(
    ballot: Ballot,
    mine: MyVote,
    left: usize,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = if mine.delegated {
        Msg::DelegatedVote
    } else {
        match mine.voter {
            VoterKey::Household(_) => Msg::HouseholdVote,
            VoterKey::Member(_) => Msg::OwnVote,
        }
    };
    let receipt = RwSignal::new(None::<String>);
    let caster = Caster::Online(mine.voter.clone());
    view! {
        {move || match receipt.get() {
            Some(r) => {
                view! {
                    <p class="new-code" role="status">{fill(i18n.lang(), Msg::YourReceipt, &[("receipt", &r)])}</p>
                    {(left > 0)
                        .then(|| {
                            let count = left.to_string();
                            view! {
                                <button type="button" class="button primary" on:click=move |_| reload.run(())>
                                    {fill(i18n.lang(), Msg::NextVote, &[("count", &count)])}
                                </button>
                            }
                        })}
                }
                    .into_any()
            }
            None => view! { <BallotForm ballot=ballot.clone() legend=label caster=caster.clone() done=receipt /> }.into_any(),
        }}
    }
}
