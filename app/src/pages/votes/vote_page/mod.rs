use leptos::prelude::*;
#[cfg(feature = "office")]
use leptos_router::hooks::use_navigate;
use leptos_router::hooks::use_params_map;
#[cfg(feature = "office")]
use yishi_core::api::votes::VoterEntry;
use yishi_core::api::votes::{MyVote, ProxyRequest, VoteState, VoteView};
use yishi_core::policy::{self, Action as Permission};
use yishi_core::votes::electorate::VoterKey;
#[cfg(feature = "office")]
use yishi_core::votes::poll::Channel;
use yishi_core::votes::poll::{PollResult, PollSettings};
use yishi_core::votes::tally::{Outcome, RunoffResult, SchulzeResult};

use crate::api::{self, ApiError};
use crate::components::{AppShell, Ballot, BallotForm, Caster, DocumentTitle, ErrorView, Loading};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};
use crate::session::{actor_of, member_resource};

/// `/votes/:id`: the vote, the member's ballot while it is open, and the result when it is shown.
#[component]
pub fn VotePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let vote = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move { api::vote(i18n.lang_untracked(), &id).await }
    });
    let me = member_resource();
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::VoteTitle).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/">{i18n.text(Msg::BackToList)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    let manager = me
                        .await
                        .map(|m| !policy::scopes_for(&actor_of(&m), Permission::ManageVotes).is_empty())
                        .unwrap_or(false);
                    match vote.await {
                        Ok(answer) => view! { <VoteDetail vote=answer.vote manager=manager reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| vote.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

#[component]
fn VoteDetail(vote: VoteView, manager: bool, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = vote.id.to_string();
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

/// Running the vote: close it early, publish its result, and the register with paper ballots (office app).
#[cfg(feature = "office")]
#[component]
fn ManageVote(
    id: String,
    state: VoteState,
    has_result: bool,
    ballot: Ballot,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let navigate = use_navigate();
    let publish = {
        let id = id.clone();
        Action::new_local(move |(): &()| {
            let (id, navigate) = (id.clone(), navigate.clone());
            async move {
                match api::publish_vote_result(i18n.lang_untracked(), &id).await {
                    Ok(answer) => navigate(
                        &format!("/notices/{}", answer.notice.id),
                        Default::default(),
                    ),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let close = {
        let id = id.clone();
        Action::new_local(move |(): &()| {
            let id = id.clone();
            async move {
                match api::close_vote(i18n.lang_untracked(), &id).await {
                    Ok(_) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    view! {
            {(state == VoteState::Open)
                .then(|| {
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| {
                            error.set(None);
                            close.dispatch(());
                        }>{i18n.text(Msg::CloseVote)}</button>
                    }
                })}
            {(state == VoteState::Closed && has_result)
                .then(|| {
                    view! {
                        <button type="button" class="button primary" on:click=move |_| {
                            error.set(None);
                            publish.dispatch(());
                        }>{i18n.text(Msg::PublishResult)}</button>
                    }
                })}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            {(state != VoteState::Scheduled)
                .then(|| view! { <Register ballot=ballot.clone() open=state == VoteState::Open /> })}
    }
}

/// One of her votes, labelled (her own, her household's, one delegated to her), then the next one.
#[component]
fn MyBallot(ballot: Ballot, mine: MyVote, left: usize, reload: Callback<()>) -> impl IntoView {
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

/// Before the vote opens: delegate her vote to a neighbour by the neighbour's phone number.
#[component]
fn ProxyForm(vote: String, from: VoterKey, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let phone = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let given = RwSignal::new(None::<String>);
    let give = Action::new_local(move |phone: &String| {
        let (vote, req) = (
            vote.clone(),
            ProxyRequest {
                from: from.clone(),
                to: None,
                to_phone: Some(phone.clone()),
            },
        );
        async move {
            match api::give_proxy(i18n.lang_untracked(), &vote, &req).await {
                Ok(answer) => given.set(Some(answer.to_name)),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section aria-labelledby="proxy-heading">
            <h2 id="proxy-heading">{i18n.text(Msg::ProxyHeading)}</h2>
            {move || match given.get() {
                Some(name) => {
                    view! {
                        <p role="status">{fill(i18n.lang(), Msg::ProxyGiven, &[("name", &name)])}</p>
                        <button type="button" class="button secondary small" on:click=move |_| reload.run(())>{i18n.text(Msg::Done)}</button>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="hint">{i18n.text(Msg::ProxyHint)}</p>
                        <form class="inline-form" on:submit=move |ev| {
                            ev.prevent_default();
                            error.set(None);
                            match yishi_core::auth::normalize_phone(&phone.get_untracked()) {
                                Ok(p) => {
                                    give.dispatch(p);
                                }
                                Err(e) => error.set(Some(ApiError::Invalid(e))),
                            }
                        }>
                            <label for="proxy-phone">{i18n.text(Msg::ProxyPhone)}</label>
                            <input id="proxy-phone" type="tel" inputmode="numeric" autocomplete="off" bind:value=phone />
                            <button type="submit" class="button secondary">{i18n.text(Msg::ProxyButton)}</button>
                        </form>
                    }
                        .into_any()
                }
            }}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </section>
    }
}

#[cfg(feature = "office")]
/// For those who run the vote: the register (who voted, never what) and, while open, the entry of paper
/// ballots and shows of hands for voters who have not voted.
#[component]
fn Register(ballot: Ballot, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let vote_id = ballot.vote.clone();
    let voters = LocalResource::new(move || {
        version.track();
        let id = vote_id.clone();
        async move { api::vote_voters(i18n.lang_untracked(), &id).await }
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
#[cfg(feature = "office")]
#[component]
fn PaperEntry(
    ballot: Ballot,
    waiting: Vec<VoterEntry>,
    picked: RwSignal<String>,
    channel: RwSignal<String>,
    receipt: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let keys: Vec<(String, VoterKey, String)> = waiting
        .into_iter()
        .map(|v| {
            let label = if v.home.is_empty() {
                v.name.clone()
            } else {
                format!("{} · {}", v.name, v.home)
            };
            (v.voter.storage_key(), v.voter, label)
        })
        .collect();
    let chosen = {
        let keys = keys.clone();
        move || {
            let value = picked.get();
            keys.iter()
                .find(|(k, _, _)| *k == value)
                .map(|(_, voter, _)| voter.clone())
        }
    };
    view! {
        <section aria-labelledby="paper-heading">
            <h3 id="paper-heading">{i18n.text(Msg::PaperHeading)}</h3>
            {move || receipt.get().map(|r| view! { <p class="new-code" role="status">{fill(i18n.lang(), Msg::PaperDone, &[("receipt", &r)])}</p> })}
            <div class="field">
                <label for="paper-voter">{i18n.text(Msg::PaperVoter)}</label>
                <select id="paper-voter" bind:value=picked>
                    <option value="">{i18n.text(Msg::ChooseResident)}</option>
                    {keys
                        .iter()
                        .map(|(key, _, label)| view! { <option value=key.clone()>{label.clone()}</option> })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="paper-channel">{i18n.text(Msg::PaperChannel)}</label>
                <select id="paper-channel" bind:value=channel>
                    <option value="paper">{i18n.text(Msg::ChannelPaper)}</option>
                    <option value="show_of_hands">{i18n.text(Msg::ChannelHands)}</option>
                </select>
            </div>
            {move || {
                let ballot = ballot.clone();
                chosen()
                    .map(|voter| {
                        let channel = if channel.get() == "show_of_hands" {
                            Channel::ShowOfHands
                        } else {
                            Channel::Paper
                        };
                        view! { <BallotForm ballot=ballot legend=Msg::PaperHeading caster=Caster::Paper { voter, channel } done=receipt /> }
                    })
            }}
        </section>
    }
}

/// Links to the result and the ballot list as files.
#[component]
fn Downloads(vote: String) -> impl IntoView {
    let i18n = use_i18n();
    let links = [
        ("result", "csv", Msg::DownloadResultCsv),
        ("ballots", "csv", Msg::DownloadBallotsCsv),
        ("ballots", "json", Msg::DownloadBallotsJson),
    ];
    view! {
        <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{i18n.text(Msg::DownloadsHeading)}</h2>
            <ul class="links">
                {links
                    .into_iter()
                    .map(|(what, format, label)| {
                        view! { <li><a href=api::vote_download_url(&vote, what, format) download="">{i18n.text(label)}</a></li> }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </section>
    }
}

#[component]
fn ResultView(result: PollResult, settings: PollSettings) -> impl IntoView {
    let i18n = use_i18n();
    let options = settings.options.clone();
    let name = {
        let options = options.clone();
        move |i: usize| options.get(i).cloned().unwrap_or_default()
    };
    let rows: Vec<(String, String)> = match &result {
        PollResult::YesNo(r) => [
            (Msg::Yes, r.count.yes),
            (Msg::No, r.count.no),
            (Msg::Abstain, r.count.abstain),
        ]
        .into_iter()
        .map(|(m, n)| {
            (
                i18n.t(m).to_owned(),
                fill(
                    i18n.lang_untracked(),
                    Msg::Votes,
                    &[("count", &n.to_string())],
                ),
            )
        })
        .collect(),
        PollResult::Choices(r) => options
            .iter()
            .cloned()
            .zip(r.totals.iter().map(|n| {
                fill(
                    i18n.lang_untracked(),
                    Msg::Votes,
                    &[("count", &n.to_string())],
                )
            }))
            .collect(),
        PollResult::Scores(r) => options
            .iter()
            .cloned()
            .zip(r.totals.iter().map(|n| {
                fill(
                    i18n.lang_untracked(),
                    Msg::Points,
                    &[("count", &n.to_string())],
                )
            }))
            .collect(),
        PollResult::Budget(a) => options
            .iter()
            .cloned()
            .zip(a.totals.iter().map(|n| {
                fill(
                    i18n.lang_untracked(),
                    Msg::Votes,
                    &[("count", &n.to_string())],
                )
            }))
            .collect(),
        PollResult::Schulze(r) => r
            .order
            .iter()
            .enumerate()
            .map(|(place, o)| {
                (
                    name(*o),
                    fill(
                        i18n.lang_untracked(),
                        Msg::RankPosition,
                        &[("n", &(place + 1).to_string())],
                    ),
                )
            })
            .collect(),
        PollResult::InstantRunoff(_) => Vec::new(),
    };
    let outcome: Option<String> = match &result {
        PollResult::YesNo(r) => Some(
            i18n.t(match r.outcome {
                Outcome::Adopted => Msg::Adopted,
                Outcome::Rejected => Msg::Rejected,
                Outcome::QuorumNotMet => Msg::QuorumNotMet,
            })
            .to_owned(),
        ),
        PollResult::Choices(r) | PollResult::Scores(r) => Some(if r.winners.is_empty() {
            i18n.t(Msg::NoWinner).to_owned()
        } else {
            let names: Vec<String> = r.winners.iter().map(|w| name(*w)).collect();
            fill(
                i18n.lang_untracked(),
                Msg::Winner,
                &[("option", &names.join("、"))],
            )
        }),
        PollResult::InstantRunoff(RunoffResult { winner, .. })
        | PollResult::Schulze(SchulzeResult { winner, .. }) => Some(match winner {
            Some(w) => fill(i18n.lang_untracked(), Msg::Winner, &[("option", &name(*w))]),
            None => i18n.t(Msg::NoWinner).to_owned(),
        }),
        PollResult::Budget(a) => {
            let names: Vec<String> = a.funded.iter().map(|f| name(*f)).collect();
            Some(fill(
                i18n.lang_untracked(),
                Msg::Funded,
                &[("spent", &a.spent.to_string()), ("list", &names.join("、"))],
            ))
        }
    };
    let tie = match &result {
        PollResult::YesNo(r) => r.tie,
        PollResult::Choices(r) | PollResult::Scores(r) => !r.tied.is_empty(),
        PollResult::InstantRunoff(r) => !r.tie_rounds.is_empty(),
        PollResult::Budget(a) => !a.ties.is_empty(),
        PollResult::Schulze(r) => r.winner.is_none(),
    };
    let rounds = match &result {
        PollResult::InstantRunoff(r) => Some(r.rounds.clone()),
        _ => None,
    };
    view! {
        <section aria-labelledby="result-heading">
            <h2 id="result-heading">{i18n.text(Msg::ResultHeading)}</h2>
            {outcome.map(|text| view! { <p class="result-outcome">{text}</p> })}
            {tie.then(|| view! { <p>{i18n.text(Msg::TieNote)}</p> })}
            {(!rows.is_empty())
                .then(|| {
                    view! {
                        <ul class="member-list">
                            {rows
                                .into_iter()
                                .map(|(label, figure)| view! { <li class="member-card">{label}" · "{figure}</li> })
                                .collect::<Vec<_>>()}
                        </ul>
                    }
                })}
            {rounds
                .map(|rounds| {
                    view! {
                        <table class="rounds">
                            <caption>{i18n.text(Msg::RoundsHeading)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col"></th>
                                    {(1..=rounds.len())
                                        .map(|n| view! { <th scope="col">{fill(i18n.lang_untracked(), Msg::RoundN, &[("n", &n.to_string())])}</th> })
                                        .collect::<Vec<_>>()}
                                </tr>
                            </thead>
                            <tbody>
                                {options
                                    .iter()
                                    .enumerate()
                                    .map(|(i, option)| {
                                        view! {
                                            <tr>
                                                <th scope="row">{option.clone()}</th>
                                                {rounds
                                                    .iter()
                                                    .map(|round| view! { <td>{round.get(i).copied().unwrap_or(0).to_string()}</td> })
                                                    .collect::<Vec<_>>()}
                                            </tr>
                                        }
                                    })
                                    .collect::<Vec<_>>()}
                            </tbody>
                        </table>
                    }
                })}
        </section>
    }
}
