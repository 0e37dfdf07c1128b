use leptos::prelude::*;
use yishi_core::api::votes::MyVote;
use yishi_core::votes::electorate::VoterKey;

use crate::components::{Ballot, BallotForm, Caster};
use crate::i18n::Msg;
use crate::receipts;
use crate::session::use_session;

/// One of her votes still to cast, labelled (her own, her household's, one delegated to her). Once
/// cast, its receipt is kept on this phone and the vote is read again: the page then shows the new
/// count, what she chose (or, in a secret vote, that it is counted) and her next vote, if any.
#[component]
pub(super) fn MyBallot(
    ballot: Ballot,
    mine: MyVote,
    just_cast: RwSignal<Option<Msg>>,
    /// What the page says once it is cast: "已投票" or, cast again, "已改票".
    says: Msg,
    reload: Callback<()>,
) -> impl IntoView {
    let label = if mine.delegated {
        Msg::DelegatedVote
    } else {
        match mine.voter {
            VoterKey::Household(_) => Msg::HouseholdVote,
            VoterKey::Member(_) => Msg::OwnVote,
        }
    };
    let receipt = RwSignal::new(None::<String>);
    let (vote, voter) = (ballot.vote.clone(), mine.voter.clone());
    let session = use_session();
    Effect::new(move |_| {
        if let Some(r) = receipt.get() {
            if let Some(member) = session.member_untracked() {
                receipts::remember(&member.id, &vote, &voter, &r);
            }
            just_cast.set(Some(says));
            reload.run(());
        }
    });
    let caster = Caster::Online(mine.voter.clone());
    view! { <BallotForm ballot=ballot legend=label caster=caster done=receipt /> }
}
