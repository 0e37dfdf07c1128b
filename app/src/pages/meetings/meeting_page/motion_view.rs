use leptos::prelude::*;
use yishi_core::api::meetings::{MeetingLive, MyPart};
use yishi_core::api::routes::GetVote;
use yishi_core::api::votes::VoteState;

use crate::api;
use crate::components::{Ballot, BallotForm, Caster, ChoiceView, Tally};
use crate::i18n::{Msg, fill, use_i18n};

/// The motion put to the vote: her ballot while it is open, the count, and the result when shown.
#[component]
pub(super) fn MotionView(live: RwSignal<MeetingLive>, me: RwSignal<MyPart>) -> impl IntoView {
    let i18n = use_i18n();
    let open_motion = Memo::new(move |_| {
        live.with(|l| {
            l.motion
                .as_ref()
                .filter(|m| m.state == VoteState::Open)
                .map(|m| m.vote.clone())
        })
    });
    // Her vote on the open motion: fetched again when another motion is put or she checks in.
    let mine = LocalResource::new(move || {
        let vote = open_motion.get();
        let present = me.with(|m| m.present);
        async move {
            match (vote, present) {
                (Some(id), true) => api::get(i18n.lang_untracked(), &GetVote { id }).await.ok(),
                _ => None,
            }
        }
    });
    let receipt = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        open_motion.track();
        receipt.set(None);
    });
    // The ballot is drawn again only when another motion is put or this one closes, never because
    // someone else voted (that would reset a choice she is making).
    let current = Memo::new(move |_| {
        live.with(|l| {
            l.motion.as_ref().map(|m| {
                (
                    m.vote.clone(),
                    m.title.clone(),
                    m.method.clone(),
                    m.options.clone(),
                    m.state,
                )
            })
        })
    });
    view! {
        {move || {
            current
                .get()
                .map(|(vote, title, method, options, state)| {
                    let is_open = state == VoteState::Open;
                    let ballot = Ballot { vote, method, options };
                    view! {
                        <section class="motion" aria-labelledby="motion-heading">
                            <h2 id="motion-heading">{i18n.text(Msg::MotionHeading)}" · "{title}</h2>
                            <p>
                                {move || {
                                    let (cast, voters) = live.with(|l| l.motion.as_ref().map(|m| (m.participated.to_string(), m.voters.to_string())).unwrap_or_default());
                                    fill(i18n.lang(), Msg::MotionCount, &[("cast", &cast), ("voters", &voters)])
                                }}
                            </p>
                            {is_open.then(|| view! {
                                <Transition>
                                    {move || {
                                        let ballot = ballot.clone();
                                        Suspend::new(async move {
                                            let vote = mine.await;
                                            let open_vote = vote.as_ref().and_then(|v| v.vote.my_votes.iter().find(|m| !m.voted).cloned());
                                            let voted = vote.as_ref().is_some_and(|v| !v.vote.my_votes.is_empty()) && open_vote.is_none();
                                            // In a named motion, what she chose (never in a secret one: the server does not send it).
                                            let chosen = vote.as_ref().and_then(|v| v.vote.my_votes.iter().find_map(|m| m.ballot.as_ref().and_then(|b| b.choice.clone())));
                                            match (receipt.get(), open_vote) {
                                                (Some(r), _) => view! { <p class="new-code" role="status">{fill(i18n.lang(), Msg::YourReceipt, &[("receipt", &r)])}</p> }.into_any(),
                                                (None, Some(mine)) => view! { <BallotForm ballot=ballot legend=Msg::MotionHeading caster=Caster::Online(mine.voter) done=receipt /> }.into_any(),
                                                (None, None) if voted => {
                                                    let (method, options) = (ballot.method.clone(), ballot.options.clone());
                                                    view! {
                                                        <p role="status">{i18n.text(Msg::MotionVoted)}</p>
                                                        {chosen.map(|choice| view! { <ChoiceView method=method options=options choice=choice /> })}
                                                    }
                                                        .into_any()
                                                }
                                                _ => ().into_any(),
                                            }
                                        })
                                    }}
                                </Transition>
                            })}
                            {move || live.with(|l| l.motion.clone()).map(|motion| view! { <Tally motion=motion /> })}
                        </section>
                    }
                })
        }}
    }
}
