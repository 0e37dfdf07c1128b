use leptos::prelude::*;
use yishi_core::api::matters::{MatterView, SummaryRequest};
use yishi_core::api::routes::SummarizeMatter;
use yishi_core::ids::MatterId;
use yishi_core::matters::Step;

use crate::changes::Change;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// The facilitator's summary, and its form.
#[component]
pub(super) fn SummaryBox(matter: MatterView, id: MatterId, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(reload);
    let summarize = SummarizeMatter { id };
    let text = RwSignal::new(
        m.summary
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
    );
    let editable = m.may.facilitate
        && matches!(
            m.step,
            Step::Deliberating | Step::Deciding | Step::Implementing
        );
    let shown = m.summary.clone().map(|s| {
        let (name, time) = (s.by_name, local_datetime(&s.at));
        view! {
            <p class="matter-text">{s.text}</p>
            <p class="hint">{move || fill(i18n.lang(), Msg::SummaryBy, &[("name", &name), ("time", &time)])}</p>
        }
    });
    (shown.is_some() || editable).then(|| {
        view! {
            <section aria-labelledby="summary-heading">
                <h2 id="summary-heading">{i18n.text(Msg::SummaryHeading)}</h2>
                {shown}
                {editable.then(|| view! {
                    <form class="form" on:submit=move |ev| {
                        ev.prevent_default();
                        change.send(&summarize, &SummaryRequest { text: text.get_untracked() });
                    }>
                        <div class="field">
                            <label for="summary-text">{i18n.text(Msg::SummaryHeading)}</label>
                            <textarea id="summary-text" rows="4" bind:value=text></textarea>
                        </div>
                        <button type="submit" class="button secondary">{i18n.text(Msg::SaveSummary)}</button>
                    </form>
                })}
                {change.view()}
            </section>
        }
    })
}
