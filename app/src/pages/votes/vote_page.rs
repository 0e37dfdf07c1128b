use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use yishi_core::api::votes::{CastRequest, VoteState, VoteView};
use yishi_core::policy::{self, Action as Permission};
use yishi_core::votes::poll::PollResult;
use yishi_core::votes::tally::{Choice, Method, Outcome};

use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
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
    let participated = vote.participated.to_string();
    let eligible = vote.eligible.map(|e| e.to_string()).unwrap_or_default();
    let open_mine = vote.my_votes.iter().find(|m| !m.voted).cloned();
    let voted = !vote.my_votes.is_empty() && open_mine.is_none();
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
    let state_label = match state {
        VoteState::Scheduled => Msg::VoteScheduled,
        VoteState::Open => Msg::VoteOpen,
        VoteState::Closed => Msg::VoteClosed,
    };
    view! {
        <article class="notice-detail">
            <h1>{vote.settings.title.clone()}</h1>
            <p class="hint">{vote.scope_name.clone()}</p>
            <p><span class="badge">{i18n.text(state_label)}</span></p>
            <p class="hint">{move || fill(i18n.lang(), Msg::VoteCloses, &[("time", &closes)])}</p>
            {vote.eligible.is_some().then(|| {
                let (cast, all) = (participated.clone(), eligible.clone());
                view! { <p>{move || fill(i18n.lang(), Msg::Participation, &[("cast", &cast), ("eligible", &all)])}</p> }
            })}
            {(state == VoteState::Open)
                .then(|| open_mine.clone())
                .flatten()
                .map(|mine| view! { <BallotForm vote=id.clone() method=vote.settings.method.clone() options=vote.settings.options.clone() voter=mine.voter /> })}
            {voted.then(|| view! { <p role="status">{i18n.text(Msg::AlreadyVoted)}</p> })}
            {match vote.result.clone() {
                Some(result) => view! { <ResultView result=result options=vote.settings.options.clone() /> }.into_any(),
                None => view! { <p class="hint">{i18n.text(Msg::ResultLater)}</p> }.into_any(),
            }}
            {(manager && state == VoteState::Open)
                .then(|| {
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| {
                            error.set(None);
                            close.dispatch(());
                        }>{i18n.text(Msg::CloseVote)}</button>
                    }
                })}
            {(manager && state == VoteState::Closed && vote.result.is_some())
                .then(|| {
                    view! {
                        <button type="button" class="button primary" on:click=move |_| {
                            error.set(None);
                            publish.dispatch(());
                        }>{i18n.text(Msg::PublishResult)}</button>
                    }
                })}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </article>
    }
}

/// The ballot: yes / no / abstain, or one option (or abstain).
#[component]
fn BallotForm(
    vote: String,
    method: Method,
    options: Vec<String>,
    voter: yishi_core::votes::electorate::VoterKey,
) -> impl IntoView {
    let i18n = use_i18n();
    let picked = RwSignal::new(String::new());
    let checked = RwSignal::new(Vec::<usize>::new());
    let multiple = matches!(method, Method::Multiple { .. });
    let receipt = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let cast = Action::new_local(move |req: &CastRequest| {
        let (vote, req) = (vote.clone(), req.clone());
        async move {
            match api::cast_ballot(i18n.lang_untracked(), &vote, &req).await {
                Ok(answer) => receipt.set(Some(answer.receipt)),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let choices: Vec<(String, String)> = match method {
        Method::YesNo => vec![
            ("yes".into(), i18n.t(Msg::Yes).into()),
            ("no".into(), i18n.t(Msg::No).into()),
            ("abstain".into(), i18n.t(Msg::Abstain).into()),
        ],
        _ => options
            .iter()
            .enumerate()
            .map(|(i, o)| (i.to_string(), o.clone()))
            .chain(std::iter::once((
                "abstain".into(),
                i18n.t(Msg::Abstain).into(),
            )))
            .collect(),
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let value = picked.get_untracked();
        let choice = match value.as_str() {
            _ if multiple => {
                let mut chosen = checked.get_untracked();
                chosen.sort_unstable();
                if chosen.is_empty() {
                    error.set(Some(ApiError::Invalid(yishi_core::DomainError::Required {
                        field: yishi_core::error::Field::Choice,
                    })));
                    return;
                }
                Choice::Options { options: chosen }
            }
            "yes" => Choice::Yes,
            "no" => Choice::No,
            "abstain" => Choice::Abstain,
            other => match other.parse::<usize>() {
                Ok(i) => Choice::Options { options: vec![i] },
                Err(_) => {
                    error.set(Some(ApiError::Invalid(yishi_core::DomainError::Required {
                        field: yishi_core::error::Field::Choice,
                    })));
                    return;
                }
            },
        };
        cast.dispatch(CastRequest {
            choice,
            voter: Some(voter.clone()),
        });
    };
    view! {
        {move || match receipt.get() {
            Some(r) => view! { <p class="new-code" role="status">{fill(i18n.lang(), Msg::YourReceipt, &[("receipt", &r)])}</p> }.into_any(),
            None => {
                let choices = choices.clone();
                view! {
                    <form class="form compact" on:submit=on_submit.clone()>
                        <fieldset class="field">
                            <legend>{i18n.text(Msg::VoteTitle)}</legend>
                            {choices
                                .into_iter()
                                .filter(|(value, _)| !(multiple && value == "abstain"))
                                .map(|(value, label)| {
                                    let v = value.clone();
                                    if multiple {
                                        let index = value.parse::<usize>().unwrap_or(usize::MAX);
                                        view! {
                                            <label class="check">
                                                <input type="checkbox" name="ballot" value=value on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    checked.update(|c| {
                                                        c.retain(|i| *i != index);
                                                        if on {
                                                            c.push(index);
                                                        }
                                                    });
                                                } />
                                                {label}
                                            </label>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <label class="check">
                                                <input type="radio" name="ballot" value=value on:change=move |_| picked.set(v.clone()) />
                                                {label}
                                            </label>
                                        }
                                            .into_any()
                                    }
                                })
                                .collect::<Vec<_>>()}
                        </fieldset>
                        {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
                        <button type="submit" class="button primary">{i18n.text(Msg::CastButton)}</button>
                    </form>
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn ResultView(result: PollResult, options: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let rows: Vec<(String, u64)> = match &result {
        PollResult::YesNo(r) => vec![
            (i18n.t(Msg::Yes).into(), r.count.yes),
            (i18n.t(Msg::No).into(), r.count.no),
            (i18n.t(Msg::Abstain).into(), r.count.abstain),
        ],
        PollResult::Choices(r) | PollResult::Scores(r) => options
            .iter()
            .cloned()
            .zip(r.totals.iter().copied())
            .collect(),
        _ => Vec::new(),
    };
    let outcome = match &result {
        PollResult::YesNo(r) => Some(match r.outcome {
            Outcome::Adopted => Msg::Adopted,
            Outcome::Rejected => Msg::Rejected,
            Outcome::QuorumNotMet => Msg::QuorumNotMet,
        }),
        _ => None,
    };
    let tie = matches!(&result, PollResult::YesNo(r) if r.tie)
        || matches!(&result, PollResult::Choices(r) if !r.tied.is_empty());
    view! {
        <section aria-labelledby="result-heading">
            <h2 id="result-heading">{i18n.text(Msg::ResultHeading)}</h2>
            {outcome.map(|m| view! { <p class="result-outcome">{i18n.text(m)}</p> })}
            {tie.then(|| view! { <p>{i18n.text(Msg::TieNote)}</p> })}
            <ul class="member-list">
                {rows
                    .into_iter()
                    .map(|(label, n)| {
                        let count = n.to_string();
                        view! { <li class="member-card">{label}" · "{move || fill(i18n.lang(), Msg::Votes, &[("count", &count)])}</li> }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </section>
    }
}
