use leptos::prelude::*;
use yishi_core::api::votes::{MyVote, VoteState, VoteView};

use super::downloads::Downloads;
#[cfg(feature = "office")]
use super::manage_vote::ManageVote;
use super::my_ballot::MyBallot;
use super::plain_words::PlainWords;
use super::proxy_form::ProxyForm;
use super::result_view::ResultView;
use crate::components::Ballot;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn VoteDetail(vote: VoteView, manager: bool, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = vote.id.clone();
    let state = vote.state;
    let closes = local_datetime(&vote.settings.closes_at);
    let opens = local_datetime(&vote.settings.opens_at);
    let participated = vote.participated.to_string();
    let eligible = vote.eligible.map(|e| e.to_string()).unwrap_or_default();
    let open_votes: Vec<MyVote> = vote.my_votes.iter().filter(|m| !m.voted).cloned().collect();
    let voted = !vote.my_votes.is_empty() && open_votes.is_empty();
    let state_label = match state {
        VoteState::Scheduled => Msg::VoteScheduled,
        VoteState::Open => Msg::VoteOpen,
        VoteState::Closed => Msg::VoteClosed,
    };
    let ballot = Ballot {
        vote: id.clone(),
        method: vote.settings.method.clone(),
        options: vote.settings.options.clone(),
    };
    let has_result = vote.result.is_some();
    view! {
        <article class="notice-detail">
            <h1>{vote.settings.title.clone()}</h1>
            <p class="hint">{vote.scope_name.clone()}</p>
            <p><span class="badge">{i18n.text(state_label)}</span></p>
            <PlainWords settings=vote.settings.clone() />
            {(state == VoteState::Scheduled).then(|| view! { <p class="hint">{move || fill(i18n.lang(), Msg::VoteOpensAt, &[("time", &opens)])}</p> })}
            <p class="hint">{move || fill(i18n.lang(), Msg::VoteCloses, &[("time", &closes)])}</p>
            {vote.eligible.is_some().then(|| {
                let (cast, all) = (participated.clone(), eligible.clone());
                view! { <p>{move || fill(i18n.lang(), Msg::Participation, &[("cast", &cast), ("eligible", &all)])}</p> }
            })}
            {(state == VoteState::Scheduled)
                .then(|| vote.may_delegate.first().cloned())
                .flatten()
                .map(|from| view! { <ProxyForm vote=id.clone() from=from reload=reload /> })}
            {(!vote.delegated.is_empty()).then(|| view! { <p role="status">{i18n.text(Msg::ProxyDone)}</p> })}
            {(state == VoteState::Open)
                .then(|| open_votes.first().cloned())
                .flatten()
                .map(|mine| {
                    let left = open_votes.len() - 1;
                    view! { <MyBallot ballot=ballot.clone() mine=mine left=left reload=reload /> }
                })}
            {voted.then(|| view! { <p role="status">{i18n.text(Msg::AlreadyVoted)}</p> })}
            {match vote.result.clone() {
                Some(result) => view! { <ResultView result=result settings=vote.settings.clone() /> }.into_any(),
                None => view! { <p class="hint">{i18n.text(Msg::ResultLater)}</p> }.into_any(),
            }}
            {has_result.then(|| view! { <Downloads vote=id.clone() /> })}
            {manager.then(|| crate::office_part!(view! {
                <ManageVote id=id.clone() state=state has_result=has_result ballot=ballot.clone() reload=reload />
            }))}
        </article>
    }
}
