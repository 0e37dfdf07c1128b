use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::api::routes::{CastBallot, PaperBallot};
use yishi_core::api::votes::{CastRequest, PaperBallotRequest};
use yishi_core::error::Field;
use yishi_core::ids::VoteId;
use yishi_core::votes::electorate::VoterKey;
use yishi_core::votes::poll::Channel;
use yishi_core::votes::tally::{Choice, Method};

use crate::api::{self, ApiError};
use crate::i18n::{Msg, fill, use_i18n};

/// What a ballot form needs to know of its vote.
#[derive(Clone)]
pub struct Ballot {
    pub vote: VoteId,
    pub method: Method,
    pub options: Vec<String>,
}

/// Who casts a ballot: the voter on her phone, or staff entering a paper ballot or a show of hands.
#[derive(Clone, Debug, PartialEq)]
pub enum Caster {
    Online(VoterKey),
    #[cfg_attr(
        not(feature = "office"),
        allow(dead_code, reason = "entered in the office app")
    )]
    Paper {
        voter: VoterKey,
        channel: Channel,
    },
}

/// The ballot of every method: yes / no / abstain; one option; several; a ranking tapped in order;
/// a score per option; projects within a budget. Checked by the engine's own rules before it is sent;
/// `done` receives the receipt.
#[component]
pub fn BallotForm(
    ballot: Ballot,
    legend: Msg,
    caster: Caster,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Ballot {
        vote,
        method,
        options,
    } = ballot;
    let picked = RwSignal::new(String::new());
    let checked = RwSignal::new(Vec::<usize>::new());
    let ranking = RwSignal::new(Vec::<usize>::new());
    let scores = RwSignal::new(vec![0_u8; options.len()]);
    let error = RwSignal::new(None::<ApiError>);
    let send = Action::new_local({
        let vote = vote.clone();
        move |choice: &Choice| {
            let (vote, choice, caster) = (vote.clone(), choice.clone(), caster.clone());
            async move {
                let lang = i18n.lang_untracked();
                let answer = match caster {
                    Caster::Online(voter) => {
                        api::send(
                            lang,
                            &CastBallot { id: vote },
                            &CastRequest {
                                choice,
                                voter: Some(voter),
                            },
                        )
                        .await
                    }
                    Caster::Paper { voter, channel } => {
                        api::send(
                            lang,
                            &PaperBallot { id: vote },
                            &PaperBallotRequest {
                                voter,
                                choice,
                                channel,
                            },
                        )
                        .await
                    }
                };
                match answer {
                    Ok(a) => done.set(Some(a.receipt)),
                    Err(e) => error.set(Some(e)),
                }
            }
        }
    });
    let pending = send.pending();
    let count = options.len();
    let dispatch = {
        let method = method.clone();
        move |choice: Choice| {
            error.set(None);
            match method.check_choice(count, choice) {
                Ok(choice) => {
                    send.dispatch(choice);
                }
                Err(e) => error.set(Some(ApiError::Invalid(e))),
            }
        }
    };
    let required = || {
        ApiError::Invalid(DomainError::Required {
            field: Field::Choice,
        })
    };
    let on_submit = {
        let (method, dispatch) = (method.clone(), dispatch.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let choice = match &method {
                Method::YesNo | Method::Single { .. } => match picked.get_untracked().as_str() {
                    "yes" => Some(Choice::Yes),
                    "no" => Some(Choice::No),
                    "abstain" => Some(Choice::Abstain),
                    other => other
                        .parse::<usize>()
                        .ok()
                        .map(|i| Choice::Options { options: vec![i] }),
                },
                Method::Multiple { .. }
                | Method::ApprovalBudget { .. }
                | Method::Knapsack { .. }
                | Method::EqualShares { .. } => {
                    let mut chosen = checked.get_untracked();
                    chosen.sort_unstable();
                    (!chosen.is_empty()).then_some(Choice::Options { options: chosen })
                }
                Method::Ranked { .. } => {
                    let order = ranking.get_untracked();
                    (!order.is_empty()).then_some(Choice::Ranking { ranking: order })
                }
                Method::Score { .. } => Some(Choice::Scores {
                    scores: scores.get_untracked(),
                }),
            };
            match choice {
                Some(c) => dispatch(c),
                None => error.set(Some(required())),
            }
        }
    };
    let fields = match &method {
        Method::YesNo => radios(
            vec![
                ("yes".into(), i18n.t(Msg::Yes).into()),
                ("no".into(), i18n.t(Msg::No).into()),
                ("abstain".into(), i18n.t(Msg::Abstain).into()),
            ],
            picked,
        ),
        Method::Single { .. } => radios(
            options
                .iter()
                .enumerate()
                .map(|(i, o)| (i.to_string(), o.clone()))
                .collect(),
            picked,
        ),
        Method::Multiple { .. } => checkboxes(
            options.iter().cloned().map(|o| (o, None)).collect(),
            checked,
            None,
        ),
        Method::ApprovalBudget { budget, costs }
        | Method::Knapsack { budget, costs }
        | Method::EqualShares { budget, costs } => checkboxes(
            options
                .iter()
                .cloned()
                .zip(costs.iter().copied().map(Some))
                .collect(),
            checked,
            Some((*budget, costs.clone())),
        ),
        Method::Ranked { .. } => rank_buttons(options.clone(), ranking),
        Method::Score { max } => score_selects(options.clone(), *max, scores),
    };
    let abstain_button = !matches!(method, Method::YesNo);
    view! {
        <form class="form compact ballot" on:submit=on_submit>
            <fieldset class="field">
                <legend>{i18n.text(legend)}</legend>
                {fields}
            </fieldset>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                {move || i18n.t(if pending.get() { Msg::Working } else { Msg::CastButton })}
            </button>
            {abstain_button
                .then(|| {
                    let dispatch = dispatch.clone();
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| dispatch(Choice::Abstain)>
                            {i18n.text(Msg::AbstainButton)}
                        </button>
                    }
                })}
        </form>
    }
}

fn radios(choices: Vec<(String, String)>, picked: RwSignal<String>) -> AnyView {
    choices
        .into_iter()
        .map(|(value, label)| {
            let v = value.clone();
            view! {
                <label class="check">
                    <input type="radio" name="ballot" value=value on:change=move |_| picked.set(v.clone()) />
                    {label}
                </label>
            }
        })
        .collect::<Vec<_>>()
        .into_any()
}

/// Checkboxes; with a budget, each shows its cost and a running total is announced.
fn checkboxes(
    choices: Vec<(String, Option<u64>)>,
    checked: RwSignal<Vec<usize>>,
    budget: Option<(u64, Vec<u64>)>,
) -> AnyView {
    let i18n = use_i18n();
    let boxes = choices
        .into_iter()
        .enumerate()
        .map(|(index, (label, cost))| {
            view! {
                <label class="check">
                    <input type="checkbox" name="ballot" value=index.to_string() on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        checked.update(|c| {
                            c.retain(|i| *i != index);
                            if on {
                                c.push(index);
                            }
                        });
                    } />
                    {label}
                    {cost.map(|c| {
                        let c = c.to_string();
                        view! { <span class="hint">" · "{move || fill(i18n.lang(), Msg::CostOf, &[("cost", &c)])}</span> }
                    })}
                </label>
            }
        })
        .collect::<Vec<_>>();
    let total = budget.map(|(budget, costs)| {
        let spent = move || {
            checked.with(|c| c.iter().filter_map(|i| costs.get(*i)).sum::<u64>())
        };
        let over = {
            let spent = spent.clone();
            move || spent() > budget
        };
        view! {
            <p class="budget-total" class:warn=over aria-live="polite">
                {move || fill(i18n.lang(), Msg::BudgetSpent, &[("spent", &spent().to_string()), ("budget", &budget.to_string())])}
            </p>
        }
    });
    view! { {boxes} {total} }.into_any()
}

/// A ranking tapped in order: each tap gives the option the next place; "start again" clears it.
fn rank_buttons(options: Vec<String>, ranking: RwSignal<Vec<usize>>) -> AnyView {
    let i18n = use_i18n();
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            let place = move || ranking.with(|r| r.iter().position(|o| *o == index));
            view! {
                <button type="button" class="rank-option" aria-pressed=move || if place().is_some() { "true" } else { "false" } on:click=move |_| {
                    ranking.update(|r| {
                        if !r.contains(&index) {
                            r.push(index);
                        }
                    });
                }>
                    <span class="rank-place">
                        {move || place().map(|p| fill(i18n.lang(), Msg::RankPosition, &[("n", &(p + 1).to_string())])).unwrap_or_default()}
                    </span>
                    " "
                    {label}
                </button>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <p class="hint">{i18n.text(Msg::RankHint)}</p>
        <div class="rank-list">{buttons}</div>
        <button type="button" class="button secondary small" on:click=move |_| ranking.set(Vec::new())>
            {i18n.text(Msg::RankReset)}
        </button>
    }
    .into_any()
}

/// One select per option, 0 to `max`.
fn score_selects(options: Vec<String>, max: u8, scores: RwSignal<Vec<u8>>) -> AnyView {
    let i18n = use_i18n();
    options
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            let id = format!("score-{index}");
            let label_text = label.clone();
            view! {
                <div class="field score">
                    <label for=id.clone()>{move || fill(i18n.lang(), Msg::ScoreFor, &[("option", &label_text)])}</label>
                    <select id=id on:change=move |ev| {
                        let value: u8 = event_target_value(&ev).parse().unwrap_or(0);
                        scores.update(|s| {
                            if let Some(slot) = s.get_mut(index) {
                                *slot = value;
                            }
                        });
                    }>
                        {(0..=max)
                            .map(|n| {
                                let count = n.to_string();
                                view! { <option value=n.to_string()>{move || fill(i18n.lang(), Msg::Points, &[("count", &count)])}</option> }
                            })
                            .collect::<Vec<_>>()}
                    </select>
                </div>
            }
        })
        .collect::<Vec<_>>()
        .into_any()
}
