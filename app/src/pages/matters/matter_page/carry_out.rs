use leptos::prelude::*;
use yishi_core::api::matters::MatterView;
use yishi_core::api::routes::{GetPhoto, MatterReady, MilestoneDone};
use yishi_core::ids::MatterId;
use yishi_core::matters::Step;

use super::super::owner_label;
use super::acceptance_form::AcceptanceForm;
use super::milestone_form::MilestoneForm;
use super::progress_form::ProgressForm;
use crate::api::{self, Query};
use crate::changes::Change;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// 民办: the owner, milestones, progress with photos, the request for acceptance and acceptance.
#[component]
pub(super) fn CarryOut(matter: MatterView, id: MatterId, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(reload);
    let relevant = matches!(
        m.step,
        Step::Implementing | Step::Accepting | Step::Evaluating
    );
    if !relevant {
        return None;
    }
    let owner = m.owner.clone().map(|o| {
        let name = o.name.clone();
        let member = o.member_name.clone();
        view! {
            <p>
                {move || fill(i18n.lang(), Msg::OwnerIs, &[("name", &name), ("kind", i18n.t(owner_label(o.kind)))])}
                {member.clone().map(|n| format!(" · {n}"))}
            </p>
        }
    });
    let can_report = m.may.post_progress;
    let manage = m.may.manage && m.step == Step::Implementing;
    let milestones = m
        .milestones
        .iter()
        .map(|s| {
            let position = s.position;
            let due = s.due_on.format("%Y-%m-%d").to_string();
            let done = s.done_at.map(|d| local_datetime(&d));
            let pending = done.is_none();
            let done_endpoint = MilestoneDone { id: id.clone(), position };
            view! {
                <li>
                    <strong>{s.title.clone()}</strong>" · "
                    {match done {
                        Some(d) => view! { <span class="done">{move || fill(i18n.lang(), Msg::DoneOn, &[("date", &d)])}</span> }.into_any(),
                        None => view! { <span>{move || fill(i18n.lang(), Msg::DueOn, &[("date", &due)])}</span> }.into_any(),
                    }}
                    {(pending && can_report).then(|| view! {
                        " "
                        <button type="button" class="button secondary small" on:click=move |_| change.send(&done_endpoint, &())>
                            {i18n.text(Msg::MarkDone)}
                        </button>
                    })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let progress = m
        .progress
        .iter()
        .rev()
        .map(|p| {
            let photos = p
                .photos
                .iter()
                .map(|ph| view! { <img src=api::url(&GetPhoto { id: ph.clone() }, &Query::new()) loading="lazy" alt="" /> })
                .collect::<Vec<_>>();
            view! {
                <li>
                    <p class="matter-text">{p.body.clone()}</p>
                    {(!photos.is_empty()).then(|| view! { <div class="photos">{photos}</div> })}
                    <p class="hint">{p.by_name.clone()}" · "{local_datetime(&p.at)}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let no_progress = progress.is_empty();
    let ready = can_report && m.step == Step::Implementing && m.owner.is_some();
    let accept = m.may.accept;
    let ready_endpoint = MatterReady { id: id.clone() };
    Some(view! {
        <section aria-labelledby="carry-heading">
            <h2 id="carry-heading">{i18n.text(Msg::CarryOutHeading)}</h2>
            {owner}
            <h3>{i18n.text(Msg::MilestonesHeading)}</h3>
            <ul class="milestones">{milestones}</ul>
            {manage.then(|| view! { <MilestoneForm id=id.clone() change=change /> })}
            <h3>{i18n.text(Msg::ProgressHeading)}</h3>
            {no_progress.then(|| view! { <p class="empty">{i18n.text(Msg::NoProgress)}</p> })}
            <ul class="progress-list">{progress}</ul>
            {can_report.then(|| view! { <ProgressForm id=id.clone() change=change /> })}
            {ready.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.send(&ready_endpoint, &())>
                    {i18n.text(Msg::ReadyButton)}
                </button>
            })}
            {accept.then(|| view! { <AcceptanceForm id=id change=change /> })}
            {change.view()}
        </section>
    })
}
