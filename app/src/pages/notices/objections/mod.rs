mod objection;

use leptos::prelude::*;
use yishi_core::api::notices::{NoticeView, ObjectionRequest};
use yishi_core::api::routes::{ObjectToNotice, PublishNotice};
use yishi_core::i18n::Term;
use yishi_core::notices::PeriodState;

use super::period_label;
use crate::changes::Change;
use crate::components::{OfficeLink, TermHelp};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

use objection::Objection;

/// The publication period (公示期) of a notice: where it stands, the objections with staff's answers, a
/// resident's objection form and, for staff, the answer forms; publishing a draft; the print view.
#[component]
pub fn PeriodBox(notice: NoticeView, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = notice.id.clone();
    let reason = RwSignal::new(String::new());
    let change = Change::new(reload);
    let (publish, object) = (
        PublishNotice { id: id.clone() },
        ObjectToNotice { id: id.clone() },
    );
    let state = notice.period_state.zip(notice.period_ends_at).map(|(state, ends)| {
        let (end, ends) = (ends, local_datetime(&ends));
        let class = match state {
            PeriodState::Running | PeriodState::AwaitingAnswers => "notice-box",
            PeriodState::CompleteNoObjection => "notice-box done",
            PeriodState::ObjectionUpheld => "notice-box upheld",
        };
        view! { <p class=class role="status">{move || fill(i18n.lang(), period_label(state), &[("time", &ends), ("left", &super::time_left(i18n.lang(), end))])}</p> }
    });
    let has_period = notice.period_ends_at.is_some();
    let objections = notice
        .objections
        .iter()
        .cloned()
        .map(|o| view! { <Objection notice=id.clone() objection=o may_answer=notice.may_answer change=change /> })
        .collect::<Vec<_>>();
    let none = objections.is_empty();
    view! {
        {notice.draft.then(|| view! {
            <p>
                <button type="button" class="button primary" on:click=move |_| change.send(&publish, &())>
                    {i18n.text(Msg::PublishDraft)}
                </button>
            </p>
        })}
        {has_period.then(|| view! {
            <section aria-labelledby="objections-heading">
                <h2 id="objections-heading">{i18n.text(Msg::ObjectionsHeading)}</h2>
                <p class="terms"><TermHelp term=Term::PublicationPeriod />" "<TermHelp term=Term::Objection /></p>
                {state}
                {none.then(|| view! { <p class="empty">{i18n.text(Msg::NoObjections)}</p> })}
                <ul class="comment-list">{objections}</ul>
                {notice.may_object.then(|| view! {
                    <form class="form" on:submit=move |ev| {
                        ev.prevent_default();
                        change.send_saying(&object, &ObjectionRequest { reason: reason.get_untracked() }, Msg::ObjectionSent);
                    }>
                        <div class="field">
                            <label for="objection-reason">{i18n.text(Msg::ObjectionReason)}</label>
                            <textarea id="objection-reason" rows="3" bind:value=reason></textarea>
                        </div>
                        <button type="submit" class="button primary">{i18n.text(Msg::ObjectButton)}</button>
                    </form>
                })}
            </section>
        })}
        {change.view()}
        <p class="no-print">
            <OfficeLink class="button secondary" href=format!("/notices/{id}/print")>{i18n.text(Msg::PrintLink)}</OfficeLink>
        </p>
    }
}
