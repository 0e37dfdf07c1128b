use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::api::matters::MilestoneRequest;
use yishi_core::api::routes::AddMilestone;
use yishi_core::ids::MatterId;

use crate::api::ApiError;
use crate::changes::Change;
use crate::format::now;
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn MilestoneForm(id: MatterId, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let add = AddMilestone { id };
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(
        (now().date_naive() + Duration::days(14))
            .format("%Y-%m-%d")
            .to_string(),
    );
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            match NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d") {
                Ok(due_on) => change.send(&add, &MilestoneRequest { title: title.get_untracked(), due_on }),
                // Without a date the API would refuse the body as it refuses any malformed one.
                Err(_) => change.error.set(Some(ApiError::Invalid(DomainError::InvalidJson))),
            }
        }>
            <div class="field">
                <label for="milestone-title">{i18n.text(Msg::MilestoneTitle)}</label>
                <input id="milestone-title" type="text" autocomplete="off" bind:value=title />
            </div>
            <div class="field">
                <label for="milestone-due">{i18n.text(Msg::MilestoneDue)}</label>
                <input id="milestone-due" type="date" bind:value=due />
            </div>
            <button type="submit" class="button secondary">{i18n.text(Msg::AddMilestone)}</button>
        </form>
    }
}
