use leptos::prelude::*;
use yishi_core::api::matters::MatterView;
use yishi_core::api::routes::GetPhoto;

use super::super::{category_label, step_label};
use super::carry_out::CarryOut;
use super::discussion::Discussion;
use super::evaluation::Evaluation;
#[cfg(feature = "office")]
use super::manage_box::ManageBox;
use super::plain_words::PlainWords;
use super::stages::Stages;
use super::status::Status;
use super::summary_box::SummaryBox;
use super::support_box::SupportBox;
use super::timeline::Timeline;
use crate::api::{self, Query};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn MatterDetail(matter: MatterView, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let id = m.id.clone();
    let number = m.number.to_string();
    let proposed = {
        let (name, time) = (m.proposer_name.clone(), local_datetime(&m.proposed_at));
        move || {
            fill(
                i18n.lang(),
                Msg::ProposedBy,
                &[("name", &name), ("time", &time)],
            )
        }
    };
    let photos = m
        .photos
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = (i + 1).to_string();
            let href = api::url(&GetPhoto { id: p.clone() }, &Query::new());
            let src = href.clone();
            view! {
                <a href=href target="_blank" rel="noopener">
                    <img src=src loading="lazy" alt=move || fill(i18n.lang(), Msg::PhotoAlt, &[("n", &n)]) />
                </a>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <article class="matter">
            <h1>{m.title.clone()}</h1>
            <p class="record-number">{move || fill(i18n.lang(), Msg::MatterNumbered, &[("n", &number)])}</p>
            <p>
                <span class=format!("badge step-{}", m.step.as_str())>{i18n.text(step_label(m.step))}</span>
                " "
                <span class="badge">{i18n.text(category_label(m.category))}</span>
                {m.micro_wish.then(|| view! { " " <span class="badge wish">{i18n.text(Msg::MicroWish)}</span> })}
            </p>
            <p class="hint">{m.scope_name.clone()}" · "{proposed}</p>
            <Stages step=m.step />
            <PlainWords matter=m.clone() />
            <p class="matter-text">{m.description.clone()}</p>
            {(!photos.is_empty()).then(|| view! { <div class="photos">{photos}</div> })}
            <Status matter=m.clone() />
            <SupportBox matter=m.clone() id=id.clone() reload=reload />
            {m.may.manage.then(|| crate::office_part!(view! { <ManageBox matter=m.clone() id=id.clone() reload=reload /> }))}
            <SummaryBox matter=m.clone() id=id.clone() reload=reload />
            <CarryOut matter=m.clone() id=id.clone() reload=reload />
            <Evaluation matter=m.clone() id=id.clone() reload=reload />
            <Discussion matter=m.clone() id=id.clone() reload=reload />
            <Timeline matter=m />
        </article>
    }
}
