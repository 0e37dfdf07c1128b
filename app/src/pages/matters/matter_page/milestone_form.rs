use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use serde_json::json;

use crate::changes::Change;
use crate::format::now;
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn MilestoneForm(change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(
        (now().date_naive() + Duration::days(14))
            .format("%Y-%m-%d")
            .to_string(),
    );
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            let due_on = NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d").ok();
            change.post("milestones", json!({ "title": title.get_untracked(), "due_on": due_on }));
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
