use leptos::prelude::*;
use yishi_core::api::requests::RequestView;
use yishi_core::api::routes::JoinOpenRequest;
use yishi_core::i18n::Term;

use super::super::{DeadlineLine, outcome_label, status_label};
use super::confirm_form::ConfirmForm;
#[cfg(feature = "office")]
use super::office_panels::OfficePanels;
use super::photo_links;
use super::record::Record;
use crate::changes::Change;
use crate::components::TermHelp;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn RequestDetail(r: RequestView, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let change = Change::new(reload);
    let join = JoinOpenRequest { id: r.id.clone() };
    let received = local_datetime(&r.received_at);
    let place = match &r.place_text {
        Some(t) => format!("{} · {t}", r.place_name),
        None => r.place_name.clone(),
    };
    let unit = r.unit.name.clone();
    let number = r.number.to_string();
    let photos = photo_links(&r.photos);
    let rating = r.rating.clone().map(|rt| {
        let stars = "★".repeat(usize::from(rt.stars));
        view! {
            <section aria-labelledby="rating-heading">
                <h2 id="rating-heading">{i18n.text(Msg::ResidentRating)}</h2>
                <p class="outcome"><strong>{i18n.text(outcome_label(rt.outcome))}</strong>" "{stars}</p>
                {(!rt.comment.is_empty()).then(|| view! { <p>{rt.comment.clone()}</p> })}
            </section>
        }
    });
    view! {
        <article class="request">
            <h1>{r.subcategory.name.clone()}</h1>
            <p class="record-number">{move || fill(i18n.lang(), Msg::RequestNumbered, &[("n", &number)])}</p>
            <p>
                <span class=format!("badge status-{}", r.status.as_str())>{i18n.text(status_label(r.status))}</span>
                " "
                <span class="badge">{r.category_name.clone()}</span>
            </p>
            <p class="hint">{place}" · "{received}</p>
            <p class="routing">{move || fill(i18n.lang(), Msg::HandledBy, &[("unit", &unit)])}</p>
            {r.status.is_open().then(|| view! {
                <DeadlineLine deadline=r.deadline overdue=r.overdue escalation=r.escalation />
                <p class="terms"><TermHelp term=Term::FirstResponder />" "<TermHelp term=Term::TimeLimit /></p>
            })}
            {r.requester_name.clone().map(|n| {
                let phone = r.caller_phone.clone().unwrap_or_default();
                view! { <p class="hint">{move || fill(i18n.lang(), Msg::RaisedBy, &[("name", &n)])}" "{phone}</p> }
            })}
            <p class="matter-text">{r.description.clone()}</p>
            {(!photos.is_empty()).then(|| view! { <div class="photos">{photos}</div> })}
            {r.merged_into.clone().map(|m| {
                let into = r.merged_into_number.map(|n| n.to_string());
                view! {
                    <p class="button-row"><a class="button secondary" href=format!("/requests/{m}")>{move || match &into {
                        Some(n) => fill(i18n.lang(), Msg::MergedIntoNumber, &[("n", n)]),
                        None => i18n.t(Msg::MergedIntoLink).to_owned(),
                    }}</a></p>
                }
            })}
            {r.split_from.clone().map(|m| view! {
                <p class="button-row"><a class="button secondary" href=format!("/requests/{m}")>{i18n.text(Msg::SplitFromLink)}</a></p>
            })}
            {r.returned_to.clone().map(|u| {
                let name = u.name.clone();
                view! { <p class="outcome">{move || fill(i18n.lang(), Msg::ReturnedTo, &[("unit", &name)])}</p> }
            })}
            {r.can.confirm.then(|| view! { <ConfirmForm r=r.clone() change=change /> })}
            {r.can.join.then(|| view! {
                <p class="terms"><TermHelp term=Term::MergeRequests /></p>
                <p class="button-row">
                    <button type="button" class="button secondary" on:click=move |_| change.send_saying(&join, &(), Msg::JoinedRequest)>
                        {i18n.text(Msg::JoinRequest)}
                    </button>
                </p>
            })}
            {(r.can.handle || r.can.dispatch).then(|| crate::office_part!(view! { <OfficePanels r=r.clone() change=change /> }))}
            {change.view()}
            {rating}
            <Record r=r />
        </article>
    }
}
