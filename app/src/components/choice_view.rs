use leptos::prelude::*;
use yishi_core::votes::mine::{ChoiceLines, choice_lines};
use yishi_core::votes::tally::{Choice, Method};

use crate::i18n::{Msg, fill, use_i18n};

/// Her choice read back in the vote's own words: the answer, the options she chose, a ranking as an
/// ordered list, her scores, or a budget's projects with their amounts and the total.
#[component]
pub fn ChoiceView(method: Method, options: Vec<String>, choice: Choice) -> impl IntoView {
    let i18n = use_i18n();
    let answer = |m: Msg| {
        view! {
            <p class="my-choice">{i18n.text(Msg::YouChose)}" "<strong>{i18n.text(m)}</strong></p>
        }
        .into_any()
    };
    let list = |items: Vec<String>| {
        items
            .into_iter()
            .map(|text| view! { <li>{text}</li> })
            .collect::<Vec<_>>()
    };
    match choice_lines(&method, &options, &choice) {
        ChoiceLines::Yes => answer(Msg::Yes),
        ChoiceLines::No => answer(Msg::No),
        ChoiceLines::Abstain => answer(Msg::AbstainedChoice),
        ChoiceLines::Chosen(names) => view! {
            <p>{i18n.text(Msg::YouChose)}</p>
            <ul class="my-choice">{list(names)}</ul>
        }
        .into_any(),
        ChoiceLines::Ranked(names) => view! {
            <p>{i18n.text(Msg::YouRanked)}</p>
            <ol class="my-choice">{list(names)}</ol>
        }
        .into_any(),
        ChoiceLines::Scored { scores, max } => {
            let lang = i18n.lang_untracked();
            let max = max.to_string();
            let lines = scores
                .into_iter()
                .map(|(option, score)| {
                    fill(
                        lang,
                        Msg::ScoreOf,
                        &[
                            ("option", &option),
                            ("score", &score.to_string()),
                            ("max", &max),
                        ],
                    )
                })
                .collect();
            view! {
                <p>{i18n.text(Msg::YouScored)}</p>
                <ul class="my-choice">{list(lines)}</ul>
            }
            .into_any()
        }
        ChoiceLines::Priced {
            items,
            total,
            budget,
        } => {
            let lang = i18n.lang_untracked();
            let lines = items
                .into_iter()
                .map(|(option, cost)| {
                    fill(
                        lang,
                        Msg::PricedItem,
                        &[("option", &option), ("cost", &cost.to_string())],
                    )
                })
                .collect();
            let total = fill(
                lang,
                Msg::PricedTotal,
                &[
                    ("total", &total.to_string()),
                    ("budget", &budget.to_string()),
                ],
            );
            view! {
                <p>{i18n.text(Msg::YouChose)}</p>
                <ul class="my-choice">{list(lines)}</ul>
                <p class="my-choice-total">{total}</p>
            }
            .into_any()
        }
    }
}
