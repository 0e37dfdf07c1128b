use leptos::prelude::*;
use yishi_core::api::meetings::LiveMotion;
use yishi_core::api::votes::VoteState;
use yishi_core::votes::poll::PollResult;
use yishi_core::votes::tally::Outcome;

use crate::i18n::{Msg, fill, use_i18n};

/// Result bars of a motion: one per answer or option, with its count and the total of the counts.
pub(crate) fn result_bars(motion: &LiveMotion, lang: yishi_core::Lang) -> Vec<(String, u64, u64)> {
    use crate::i18n::t;
    match &motion.result {
        Some(PollResult::YesNo(r)) => {
            let total = (r.count.yes + r.count.no + r.count.abstain).max(1);
            vec![
                (t(lang, Msg::Yes).to_owned(), r.count.yes, total),
                (t(lang, Msg::No).to_owned(), r.count.no, total),
                (t(lang, Msg::Abstain).to_owned(), r.count.abstain, total),
            ]
        }
        Some(PollResult::Choices(r) | PollResult::Scores(r)) => {
            let total = r.totals.iter().sum::<u64>().max(1);
            motion
                .options
                .iter()
                .cloned()
                .zip(r.totals.iter().copied())
                .map(|(o, n)| (o, n, total))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The verdict of a closed yes/no motion.
pub(crate) fn outcome_label(motion: &LiveMotion) -> Option<Msg> {
    match &motion.result {
        Some(PollResult::YesNo(r)) if motion.state == VoteState::Closed => Some(match r.outcome {
            Outcome::Adopted => Msg::Adopted,
            Outcome::Rejected => Msg::Rejected,
            Outcome::QuorumNotMet => Msg::QuorumNotMet,
        }),
        _ => None,
    }
}

/// A motion's outcome and result bars, or that the result comes at close. (The wall screen draws its own,
/// which move as the count does.)
#[component]
pub fn Tally(motion: LiveMotion) -> impl IntoView {
    let i18n = use_i18n();
    let bars = result_bars(&motion, i18n.lang());
    let outcome = outcome_label(&motion);
    view! {
        {outcome.map(|m| view! { <p class="result-outcome">{i18n.text(m)}</p> })}
        {if bars.is_empty() {
            view! { <p class="hint">{i18n.text(Msg::MotionResultLater)}</p> }.into_any()
        } else {
            view! {
                <ul class="bars">
                    {bars
                        .into_iter()
                        .map(|(label, n, total)| {
                            let votes = fill(i18n.lang(), Msg::Votes, &[("count", &n.to_string())]);
                            view! {
                                <li>
                                    <span class="bar-label">{label.clone()}</span>
                                    <progress max=total.to_string() value=n.to_string() aria-label=format!("{label} {votes}")></progress>
                                    <span class="bar-count">{votes.clone()}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ul>
            }
                .into_any()
        }}
    }
}
