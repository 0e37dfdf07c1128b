use leptos::prelude::*;
use yishi_core::votes::poll::{PollResult, PollSettings};
use yishi_core::votes::tally::{Outcome, RunoffResult, SchulzeResult};

use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn ResultView(result: PollResult, settings: PollSettings) -> impl IntoView {
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
    // A tie is never silent: yes and no level are said in those words.
    let tie = match &result {
        PollResult::YesNo(r) => r.tie.then_some(Msg::YesNoTie),
        PollResult::Choices(r) | PollResult::Scores(r) => {
            (!r.tied.is_empty()).then_some(Msg::TieNote)
        }
        PollResult::InstantRunoff(r) => (!r.tie_rounds.is_empty()).then_some(Msg::TieNote),
        PollResult::Budget(a) => (!a.ties.is_empty()).then_some(Msg::TieNote),
        PollResult::Schulze(r) => r.winner.is_none().then_some(Msg::TieNote),
    };
    let rounds = match &result {
        PollResult::InstantRunoff(r) => Some(r.rounds.clone()),
        _ => None,
    };
    view! {
        <section aria-labelledby="result-heading">
            <h2 id="result-heading">{i18n.text(Msg::ResultHeading)}</h2>
            {outcome.map(|text| view! { <p class="result-outcome">{text}</p> })}
            {tie.map(|note| view! { <p class="result-tie">{i18n.text(note)}</p> })}
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
