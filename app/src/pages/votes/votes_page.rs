use leptos::prelude::*;
use yishi_core::api::routes::{ListMeetings, ListVotes, PostableScopes};
use yishi_core::api::votes::VoteSummary;
use yishi_core::meetings::MeetingState;
use yishi_core::votes::VoteState;

use crate::api;
use crate::components::upcoming_meetings::meeting_card;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, OfficeLink};
use crate::format::local_datetime;
use crate::i18n::{I18n, Msg, fill, use_i18n};

/// A section of cards under its heading, or nothing when it has no card.
fn card_section(
    i18n: I18n,
    id: &'static str,
    heading: Msg,
    cards: Vec<AnyView>,
) -> Option<impl IntoView> {
    (!cards.is_empty()).then(|| {
        view! {
            <section class="home-section" aria-labelledby=id>
                <h2 id=id>{i18n.text(heading)}</h2>
                <ul class="card-links" role="list">{cards}</ul>
            </section>
        }
    })
}

/// A vote as a card: its title, its place, and when it closes (or opens).
fn vote_card(i18n: I18n, v: VoteSummary) -> AnyView {
    let (when, at) = match v.state {
        VoteState::Scheduled => (Msg::CardOpensAt, local_datetime(&v.opens_at)),
        VoteState::Open | VoteState::Closed => (Msg::CardClosesAt, local_datetime(&v.closes_at)),
    };
    view! {
        <li>
            <a href=format!("/votes/{}", v.id)>
                <span class="card-title"><span class="record-number">{v.number.to_string()}</span>" "{v.title}</span>
                <span class="card-meta">{v.scope_name}" · "{move || fill(i18n.lang(), when, &[("time", &at)])}</span>
            </a>
        </li>
    }
    .into_any()
}

/// `/votes` (投票/会议 in the bottom bar): the votes addressed to her — those waiting for her vote first,
/// then the others open, those to come and the closed ones — and the meetings of her places in session
/// or to come, with the way to past meetings and their search.
#[component]
pub fn VotesPage() -> impl IntoView {
    let i18n = use_i18n();
    let votes = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListVotes {}));
    let meetings = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListMeetings {}));
    let postable = LocalResource::new(move || api::get(i18n.lang_untracked(), &PostableScopes {}));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::VotesAndMeetings).to_owned()) />
        <AppShell signed_in=true>
            <div class="section-head">
                <h1>{i18n.text(Msg::VotesAndMeetings)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        postable.await.is_ok_and(|s| !s.communities.is_empty()).then(|| view! {
                            <OfficeLink class="button secondary" href="/votes/new">{i18n.text(Msg::NewVoteLink)}</OfficeLink>
                            <OfficeLink class="button secondary" href="/meetings/new">{i18n.text(Msg::NewMeetingLink)}</OfficeLink>
                        })
                    })}
                </Transition>
            </div>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match votes.await {
                        Ok(list) if list.votes.is_empty() => {
                            view! { <p class="empty">{i18n.text(Msg::NoVotesNow)}</p> }.into_any()
                        }
                        Ok(list) => {
                            let (mut waiting, mut open, mut coming, mut closed) = (vec![], vec![], vec![], vec![]);
                            for v in list.votes {
                                let group = match v.state {
                                    _ if v.needs_my_vote => &mut waiting,
                                    VoteState::Open => &mut open,
                                    VoteState::Scheduled => &mut coming,
                                    VoteState::Closed => &mut closed,
                                };
                                group.push(vote_card(i18n, v));
                            }
                            view! {
                                {card_section(i18n, "votes-waiting", Msg::VotesHeading, waiting)}
                                {card_section(i18n, "votes-open", Msg::VotesOpenHeading, open)}
                                {card_section(i18n, "votes-coming", Msg::VotesComingHeading, coming)}
                                {card_section(i18n, "votes-closed", Msg::VotesClosedHeading, closed)}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| votes.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match meetings.await {
                        Ok(list) => {
                            let (mut live, mut coming) = (vec![], vec![]);
                            for m in list.meetings {
                                match m.state {
                                    MeetingState::Open => live.push(meeting_card(m)),
                                    MeetingState::Scheduled => coming.push(meeting_card(m)),
                                    MeetingState::Closed => {}
                                }
                            }
                            let none = live.is_empty() && coming.is_empty();
                            view! {
                                {card_section(i18n, "meetings-live", Msg::LiveMeetingsHeading, live)}
                                {card_section(i18n, "meetings-coming", Msg::MeetingsComingHeading, coming)}
                                {none.then(|| view! {
                                    <section class="home-section" aria-labelledby="meetings-none">
                                        <h2 id="meetings-none">{i18n.text(Msg::MeetingsComingHeading)}</h2>
                                        <p class="hint">{i18n.text(Msg::NoMeetingsNow)}</p>
                                    </section>
                                })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| meetings.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
            <p><a class="block-link" href="/votes/mine">{i18n.text(Msg::MyVotesLink)}</a></p>
            <p><a class="block-link" href="/meetings">{i18n.text(Msg::MeetingHistoryLink)}</a></p>
        </AppShell>
    }
}
