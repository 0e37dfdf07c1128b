use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde_json::json;
use yishi_core::api::matters::{CommentView, EventKind, MatterView};
#[cfg(feature = "office")]
use yishi_core::api::meetings::MeetingListResponse;
#[cfg(feature = "office")]
use yishi_core::matters::OwnerKind;
use yishi_core::matters::{Decision, Stage, Stance, Step};
#[cfg(feature = "office")]
use yishi_core::meetings::MeetingState;
#[cfg(feature = "office")]
use yishi_core::notices::PeriodState;
#[cfg(feature = "office")]
use yishi_core::votes::electorate::{ElectorateRule, HouseholdCaster};
#[cfg(feature = "office")]
use yishi_core::votes::poll::{PollSettings, ResultsShown, Secrecy};
#[cfg(feature = "office")]
use yishi_core::votes::tally::{Method, Quorum, Rules, Threshold, TieBreak};

use super::{
    category_label, event_label, owner_label, period_label_short, stage_label, stance_label,
    stars_text, step_label,
};
use crate::api;
use crate::changes::Change;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
#[cfg(feature = "office")]
use crate::components::{ThresholdOptions, parse_threshold};
use crate::format::{local_datetime, now};
use crate::forms::chosen_files;
use crate::i18n::{Msg, fill, use_i18n};
use crate::photos;

/// `/matters/:id`: one matter through the five steps, with what the reader may do at each.
#[component]
pub fn MatterPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let matter = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move { api::matter(i18n.lang_untracked(), &id).await }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MattersHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/matters">{i18n.text(Msg::MattersHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match matter.await {
                        Ok(answer) => view! { <MatterDetail matter=answer.matter reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| matter.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

#[component]
fn MatterDetail(matter: MatterView, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let id = m.id.to_string();
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
            view! {
                <a href=api::photo_url(p.as_str()) target="_blank" rel="noopener">
                    <img src=api::photo_url(p.as_str()) loading="lazy" alt=move || fill(i18n.lang(), Msg::PhotoAlt, &[("n", &n)]) />
                </a>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <article class="matter">
            <h1>{m.title.clone()}</h1>
            <p>
                <span class=format!("badge step-{}", m.step.as_str())>{i18n.text(step_label(m.step))}</span>
                " "
                <span class="badge">{i18n.text(category_label(m.category))}</span>
                {m.micro_wish.then(|| view! { " " <span class="badge wish">{i18n.text(Msg::MicroWish)}</span> })}
            </p>
            <p class="hint">{m.scope_name.clone()}" · "{proposed}</p>
            <Stages step=m.step />
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

/// The five steps, the current one marked.
#[component]
fn Stages(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let current = step.stage();
    view! {
        <ol class="stages" aria-label=i18n.text(Msg::StagesLabel)>
            {Stage::ALL
                .into_iter()
                .map(|stage| {
                    let class = match current {
                        Some(c) if c == stage => "stage current",
                        Some(c) if stage < c => "stage done",
                        _ => "stage",
                    };
                    view! {
                        <li class=class aria-current=(current == Some(stage)).then_some("step")>
                            {i18n.text(stage_label(stage))}
                        </li>
                    }
                })
                .collect::<Vec<_>>()}
        </ol>
    }
}

/// Merges, declines and the decision, in words.
#[component]
fn Status(matter: MatterView) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let declined = m.decline_reason.clone().map(|reason| {
        view! { <p class="notice-box">{move || fill(i18n.lang(), Msg::DeclinedNote, &[("reason", &reason)])}</p> }
    });
    let merged_into = m.merged_into.clone().map(|link| {
        view! {
            <p class="notice-box">
                {i18n.text(Msg::MergedIntoNote)}" "<a href=format!("/matters/{}", link.id)>{link.title}</a>
            </p>
        }
    });
    let merged_from = (!m.merged_from.is_empty()).then(|| {
        view! {
            <p class="hint">
                {i18n.text(Msg::MergedFromNote)}
                {m.merged_from
                    .iter()
                    .map(|l| view! { " " <a href=format!("/matters/{}", l.id)>{l.title.clone()}</a> })
                    .collect::<Vec<_>>()}
            </p>
        }
    });
    let decision = m.decision.clone().map(|d| {
        let outcome = d.outcome.map(|o| match o {
            Decision::Adopted => Msg::DecisionAdopted,
            Decision::Rejected => Msg::DecisionRejected,
        });
        view! {
            <section aria-labelledby="decide-heading">
                <h2 id="decide-heading">{i18n.text(Msg::DecideHeading)}</h2>
                {d.meeting.clone().map(|mtg| view! {
                    <p><a href=format!("/meetings/{mtg}")>{d.meeting_title.clone().unwrap_or_default()}</a></p>
                })}
                {outcome.map(|o| view! { <p class="outcome"><strong>{i18n.text(o)}</strong></p> })}
                {d.publication.map(|p| view! { <p class="notice-box">{i18n.text(period_label_short(p))}</p> })}
                <p class="button-row">
                    {d.vote.clone().map(|v| view! { <a class="button secondary" href=format!("/votes/{v}")>{i18n.text(Msg::GoVote)}</a> })}
                    {d.meeting.clone().filter(|_| d.outcome.is_none()).map(|mtg| view! {
                        <a class="button secondary" href=format!("/meetings/{mtg}")>{i18n.text(Msg::GoMeeting)}</a>
                    })}
                    {d.notice.clone().map(|n| view! { <a class="button secondary" href=format!("/notices/{n}")>{i18n.text(Msg::DecisionNoticeLink)}</a> })}
                </p>
            </section>
        }
    });
    view! { {declined} {merged_into} {merged_from} {decision} }
}

/// Supports (民提) and adopting a micro-wish.
#[component]
fn SupportBox(matter: MatterView, id: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(format!("/matters/{id}"), reload);
    let counting = !m.micro_wish && matches!(m.step, Step::Proposed | Step::Deliberating);
    let progress = {
        let (count, threshold) = (m.supports.to_string(), m.threshold.to_string());
        move || {
            fill(
                i18n.lang(),
                Msg::SupportProgress,
                &[("count", &count), ("threshold", &threshold)],
            )
        }
    };
    view! {
        {counting.then(|| view! { <p class="support-progress">{progress}</p> })}
        {m.my_support.then(|| view! { <p class="hint">{i18n.text(Msg::YouSupport)}</p> })}
        <p class="button-row">
            {m.may.support.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.post("supports", json!({}))>
                    {i18n.text(Msg::SupportButton)}
                </button>
            })}
            {m.may.adopt.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.post("adopt", json!({}))>
                    {i18n.text(Msg::AdoptButton)}
                </button>
            })}
        </p>
        {change.view()}
    }
}

#[cfg(feature = "office")]
/// What staff (and building heads for their building) do: decline, merge, decide.
#[component]
fn ManageBox(matter: MatterView, id: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(format!("/matters/{id}"), reload);
    let reason = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let open = matches!(m.step, Step::Proposed | Step::Deliberating);
    let others = LocalResource::new(move || async move {
        api::matters(i18n.lang_untracked(), "")
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
                    change.post("decline", json!({ "reason": reason.get_untracked() }));
                }>
                    <div class="field">
                        <label for="decline-reason">{i18n.text(Msg::DeclineReason)}</label>
                        <textarea id="decline-reason" rows="2" bind:value=reason></textarea>
                    </div>
                    <button type="submit" class="button secondary">{i18n.text(Msg::DeclineButton)}</button>
                </form>
                <form class="inline-form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.post("merge", json!({ "into": target.get_untracked() }));
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
                                            .filter(|o| o.id.as_str() != own && matches!(o.step, Step::Proposed | Step::Deliberating))
                                            .map(|o| view! { <option value=o.id.to_string()>{o.title}</option> })
                                            .collect::<Vec<_>>()
                                    })
                                }
                            }
                        </Transition>
                    </select>
                    <button type="submit" class="button secondary small">{i18n.text(Msg::MergeButton)}</button>
                </form>
            })}
            {(m.step == Step::Deliberating).then(|| view! { <DecideForms title=m.title.clone() change=change /> })}
            {(m.step == Step::Deciding).then(|| {
                let period = RwSignal::new(String::from("0"));
                view! {
                    <form class="form" on:submit=move |ev| {
                        ev.prevent_default();
                        let days = period.get_untracked().trim().parse::<u32>().unwrap_or(0);
                        change.post("decision", json!({ "period_days": days }));
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
                    <button type="button" class="button primary" on:click=move |_| change.post("reconsider", json!({}))>
                        {i18n.text(Msg::ReconsiderButton)}
                    </button>
                })}
            {(m.step == Step::Implementing && !m.micro_wish).then(|| view! { <OwnerForm change=change /> })}
            {change.view()}
        </section>
    }
}

#[cfg(feature = "office")]
/// Putting a matter on the council's list to a decision: an online yes/no vote, or a meeting's agenda.
#[component]
fn DecideForms(title: String, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let days = RwSignal::new(String::from("7"));
    let electorate = RwSignal::new(String::from("residents"));
    let threshold = RwSignal::new(String::from("simple"));
    let meeting = RwSignal::new(String::new());
    let meetings = LocalResource::new(move || async move {
        api::meetings(i18n.lang_untracked(), "")
            .await
            .map(|l: MeetingListResponse| l.meetings)
    });
    let ballot = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let days = days
            .get_untracked()
            .trim()
            .parse::<i64>()
            .unwrap_or(7)
            .clamp(1, 60);
        let start = now();
        let settings = PollSettings {
            title: title.clone(),
            options: Vec::new(),
            method: Method::YesNo,
            rules: Rules {
                quorum: Quorum::None,
                threshold: parse_threshold(&threshold.get_untracked())
                    .unwrap_or(Threshold::SimpleMajority),
                count_abstentions: false,
                double_majority: false,
            },
            tie_break: TieBreak::NoWinner,
            electorate: if electorate.get_untracked() == "households" {
                ElectorateRule::Households {
                    cast_by: HouseholdCaster::AnyMember,
                }
            } else {
                ElectorateRule::Residents
            },
            secrecy: Secrecy::Secret,
            results: ResultsShown::AfterClose,
            changeable: false,
            max_proxies: 0,
            opens_at: start,
            closes_at: start + Duration::days(days),
        };
        change.post("ballot", json!({ "settings": settings }));
    };
    view! {
        <form class="form" on:submit=ballot>
            <div class="field">
                <label for="ballot-days">{i18n.text(Msg::BallotDays)}</label>
                <input id="ballot-days" type="number" min="1" max="60" inputmode="numeric" bind:value=days />
            </div>
            <div class="field">
                <label for="ballot-electorate">{i18n.text(Msg::ElectorateLabel)}</label>
                <select id="ballot-electorate" on:change=move |ev| electorate.set(event_target_value(&ev))>
                    <option value="residents">{i18n.text(Msg::ElectorateResidents)}</option>
                    <option value="households">{i18n.text(Msg::ElectorateHouseholdsAny)}</option>
                </select>
            </div>
            <div class="field">
                <label for="ballot-threshold">{i18n.text(Msg::ThresholdLabel)}</label>
                <select id="ballot-threshold" on:change=move |ev| threshold.set(event_target_value(&ev))>
                    <ThresholdOptions />
                </select>
            </div>
            <button type="submit" class="button primary" aria-disabled=move || change.pending().get().then_some("true")>
                {i18n.text(Msg::PutToBallotButton)}
            </button>
        </form>
        <form class="inline-form" on:submit=move |ev| {
            ev.prevent_default();
            change.post("agenda", json!({ "meeting": meeting.get_untracked() }));
        }>
            <label for="agenda-meeting">{i18n.text(Msg::ChooseMeeting)}</label>
            <select id="agenda-meeting" on:change=move |ev| meeting.set(event_target_value(&ev))>
                <option value="">{i18n.text(Msg::ChooseScope)}</option>
                <Transition>
                    {move || Suspend::new(async move {
                        meetings
                            .await
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|m| m.state != MeetingState::Closed)
                            .map(|m| view! { <option value=m.id.to_string()>{m.title}" · "{local_datetime(&m.starts_at)}</option> })
                            .collect::<Vec<_>>()
                    })}
                </Transition>
            </select>
            <button type="submit" class="button secondary small">{i18n.text(Msg::PutToMeetingButton)}</button>
        </form>
    }
}

#[cfg(feature = "office")]
#[component]
fn OwnerForm(change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(String::from("resident_team"));
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            let phone = phone.get_untracked();
            change.send(
                "PUT",
                "owner",
                json!({ "kind": kind.get_untracked(), "name": name.get_untracked(), "phone": (!phone.trim().is_empty()).then_some(phone) }),
            );
        }>
            <div class="field">
                <label for="owner-kind">{i18n.text(Msg::OwnerKindLabel)}</label>
                <select id="owner-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {OwnerKind::ALL
                        .into_iter()
                        .filter(|k| *k != OwnerKind::Volunteer)
                        .map(|k| view! { <option value=k.as_str()>{i18n.text(owner_label(k))}</option> })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="owner-name">{i18n.text(Msg::OwnerNameLabel)}</label>
                <input id="owner-name" type="text" autocomplete="off" bind:value=name />
            </div>
            <div class="field">
                <label for="owner-phone">{i18n.text(Msg::OwnerPhoneLabel)}</label>
                <input id="owner-phone" type="tel" inputmode="numeric" autocomplete="off" bind:value=phone />
            </div>
            <button type="submit" class="button primary">{i18n.text(Msg::SaveOwner)}</button>
        </form>
    }
}

/// The facilitator's summary, and its form.
#[component]
fn SummaryBox(matter: MatterView, id: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(format!("/matters/{id}"), reload);
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
                        change.send("PUT", "summary", json!({ "text": text.get_untracked() }));
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

/// 民办: the owner, milestones, progress with photos, the request for acceptance and acceptance.
#[component]
fn CarryOut(matter: MatterView, id: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(format!("/matters/{id}"), reload);
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
            view! {
                <li>
                    <strong>{s.title.clone()}</strong>" · "
                    {match done {
                        Some(d) => view! { <span class="done">{move || fill(i18n.lang(), Msg::DoneOn, &[("date", &d)])}</span> }.into_any(),
                        None => view! { <span>{move || fill(i18n.lang(), Msg::DueOn, &[("date", &due)])}</span> }.into_any(),
                    }}
                    {(pending && can_report).then(|| view! {
                        " "
                        <button type="button" class="button secondary small" on:click=move |_| change.post(&format!("milestones/{position}/done"), json!({}))>
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
                .map(|ph| view! { <img src=api::photo_url(ph.as_str()) loading="lazy" alt="" /> })
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
    Some(view! {
        <section aria-labelledby="carry-heading">
            <h2 id="carry-heading">{i18n.text(Msg::CarryOutHeading)}</h2>
            {owner}
            <h3>{i18n.text(Msg::MilestonesHeading)}</h3>
            <ul class="milestones">{milestones}</ul>
            {manage.then(|| view! { <MilestoneForm change=change /> })}
            <h3>{i18n.text(Msg::ProgressHeading)}</h3>
            {no_progress.then(|| view! { <p class="empty">{i18n.text(Msg::NoProgress)}</p> })}
            <ul class="progress-list">{progress}</ul>
            {can_report.then(|| view! { <ProgressForm change=change /> })}
            {ready.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.post("ready", json!({}))>
                    {i18n.text(Msg::ReadyButton)}
                </button>
            })}
            {accept.then(|| view! { <AcceptanceForm change=change /> })}
            {change.view()}
        </section>
    })
}

#[component]
fn MilestoneForm(change: Change) -> impl IntoView {
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

#[component]
fn ProgressForm(change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let body = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<web_sys::File>::new());
    let uploading = RwSignal::new(false);
    let post = Action::new_local(move |text: &String| {
        let text = text.clone();
        let chosen = files.get_untracked();
        async move {
            let uploaded = photos::upload_showing(i18n.lang_untracked(), chosen, uploading).await;
            match uploaded {
                Ok(ids) => change.post("progress", json!({ "body": text, "photos": ids })),
                Err(e) => change.error.set(Some(e)),
            }
        }
    });
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            post.dispatch(body.get_untracked());
        }>
            <div class="field">
                <label for="progress-body">{i18n.text(Msg::ProgressLabel)}</label>
                <textarea id="progress-body" rows="3" bind:value=body></textarea>
            </div>
            <div class="field">
                <label for="progress-photos">{i18n.text(Msg::PhotosLabel)}</label>
                <input
                    id="progress-photos"
                    type="file"
                    accept="image/jpeg,image/png,image/webp,image/*"
                    multiple
                    on:change=move |ev| files.set(chosen_files(&ev))
                />
            </div>
            <button type="submit" class="button secondary">{i18n.text(Msg::PostProgress)}</button>
            {move || uploading.get().then(|| view! { <p class="loading" role="status">{i18n.text(Msg::UploadingPhotos)}</p> })}
        </form>
    }
}

#[component]
fn AcceptanceForm(change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    view! {
        <section aria-labelledby="accept-heading">
            <h3 id="accept-heading">{i18n.text(Msg::AcceptHeading)}</h3>
            <button type="button" class="button primary" on:click=move |_| change.post("acceptance", json!({ "accept": true }))>
                {i18n.text(Msg::AcceptButton)}
            </button>
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                change.post("acceptance", json!({ "accept": false, "reason": reason.get_untracked() }));
            }>
                <div class="field">
                    <label for="accept-reason">{i18n.text(Msg::RejectReason)}</label>
                    <textarea id="accept-reason" rows="2" bind:value=reason></textarea>
                </div>
                <button type="submit" class="button secondary">{i18n.text(Msg::RejectAcceptButton)}</button>
            </form>
        </section>
    }
}

/// 民评: the average and the distribution of stars, the reader's rating, and the comments.
#[component]
fn Evaluation(matter: MatterView, id: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    if m.step != Step::Evaluating && m.ratings.count == 0 {
        return None;
    }
    let change = Change::new(format!("/matters/{id}"), reload);
    let stars = RwSignal::new(0_u8);
    let comment = RwSignal::new(String::new());
    let r = m.ratings;
    let average = r.average_hundredths.map(|avg| {
        let (avg, count) = (stars_text(avg), r.count.to_string());
        move || {
            fill(
                i18n.lang(),
                Msg::RatingAverage,
                &[("avg", &avg), ("count", &count)],
            )
        }
    });
    let max = r.stars.iter().copied().max().unwrap_or(0).max(1);
    let bars = (1..=5_u8)
        .rev()
        .map(|n| {
            let count = r.stars.get(usize::from(n - 1)).copied().unwrap_or(0);
            let label = n.to_string();
            view! {
                <li>
                    <span class="bar-label">{move || fill(i18n.lang(), Msg::StarsN, &[("n", &label)])}</span>
                    <progress max=max value=count></progress>
                    <span class="bar-count">{count}</span>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let until = m.evaluation_ends_at.map(|t| {
        let t = local_datetime(&t);
        move || fill(i18n.lang(), Msg::EvaluationUntil, &[("time", &t)])
    });
    let mine = m.my_rating.clone().map(|mr| {
        let n = mr.stars.to_string();
        move || fill(i18n.lang(), Msg::MyRating, &[("n", &n)])
    });
    let comments = m
        .rating_comments
        .iter()
        .map(|c| {
            view! {
                <li>
                    <p>{"★".repeat(usize::from(c.stars))}" "{c.comment.clone()}</p>
                    <p class="hint">{c.author_name.clone()}" · "{local_datetime(&c.at)}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    Some(view! {
        <section aria-labelledby="rate-heading">
            <h2 id="rate-heading">{i18n.text(Msg::EvaluateHeading)}</h2>
            {until.map(|u| view! { <p class="hint">{u}</p> })}
            {match average {
                Some(a) => view! { <p class="outcome"><strong>{a}</strong></p> }.into_any(),
                None => view! { <p class="empty">{i18n.text(Msg::NoRatings)}</p> }.into_any(),
            }}
            <ul class="bars">{bars}</ul>
            {mine.map(|t| view! { <p>{t}</p> })}
            {m.may.rate.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.post("ratings", json!({ "stars": stars.get_untracked(), "comment": comment.get_untracked() }));
                }>
                    <fieldset class="field stars">
                        <legend>{i18n.text(Msg::StarsLabel)}</legend>
                        {(1..=5_u8)
                            .map(|n| {
                                let label = n.to_string();
                                view! {
                                    <label class="star-choice">
                                        <input type="radio" name="stars" value=n on:change=move |_| stars.set(n) />
                                        {move || fill(i18n.lang(), Msg::StarsN, &[("n", &label)])}
                                    </label>
                                }
                            })
                            .collect::<Vec<_>>()}
                    </fieldset>
                    <div class="field">
                        <label for="rating-comment">{i18n.text(Msg::RatingComment)}</label>
                        <textarea id="rating-comment" rows="2" bind:value=comment></textarea>
                    </div>
                    <button type="submit" class="button primary">{i18n.text(Msg::RateButton)}</button>
                </form>
            })}
            <ul class="comment-list">{comments}</ul>
            {change.view()}
        </section>
    })
}

/// 民议: comments with their stance, replies under what they answer, hidden ones with the reason.
#[component]
fn Discussion(matter: MatterView, id: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(format!("/matters/{id}"), reload);
    let stance = RwSignal::new(String::from("for"));
    let body = RwSignal::new(String::new());
    let reply_to = RwSignal::new(None::<(String, String)>);
    let facilitate = m.may.facilitate;
    let comments = m.comments.clone();
    let tops: Vec<CommentView> = comments
        .iter()
        .filter(|c| c.parent.is_none())
        .cloned()
        .collect();
    let empty = comments.is_empty();
    let render = move |c: CommentView, depth: &'static str| {
        view! { <CommentItem comment=c class=depth facilitate=facilitate change=change reply_to=reply_to may_reply=m.may.comment /> }
    };
    let threads = tops
        .into_iter()
        .map(|top| {
            let replies = comments
                .iter()
                .filter(|c| c.parent.as_ref() == Some(&top.id))
                .cloned()
                .map(|c| render(c, "comment reply"))
                .collect::<Vec<_>>();
            view! { {render(top, "comment")} {replies} }
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="discussion-heading">
            <h2 id="discussion-heading">{i18n.text(Msg::DiscussionHeading)}</h2>
            {empty.then(|| view! { <p class="empty">{i18n.text(Msg::NoComments)}</p> })}
            <ul class="comment-list">{threads}</ul>
            {m.may.comment.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    let parent = reply_to.get_untracked().map(|(id, _)| id);
                    change.post("comments", json!({ "stance": stance.get_untracked(), "body": body.get_untracked(), "parent": parent }));
                }>
                    {move || reply_to.get().map(|(_, name)| view! {
                        <p class="hint">
                            {fill(i18n.lang(), Msg::ReplyingTo, &[("name", &name)])}" "
                            <button type="button" class="button secondary small" on:click=move |_| reply_to.set(None)>{i18n.text(Msg::CancelReply)}</button>
                        </p>
                    })}
                    <div class="field">
                        <label for="comment-stance">{i18n.text(Msg::StanceLabel)}</label>
                        <select id="comment-stance" on:change=move |ev| stance.set(event_target_value(&ev))>
                            {Stance::ALL
                                .into_iter()
                                .map(|s| view! { <option value=s.as_str()>{i18n.text(stance_label(s))}</option> })
                                .collect::<Vec<_>>()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="comment-body">{i18n.text(Msg::CommentLabel)}</label>
                        <textarea id="comment-body" rows="3" bind:value=body></textarea>
                    </div>
                    <button type="submit" class="button primary">{i18n.text(Msg::CommentButton)}</button>
                </form>
            })}
            {change.view()}
        </section>
    }
}

#[component]
fn CommentItem(
    comment: CommentView,
    class: &'static str,
    facilitate: bool,
    change: Change,
    reply_to: RwSignal<Option<(String, String)>>,
    may_reply: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = comment;
    let hiding = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let id = c.id.to_string();
    let hidden = c.hidden.clone();
    let author = c.author_name.clone();
    let reply_target = (id.clone(), author.clone());
    view! {
        <li class=class>
            <p class="hint">
                <span class=format!("badge stance-{}", c.stance.as_str())>{i18n.text(stance_label(c.stance))}</span>
                " "{author}" · "{local_datetime(&c.at)}
            </p>
            {match hidden {
                Some(h) => view! { <p class="hidden-comment">{move || fill(i18n.lang(), Msg::HiddenComment, &[("reason", &h.reason)])}</p> }.into_any(),
                None => view! { <p class="matter-text">{c.body.clone()}</p> }.into_any(),
            }}
            <p class="button-row">
                {(may_reply && c.parent.is_none() && c.hidden.is_none()).then(|| view! {
                    <button type="button" class="button secondary small" on:click=move |_| reply_to.set(Some(reply_target.clone()))>
                        {i18n.text(Msg::ReplyButton)}
                    </button>
                })}
                {(facilitate && c.hidden.is_none()).then(|| view! {
                    <button type="button" class="button secondary small" on:click=move |_| hiding.set(true)>{i18n.text(Msg::HideButton)}</button>
                })}
            </p>
            {move || hiding.get().then(|| {
                let id = id.clone();
                view! {
                    <form class="inline-form" on:submit=move |ev| {
                        ev.prevent_default();
                        change.post(&format!("comments/{id}/hide"), json!({ "reason": reason.get_untracked() }));
                    }>
                        <label for=format!("hide-{}", c.id)>{i18n.text(Msg::HideReason)}</label>
                        <input id=format!("hide-{}", c.id) type="text" bind:value=reason />
                        <button type="submit" class="button secondary small">{i18n.text(Msg::HideButton)}</button>
                    </form>
                }
            })}
        </li>
    }
}

/// Every step, with its date and who acted.
#[component]
fn Timeline(matter: MatterView) -> impl IntoView {
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
