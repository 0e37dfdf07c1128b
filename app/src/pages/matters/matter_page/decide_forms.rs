use chrono::Duration;
use leptos::prelude::*;
use yishi_core::api::matters::{AgendaRequest, BallotRequest};
use yishi_core::api::meetings::MeetingListResponse;
use yishi_core::api::routes::{ListMeetings, MatterAgenda, MatterBallot};
use yishi_core::ids::MatterId;
use yishi_core::meetings::MeetingState;
use yishi_core::votes::electorate::{ElectorateRule, HouseholdCaster};
use yishi_core::votes::poll::{PollSettings, ResultsShown, Secrecy};
use yishi_core::votes::tally::{Method, Quorum, Rules, Threshold, TieBreak};

use crate::api;
use crate::changes::Change;
use crate::components::{ThresholdOptions, parse_threshold};
use crate::format::{local_datetime, now};
use crate::i18n::{Msg, use_i18n};

/// Putting a matter on the council's list to a decision: an online yes/no vote, or a meeting's agenda.
#[component]
pub(super) fn DecideForms(id: MatterId, title: String, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let (ballot_endpoint, agenda) = (MatterBallot { id: id.clone() }, MatterAgenda { id });
    let days = RwSignal::new(String::from("7"));
    let electorate = RwSignal::new(String::from("residents"));
    let threshold = RwSignal::new(String::from("simple"));
    let meeting = RwSignal::new(String::new());
    let meetings = LocalResource::new(move || async move {
        api::get(i18n.lang_untracked(), &ListMeetings {})
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
        change.send(&ballot_endpoint, &BallotRequest { settings });
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
            change.send(&agenda, &AgendaRequest { meeting: meeting.get_untracked() });
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
