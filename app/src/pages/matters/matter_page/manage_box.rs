use leptos::prelude::*;
use yishi_core::api::matters::{DecisionRequest, MatterView, MergeRequest, ReasonRequest};
use yishi_core::api::routes::{
    DeclineMatter, ListMatters, MatterDecision, MergeMatter, ReconsiderMatter,
};
use yishi_core::ids::MatterId;
use yishi_core::matters::Step;
use yishi_core::notices::PeriodState;

use super::decide_forms::DecideForms;
use super::owner_form::OwnerForm;
use crate::api;
use crate::changes::Change;
use crate::i18n::{Msg, use_i18n};

/// What staff (and building heads for their building) do: decline, merge, decide.
#[component]
pub(super) fn ManageBox(matter: MatterView, id: MatterId, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(reload);
    let reason = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let open = matches!(m.step, Step::Proposed | Step::Deliberating);
    let (decline, merge) = (
        DeclineMatter { id: id.clone() },
        MergeMatter { id: id.clone() },
    );
    let (decide, reconsider) = (
        MatterDecision { id: id.clone() },
        ReconsiderMatter { id: id.clone() },
    );
    let others = LocalResource::new(move || async move {
        api::get(i18n.lang_untracked(), &ListMatters {})
            .await
            .map(|l| l.matters)
    });
    let own = id.clone();
    view! {
        <section class="manage" aria-labelledby="manage-heading">
            <h2 id="manage-heading">{i18n.text(Msg::ManageHeading)}</h2>
            {open.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.send(&decline, &ReasonRequest { reason: reason.get_untracked() });
                }>
                    <div class="field">
                        <label for="decline-reason">{i18n.text(Msg::DeclineReason)}</label>
                        <textarea id="decline-reason" rows="2" bind:value=reason></textarea>
                    </div>
                    <button type="submit" class="button secondary">{i18n.text(Msg::DeclineButton)}</button>
                </form>
                <form class="inline-form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.send(&merge, &MergeRequest { into: target.get_untracked() });
                }>
                    <label for="merge-target">{i18n.text(Msg::MergeTarget)}</label>
                    <select id="merge-target" on:change=move |ev| target.set(event_target_value(&ev))>
                        <option value="">{i18n.text(Msg::ChooseScope)}</option>
                        <Transition>
                            {
                                let own = own.clone();
                                move || {
                                    let own = own.clone();
                                    Suspend::new(async move {
                                        others
                                            .await
                                            .unwrap_or_default()
                                            .into_iter()
                                            .filter(|o| o.id != own && matches!(o.step, Step::Proposed | Step::Deliberating))
                                            .map(|o| view! { <option value=o.id.to_string()>{format!("{} {}", o.number, o.title)}</option> })
                                            .collect::<Vec<_>>()
                                    })
                                }
                            }
                        </Transition>
                    </select>
                    <button type="submit" class="button secondary small">{i18n.text(Msg::MergeButton)}</button>
                </form>
            })}
            {(m.step == Step::Deliberating).then(|| view! { <DecideForms id=id.clone() title=m.title.clone() change=change /> })}
            {(m.step == Step::Deciding).then(|| {
                let period = RwSignal::new(String::from("0"));
                view! {
                    <form class="form" on:submit=move |ev| {
                        ev.prevent_default();
                        let days = period.get_untracked().trim().parse::<u32>().unwrap_or(0);
                        change.send(&decide, &DecisionRequest { period_days: days });
                    }>
                        <div class="field">
                            <label for="decision-period">{i18n.text(Msg::PeriodDaysLabel)}</label>
                            <input id="decision-period" type="number" min="0" max="30" inputmode="numeric" bind:value=period />
                        </div>
                        <button type="submit" class="button primary">{i18n.text(Msg::RecordDecision)}</button>
                    </form>
                }
            })}
            {(m.step == Step::Implementing
                && m.decision.as_ref().is_some_and(|d| d.publication == Some(PeriodState::ObjectionUpheld)))
                .then(|| view! {
                    <button type="button" class="button primary" on:click=move |_| change.send(&reconsider, &())>
                        {i18n.text(Msg::ReconsiderButton)}
                    </button>
                })}
            {(m.step == Step::Implementing && !m.micro_wish).then(|| view! { <OwnerForm id=id.clone() change=change /> })}
            {change.view()}
        </section>
    }
}
