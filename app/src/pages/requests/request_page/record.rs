use leptos::prelude::*;
use yishi_core::Lang;
use yishi_core::api::requests::RequestView;

use super::super::{event_label, status_label};
use super::photo_links;
use crate::components::ReadAloud;
use crate::format::local_datetime;
use crate::i18n::{Msg, t, use_i18n};

/// Every change: who, when, what, and the note the resident reads; "朗读" reads them out, newest first.
#[component]
pub(super) fn Record(r: RequestView) -> impl IntoView {
    let i18n = use_i18n();
    let spoken = {
        let (title, status, events) = (r.subcategory.name.clone(), r.status, r.events.clone());
        Signal::derive(move || {
            let lang = i18n.lang();
            let (colon, stop) = match lang {
                Lang::ZhCn => ("：", "。"),
                Lang::En => (": ", ". "),
            };
            let mut lines = vec![format!(
                "{title}{colon}{}{stop}",
                t(lang, status_label(status))
            )];
            for e in events.iter().rev() {
                let mut line = t(lang, event_label(&e.kind)).to_owned();
                if let Some(unit) = &e.unit_name {
                    line.push_str(colon);
                    line.push_str(unit);
                }
                line.push_str(stop);
                if !e.note.is_empty() {
                    line.push_str(&e.note);
                    line.push('\n');
                }
                line.push_str(&local_datetime(&e.at));
                lines.push(line);
            }
            lines.join("\n")
        })
    };
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
            <ReadAloud text=spoken />
            <ol class="timeline">{items}</ol>
        </section>
    }
}
