use leptos::prelude::*;
use yishi_core::api::requests::{ConfirmRequest, RequestView};
use yishi_core::api::routes::ConfirmRequestOutcome;
use yishi_core::requests::Outcome;

use super::super::outcome_label;
use crate::changes::Change;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// The resident's judgement of the work.
#[component]
pub(super) fn ConfirmForm(r: RequestView, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Outcome>);
    let stars = RwSignal::new(0_u8);
    let comment = RwSignal::new(String::new());
    let until = r.confirmation_ends.map(|t| {
        let t = local_datetime(&t);
        move || fill(i18n.lang(), Msg::ConfirmUntil, &[("time", &t)])
    });
    let missing = RwSignal::new(false);
    let confirm = ConfirmRequestOutcome { id: r.id };
    view! {
        <section class="confirm" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{i18n.text(Msg::ConfirmHeading)}</h2>
            {until.map(|u| view! { <p class="hint">{u}</p> })}
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                let (Some(o), s) = (outcome.get_untracked(), stars.get_untracked()) else {
                    missing.set(true);
                    return;
                };
                if s == 0 {
                    missing.set(true);
                    return;
                }
                missing.set(false);
                change.send(&confirm, &ConfirmRequest { outcome: o, stars: s, comment: comment.get_untracked() });
            }>
                <fieldset class="field">
                    <legend>{i18n.text(Msg::WasItFixed)}</legend>
                    {[Outcome::Fixed, Outcome::Partly, Outcome::NotFixed].into_iter().map(|o| view! {
                        <label class="choice">
                            <input type="radio" name="outcome" on:change=move |_| outcome.set(Some(o)) />
                            {i18n.text(outcome_label(o))}
                        </label>
                    }).collect::<Vec<_>>()}
                </fieldset>
                <fieldset class="field stars">
                    <legend>{i18n.text(Msg::StarsLabel)}</legend>
                    {(1..=5_u8).map(|n| {
                        let label = n.to_string();
                        view! {
                            <label class="star-choice">
                                <input type="radio" name="stars" value=n on:change=move |_| stars.set(n) />
                                {move || fill(i18n.lang(), Msg::StarsN, &[("n", &label)])}
                            </label>
                        }
                    }).collect::<Vec<_>>()}
                </fieldset>
                <div class="field">
                    <label for="confirm-comment">{i18n.text(Msg::RatingComment)}</label>
                    <textarea id="confirm-comment" rows="3" bind:value=comment></textarea>
                </div>
                {move || missing.get().then(|| view! { <p class="form-error" role="alert">{i18n.text(Msg::ChooseOutcomeAndStars)}</p> })}
                <button type="submit" class="button primary" aria-disabled=move || change.pending().get().then_some("true")>
                    {i18n.text(Msg::SubmitConfirmation)}
                </button>
            </form>
        </section>
    }
}
