use leptos::prelude::*;
use yishi_core::api::votes::{MyVote, VoteState, VoteView};
use yishi_core::votes::poll::Secrecy;

use super::change_ballot::ChangeBallot;
use super::downloads::Downloads;
#[cfg(feature = "office")]
use super::manage_vote::ManageVote;
use super::my_ballot::MyBallot;
use super::plain_words::PlainWords;
use super::proxy_form::ProxyForm;
use super::result_view::ResultView;
use crate::components::{Ballot, VoteCount};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};
use crate::pages::votes::my_part::{MyPart, VoteShape};

#[component]
pub(super) fn VoteDetail(
    vote: VoteView,
    manager: bool,
    just_cast: RwSignal<Option<Msg>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = vote.id.clone();
    let state = vote.state;
    let closes = local_datetime(&vote.settings.closes_at);
    let opens = local_datetime(&vote.settings.opens_at);
    let open_votes: Vec<MyVote> = vote.my_votes.iter().filter(|m| !m.voted).cloned().collect();
    let cast_votes: Vec<MyVote> = vote.my_votes.iter().filter(|m| m.voted).cloned().collect();
    let any_cast = !cast_votes.is_empty();
    // She may cast again while it is open, in a named vote that allows it (the server checks it too).
    let changeable = state == VoteState::Open
        && vote.settings.changeable
        && vote.settings.secrecy == Secrecy::Named;
    let voted = !vote.my_votes.is_empty() && open_votes.is_empty();
    let state_label = match state {
        VoteState::Scheduled => Msg::VoteScheduled,
        VoteState::Open => Msg::VoteOpen,
        VoteState::Closed => Msg::VoteClosed,
    };
    let secrecy_label = match vote.settings.secrecy {
        Secrecy::Secret => Msg::SecretVoteBadge,
        Secrecy::Named => Msg::NamedVoteBadge,
    };
    let ballot = Ballot {
        vote: id.clone(),
        method: vote.settings.method.clone(),
        options: vote.settings.options.clone(),
    };
    let shape = VoteShape {
        vote: id.clone(),
        secrecy: vote.settings.secrecy,
        method: vote.settings.method.clone(),
        options: vote.settings.options.clone(),
    };
    let has_result = vote.result.is_some();
    let number = vote.number.to_string();
    view! {
        <article class="notice-detail vote-detail">
            <h1>{vote.settings.title.clone()}</h1>
            <p class="record-number">{move || fill(i18n.lang(), Msg::VoteNumbered, &[("n", &number)])}</p>
            <p class="hint">{vote.scope_name.clone()}</p>
            <p>
                <span class="badge">{i18n.text(state_label)}</span>
                " "
                <span class="badge">{i18n.text(secrecy_label)}</span>
            </p>
            <PlainWords settings=vote.settings.clone() />
            {(state == VoteState::Scheduled).then(|| view! { <p class="hint">{move || fill(i18n.lang(), Msg::VoteOpensAt, &[("time", &opens)])}</p> })}
            <p class="hint">{move || fill(i18n.lang(), Msg::VoteCloses, &[("time", &closes)])}</p>
            {vote.count.map(|count| view! { <VoteCount count=count /> })}
            {(state == VoteState::Scheduled)
                .then(|| vote.may_delegate.first().cloned())
                .flatten()
                .map(|from| view! { <ProxyForm vote=id.clone() from=from reload=reload /> })}
            {(!vote.delegated.is_empty()).then(|| {
                let after = (state != VoteState::Scheduled).then(|| {
                    let cast = vote.delegated.iter().all(|d| vote.delegated_cast.contains(d));
                    view! { <p>{i18n.text(if cast { Msg::DelegatedCast } else { Msg::DelegatedNotYet })}</p> }
                });
                view! { <p role="status">{i18n.text(Msg::ProxyDone)}</p> {after} }
            })}
            {any_cast.then(|| {
                view! {
                    <section class="my-ballots" aria-labelledby="my-ballot-heading">
                        <h2 id="my-ballot-heading">{i18n.text(Msg::MyBallotHeading)}</h2>
                        {move || just_cast.get().map(|said| view! { <p class="done" role="status">{i18n.text(said)}</p> })}
                        // Right after casting, the thanks says it; coming back, this does.
                        {move || (voted && just_cast.get().is_none()).then(|| view! { <p>{i18n.text(Msg::AlreadyVoted)}</p> })}
                        <MyPart shape=shape.clone() mine=vote.my_votes.clone() check=has_result />
                        {changeable.then(|| {
                            cast_votes
                                .iter()
                                .map(|mine| view! { <ChangeBallot ballot=ballot.clone() mine=mine.clone() just_cast=just_cast reload=reload /> })
                                .collect::<Vec<_>>()
                        })}
                        <p><a class="button secondary" href="/votes/mine">{i18n.text(Msg::MyVotesLink)}</a></p>
                    </section>
                }
            })}
            {(state == VoteState::Open)
                .then(|| open_votes.first().cloned())
                .flatten()
                .map(|mine| view! { <MyBallot ballot=ballot.clone() mine=mine just_cast=just_cast says=Msg::JustVoted reload=reload /> })}
            {match vote.result.clone() {
                Some(result) => view! { <ResultView result=result settings=vote.settings.clone() /> }.into_any(),
                None => view! { <p class="hint">{i18n.text(Msg::ResultLater)}</p> }.into_any(),
            }}
            {has_result.then(|| view! { <Downloads vote=id.clone() budget=vote.settings.method.budget_and_costs().is_some() /> })}
            {manager.then(|| crate::office_part!(view! {
                <ManageVote id=id.clone() state=state has_result=has_result ballot=ballot.clone() reload=reload />
            }))}
        </article>
    }
}
