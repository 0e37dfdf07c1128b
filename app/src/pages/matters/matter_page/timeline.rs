use leptos::prelude::*;
use yishi_core::api::matters::{EventKind, MatterView};

use super::super::event_label;
use crate::format::local_datetime;
use crate::i18n::{Msg, use_i18n};

/// Every step, with its date and who acted.
#[component]
pub(super) fn Timeline(matter: MatterView) -> impl IntoView {
    let i18n = use_i18n();
    let events = matter
        .timeline
        .into_iter()
        .map(|e| {
            let note = match (e.kind, e.note.as_str()) {
                (EventKind::Decided, "adopted") => Some(i18n.t(Msg::DecisionAdopted).to_owned()),
                (EventKind::Decided, _) => Some(i18n.t(Msg::DecisionRejected).to_owned()),
                // The text of a progress update is shown with the progress.
                (EventKind::Progress, _) | (_, "") => None,
                (_, note) => Some(note.to_owned()),
            };
            view! {
                <li>
                    <p><strong>{i18n.text(event_label(e.kind))}</strong>{note.map(|n| format!(" · {n}"))}</p>
                    <p class="hint">{e.actor_name}" · "{local_datetime(&e.at)}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{i18n.text(Msg::TimelineHeading)}</h2>
            <ol class="timeline">{events}</ol>
        </section>
    }
}
