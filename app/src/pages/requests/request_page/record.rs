use leptos::prelude::*;
use yishi_core::api::requests::RequestView;

use super::super::event_label;
use super::photo_links;
use crate::format::local_datetime;
use crate::i18n::{Msg, use_i18n};

/// Every change: who, when, what, and the note the resident reads.
#[component]
pub(super) fn Record(r: RequestView) -> impl IntoView {
    let i18n = use_i18n();
    let items = r
        .events
        .into_iter()
        .map(|e| {
            let actor = if e.actor_name.is_empty() {
                i18n.t(Msg::SystemActor).to_owned()
            } else {
                e.actor_name.clone()
            };
            let photos = photo_links(&e.photos);
            view! {
                <li>
                    <p>
                        <strong>{i18n.text(event_label(&e.kind))}</strong>
                        {e.unit_name.clone().map(|u| view! { " → "{u} })}
                    </p>
                    {(!e.note.is_empty()).then(|| view! { <p>{e.note.clone()}</p> })}
                    {(!photos.is_empty()).then(|| view! { <div class="photos">{photos}</div> })}
                    <p class="hint">{actor}" · "{local_datetime(&e.at)}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="record-heading">
            <h2 id="record-heading">{i18n.text(Msg::RecordHeading)}</h2>
            <ol class="timeline">{items}</ol>
        </section>
    }
}
