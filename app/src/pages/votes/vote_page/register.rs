use leptos::prelude::*;
use yishi_core::api::routes::VoteVoters;
use yishi_core::api::votes::VoterEntry;

use super::paper_entry::PaperEntry;
use crate::api;
use crate::components::{Ballot, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

/// For those who run the vote: the register (who voted, never what) and, while open, the entry of paper
/// ballots and shows of hands for voters who have not voted.
#[component]
pub(super) fn Register(ballot: Ballot, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let vote_id = ballot.vote.clone();
    let voters = LocalResource::new(move || {
        version.track();
        let voters = VoteVoters {
            id: vote_id.clone(),
        };
        async move { api::get(i18n.lang_untracked(), &voters).await }
    });
    let picked = RwSignal::new(String::new());
    let channel = RwSignal::new(String::from("paper"));
    let receipt = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if receipt.get().is_some() {
            version.update(|v| *v += 1);
        }
    });
    view! {
        <section aria-labelledby="register-heading">
            <h2 id="register-heading">{i18n.text(Msg::RegisterHeading)}</h2>
            <Transition fallback=|| view! { <Loading /> }>
                {move || {
                    let ballot = ballot.clone();
                    Suspend::new(async move {
                        match voters.await {
                            Ok(list) => {
                                let waiting: Vec<VoterEntry> = list
                                    .voters
                                    .iter()
                                    .filter(|v| !v.voted && v.delegated_to.is_none())
                                    .cloned()
                                    .collect();
                                view! {
                                    <ul class="member-list register">
                                        {list
                                            .voters
                                            .into_iter()
                                            .map(|v| {
                                                let mark = if v.delegated_to.is_some() {
                                                    Msg::DelegatedMark
                                                } else if v.voted {
                                                    Msg::VotedMark
                                                } else {
                                                    Msg::NotVotedMark
                                                };
                                                view! {
                                                    <li class="member-card">
                                                        <span>{v.name.clone()}</span>
                                                        " "
                                                        <span class="hint">{v.home.clone()}</span>
                                                        " "
                                                        <span class="badge" class:warn=!v.voted && v.delegated_to.is_none()>{i18n.text(mark)}</span>
                                                    </li>
                                                }
                                            })
                                            .collect::<Vec<_>>()}
                                    </ul>
                                    {(open && !waiting.is_empty())
                                        .then(|| view! { <PaperEntry ballot=ballot.clone() waiting=waiting picked=picked channel=channel receipt=receipt /> })}
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorView error=e /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}
