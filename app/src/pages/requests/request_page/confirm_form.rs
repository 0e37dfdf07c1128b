use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::api::requests::{ConfirmRequest, RequestView};
use yishi_core::api::routes::ConfirmRequestOutcome;
use yishi_core::error::Field;
use yishi_core::requests::{ConfirmationWindow, Outcome, confirmation_window};

use super::super::outcome_label;
use crate::changes::Change;
use crate::format::{local_datetime, now};
use crate::forms::reveal_error;
use crate::i18n::{Msg, fill, use_i18n};

/// The resident's judgement of the work.
#[component]
pub(super) fn ConfirmForm(r: RequestView, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Outcome>);
    let stars = RwSignal::new(0_u8);
    let comment = RwSignal::new(String::new());
    // "Please answer by" is never said of a time already past (closing runs a few times a day).
    let until = r.confirmation_ends.map(|t| {
        let (key, t) = match confirmation_window(t, now()) {
            ConfirmationWindow::Open { ends } => (Msg::ConfirmUntil, ends),
            ConfirmationWindow::Lapsed { ended } => (Msg::ConfirmLapsed, ended),
        };
        let t = local_datetime(&t);
        move || fill(i18n.lang(), key, &[("time", &t)])
    });
    // What she left out, said at that group of choices, gone once she chooses.
    let missing = RwSignal::new(None::<Field>);
    let missing_at = move |field: Field| {
        move || {
            (missing.get() == Some(field)).then(|| {
                let text = DomainError::Required { field }.message(i18n.lang());
                view! { <p class="field-error" role="alert">{text}</p> }
            })
        }
    };
    let confirm = ConfirmRequestOutcome { id: r.id };
    view! {
        <section class="confirm" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{i18n.text(Msg::ConfirmHeading)}</h2>
            {until.map(|u| view! { <p class="hint">{u}</p> })}
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                let (Some(o), s) = (outcome.get_untracked(), stars.get_untracked()) else {
                    missing.set(Some(Field::Outcome));
                    reveal_error();
                    return;
                };
                if s == 0 {
                    missing.set(Some(Field::Stars));
                    reveal_error();
                    return;
                }
                missing.set(None);
                change.send_saying(&confirm, &ConfirmRequest { outcome: o, stars: s, comment: comment.get_untracked() }, Msg::ConfirmSent);
            }>
                <fieldset class="field" aria-invalid=move || (missing.get() == Some(Field::Outcome)).then_some("true")>
                    <legend>{i18n.text(Msg::WasItFixed)}</legend>
                    {[Outcome::Fixed, Outcome::Partly, Outcome::NotFixed].into_iter().map(|o| view! {
                        <label class="choice">
                            <input type="radio" name="outcome" on:change=move |_| {
                                outcome.set(Some(o));
                                missing.update(|m| if *m == Some(Field::Outcome) { *m = None });
                            } />
                            {i18n.text(outcome_label(o))}
                        </label>
                    }).collect::<Vec<_>>()}
                    {missing_at(Field::Outcome)}
                </fieldset>
                <fieldset class="field stars" aria-invalid=move || (missing.get() == Some(Field::Stars)).then_some("true")>
                    <legend>{i18n.text(Msg::StarsLabel)}</legend>
                    {(1..=5_u8).map(|n| {
                        let label = n.to_string();
                        view! {
                            <label class="star-choice">
                                <input type="radio" name="stars" value=n on:change=move |_| {
                                    stars.set(n);
                                    missing.update(|m| if *m == Some(Field::Stars) { *m = None });
                                } />
                                {move || fill(i18n.lang(), Msg::StarsN, &[("n", &label)])}
                            </label>
                        }
                    }).collect::<Vec<_>>()}
                    {missing_at(Field::Stars)}
                </fieldset>
                <div class="field">
                    <label for="confirm-comment">{i18n.text(Msg::RatingComment)}</label>
                    <textarea id="confirm-comment" rows="3" bind:value=comment></textarea>
                </div>
                <button type="submit" class="button primary" aria-disabled=move || change.pending().get().then_some("true")>
                    {i18n.text(Msg::SubmitConfirmation)}
                </button>
            </form>
        </section>
    }
}
