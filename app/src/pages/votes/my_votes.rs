use leptos::prelude::*;
use yishi_core::api::routes::MyBallots;
use yishi_core::api::votes::{MyVoteRecord, VoteState};
use yishi_core::votes::poll::Secrecy;

use super::my_part::{MyPart, VoteShape};
use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, VoteCount, WaitingVotes};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};
use crate::session::member_resource;

/// `/votes`: the votes waiting for her (the home screen's list), then her history: every vote she took
/// part in, with what she chose (named votes) or that her ballot is counted (secret ones), her receipts
/// and how to check them.
#[component]
pub fn MyVotesPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = member_resource();
    let history = LocalResource::new(move || api::get(i18n.lang_untracked(), &MyBallots {}));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::VotesPageHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/votes">{i18n.text(Msg::BackToVotes)}</a>
            </p>
            <h1>{i18n.text(Msg::VotesPageHeading)}</h1>
            <WaitingVotes say_none=true />
            <section aria-labelledby="my-votes-heading">
                <h2 id="my-votes-heading">{i18n.text(Msg::MyVotesHeading)}</h2>
                <p class="hint">{i18n.text(Msg::MyVotesIntro)}</p>
                <Transition fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        // Her member id is known before the receipts kept on this phone are read.
                        let _ = me.await;
                        match history.await {
                            Ok(list) if list.votes.is_empty() => view! { <p class="empty">{i18n.text(Msg::MyVotesEmpty)}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="member-list my-votes">
                                    {list.votes.into_iter().map(|r| view! { <Record record=r /> }).collect::<Vec<_>>()}
                                </ul>
                            }
                            .into_any(),
                            Err(e) => view! { <ErrorView error=e on_retry=move |()| history.refetch() /> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </AppShell>
    }
}

#[component]
fn Record(record: MyVoteRecord) -> impl IntoView {
    let i18n = use_i18n();
    let v = record.vote;
    let state = match v.state {
        VoteState::Scheduled => Msg::VoteScheduled,
        VoteState::Open => Msg::VoteOpen,
        VoteState::Closed => Msg::VoteClosed,
    };
    let secrecy = match record.secrecy {
        Secrecy::Secret => Msg::SecretVoteBadge,
        Secrecy::Named => Msg::NamedVoteBadge,
    };
    let closes = local_datetime(&v.closes_at);
    let shape = VoteShape {
        vote: v.id.clone(),
        secrecy: record.secrecy,
        method: record.method,
        options: record.options,
    };
    let heading = format!("my-vote-{}", v.id);
    let labelled_by = heading.clone();
    view! {
        <li class="member-card">
            <article aria-labelledby=labelled_by>
                <h3 id=heading>
                    <a class="member-name" href=format!("/votes/{}", v.id)>
                        <span><span class="record-number">{v.number.to_string()}</span>" "{v.title.clone()}</span>
                    </a>
                </h3>
                <p>
                    <span class="badge">{i18n.text(state)}</span>
                    " "
                    <span class="badge">{i18n.text(secrecy)}</span>
                </p>
                <p class="hint">{v.scope_name.clone()}" · "{move || fill(i18n.lang(), Msg::VoteCloses, &[("time", &closes)])}</p>
                {v.count.map(|count| view! { <VoteCount count=count /> })}
                <MyPart shape=shape mine=record.mine check=false />
                {(!record.delegated.is_empty()).then(|| {
                    // How her neighbour cast it is his ballot: she is told only whether it is cast.
                    let cast = record.delegated.iter().all(|d| record.delegated_cast.contains(d));
                    view! {
                        <p>{i18n.text(Msg::DelegatedAwayLine)}</p>
                        <p class="hint">{i18n.text(if cast { Msg::DelegatedCast } else { Msg::DelegatedNotYet })}</p>
                    }
                })}
            </article>
        </li>
    }
}
