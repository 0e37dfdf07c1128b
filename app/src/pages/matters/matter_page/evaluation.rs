use leptos::prelude::*;
use yishi_core::api::matters::{MatterView, RatingRequest};
use yishi_core::api::routes::RateMatter;
use yishi_core::ids::MatterId;
use yishi_core::matters::Step;

use super::super::stars_text;
use crate::changes::Change;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// 民评: the average and the distribution of stars, the reader's rating, and the comments.
#[component]
pub(super) fn Evaluation(matter: MatterView, id: MatterId, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    if m.step != Step::Evaluating && m.ratings.count == 0 {
        return None;
    }
    let change = Change::new(reload);
    let rate = RateMatter { id };
    let stars = RwSignal::new(0_u8);
    let comment = RwSignal::new(String::new());
    let r = m.ratings;
    let average = r.average_hundredths.map(|avg| {
        let (avg, count) = (stars_text(avg), r.count.to_string());
        move || {
            fill(
                i18n.lang(),
                Msg::RatingAverage,
                &[("avg", &avg), ("count", &count)],
            )
        }
    });
    let max = r.stars.iter().copied().max().unwrap_or(0).max(1);
    let bars = (1..=5_u8)
        .rev()
        .map(|n| {
            let count = r.stars.get(usize::from(n - 1)).copied().unwrap_or(0);
            let label = n.to_string();
            view! {
                <li>
                    <span class="bar-label">{move || fill(i18n.lang(), Msg::StarsN, &[("n", &label)])}</span>
                    <progress max=max value=count></progress>
                    <span class="bar-count">{count}</span>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let until = m.evaluation_ends_at.map(|t| {
        let t = local_datetime(&t);
        move || fill(i18n.lang(), Msg::EvaluationUntil, &[("time", &t)])
    });
    let mine = m.my_rating.clone().map(|mr| {
        let n = mr.stars.to_string();
        move || fill(i18n.lang(), Msg::MyRating, &[("n", &n)])
    });
    let comments = m
        .rating_comments
        .iter()
        .map(|c| {
            view! {
                <li>
                    <p>{"★".repeat(usize::from(c.stars))}" "{c.comment.clone()}</p>
                    <p class="hint">{c.author_name.clone()}" · "{local_datetime(&c.at)}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    Some(view! {
        <section aria-labelledby="rate-heading">
            <h2 id="rate-heading">{i18n.text(Msg::EvaluateHeading)}</h2>
            {until.map(|u| view! { <p class="hint">{u}</p> })}
            {match average {
                Some(a) => view! { <p class="outcome"><strong>{a}</strong></p> }.into_any(),
                None => view! { <p class="empty">{i18n.text(Msg::NoRatings)}</p> }.into_any(),
            }}
            <ul class="bars">{bars}</ul>
            {mine.map(|t| view! { <p>{t}</p> })}
            {m.may.rate.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.send(&rate, &RatingRequest { stars: stars.get_untracked(), comment: comment.get_untracked() });
                }>
                    <fieldset class="field stars">
                        <legend>{i18n.text(Msg::StarsLabel)}</legend>
                        {(1..=5_u8)
                            .map(|n| {
                                let label = n.to_string();
                                view! {
                                    <label class="star-choice">
                                        <input type="radio" name="stars" value=n on:change=move |_| stars.set(n) />
                                        {move || fill(i18n.lang(), Msg::StarsN, &[("n", &label)])}
                                    </label>
                                }
                            })
                            .collect::<Vec<_>>()}
                    </fieldset>
                    <div class="field">
                        <label for="rating-comment">{i18n.text(Msg::RatingComment)}</label>
                        <textarea id="rating-comment" rows="2" bind:value=comment></textarea>
                    </div>
                    <button type="submit" class="button primary">{i18n.text(Msg::RateButton)}</button>
                </form>
            })}
            <ul class="comment-list">{comments}</ul>
            {change.view()}
        </section>
    })
}
