use leptos::prelude::*;
use yishi_core::api::matters::MatterSummary;
use yishi_core::matters::Step;

use super::super::{category_label, stars_text, step_label};
use crate::components::VoteCount;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn MatterCard(matter: MatterSummary) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let supports = (m.step == Step::Proposed && !m.micro_wish).then(|| {
        let (count, threshold) = (m.supports.to_string(), m.threshold.to_string());
        move || {
            fill(
                i18n.lang(),
                Msg::SupportsOf,
                &[("count", &count), ("threshold", &threshold)],
            )
        }
    });
    let average = m.ratings.average_hundredths.map(|avg| {
        let (avg, count) = (stars_text(avg), m.ratings.count.to_string());
        move || {
            fill(
                i18n.lang(),
                Msg::RatingAverage,
                &[("avg", &avg), ("count", &count)],
            )
        }
    });
    view! {
        <li class="member-card matter-card">
            <a class="member-name" href=format!("/matters/{}", m.id)>
                <span><span class="record-number">{m.number.to_string()}</span>" "{m.title.clone()}</span>
            </a>
            <p>
                <span class=format!("badge step-{}", m.step.as_str())>{i18n.text(step_label(m.step))}</span>
                " "
                <span class="badge">{i18n.text(category_label(m.category))}</span>
                {m.micro_wish.then(|| view! { " " <span class="badge wish">{i18n.text(Msg::MicroWish)}</span> })}
                {m.needs_my_vote.then(|| view! { " " <span class="badge urgent">{i18n.text(Msg::NeedsMyVote)}</span> })}
            </p>
            <p class="hint">
                {m.scope_name.clone()}" · "{m.proposer_name.clone()}" · "{local_datetime(&m.proposed_at)}
            </p>
            {supports.map(|s| view! { <p class="hint">{s}</p> })}
            {average.map(|a| view! { <p class="hint">{a}</p> })}
            {m.vote_count.map(|count| view! { <VoteCount count=count /> })}
        </li>
    }
}
