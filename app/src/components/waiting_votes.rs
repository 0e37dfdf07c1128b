use leptos::prelude::*;
use yishi_core::api::routes::ListVotes;

use crate::api;
use crate::components::VoteCount;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// The open votes where the member still has a vote to cast (first on the home screen; nothing there
/// when there are none), each with its count and closing time. The same set as the matters list's "待我投票" (both are the API's
/// `needs_my_vote`).
#[component]
pub fn WaitingVotes(
    /// Says so when no vote waits (on the votes page; the home screen shows nothing then).
    #[prop(optional)]
    say_none: bool,
    /// Shows only this many (the home screen: the first, and a link to the rest under 投票/会议, so that
    /// the notices still start on the first screen).
    #[prop(optional)]
    at_most: Option<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let votes = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListVotes {}));
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let mut waiting: Vec<_> = votes
                    .await
                    .map(|list| list.votes.into_iter().filter(|v| v.needs_my_vote).collect())
                    .unwrap_or_default();
                if waiting.is_empty() {
                    return say_none
                        .then(|| view! { <p class="empty">{i18n.text(Msg::NoVoteWaiting)}</p> })
                        .into_any();
                }
                let more = at_most.map_or(0, |n| waiting.len().saturating_sub(n));
                waiting.truncate(at_most.unwrap_or(usize::MAX));
                view! {
                    <section class="now" aria-labelledby="waiting-votes-heading">
                        // The link to the others beside the heading: no line of its own.
                        <div class="section-head">
                            <h2 id="waiting-votes-heading">{i18n.text(Msg::VotesHeading)}</h2>
                            {(more > 0).then(|| view! {
                                <a href="/votes">{move || fill(i18n.lang(), Msg::MoreVotesWaiting, &[("n", &more.to_string())])}</a>
                            })}
                        </div>
                        <ul class="card-links" role="list">
                            {waiting
                                .into_iter()
                                .map(|v| {
                                    let closes = local_datetime(&v.closes_at);
                                    // A meeting's motion is voted in the meeting's room.
                                    let href = match &v.meeting {
                                        Some(m) => format!("/meetings/{m}"),
                                        None => format!("/votes/{}", v.id),
                                    };
                                    view! {
                                        <li>
                                            <a href=href>
                                                <span class="card-title"><span class="record-number">{v.number.to_string()}</span>" "{v.title.clone()}</span>
                                                <span class="card-meta">
                                                    {v.scope_name.clone()}" · "
                                                    {move || fill(i18n.lang(), Msg::VoteCloses, &[("time", &closes)])}
                                                </span>
                                                {v.count.map(|count| view! { <VoteCount count=count /> })}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect::<Vec<_>>()}
                        </ul>
                    </section>
                }
                .into_any()
            })}
        </Transition>
    }
}
