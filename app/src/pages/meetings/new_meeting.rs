use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use yishi_core::DomainError;
use yishi_core::api::meetings::CreateMeetingRequest;
use yishi_core::api::routes::CreateMeeting;
use yishi_core::error::Field;
use yishi_core::meetings::{MeetingSettings, Procedure, check_start};
use yishi_core::votes::electorate::{ElectorateRule, HouseholdCaster};
use yishi_core::votes::tally::{Quorum, Threshold};

use crate::api;
use crate::components::scope_select::parse_scope;
use crate::components::{
    AppShell, DocumentTitle, FormAlert, ScopeSelect, Start, StartChoice, TextField,
    ThresholdOptions, parse_threshold,
};
use crate::format::now;
use crate::forms::{FormError, Named};
use crate::i18n::{Msg, use_i18n};

/// `/meetings/new`: a meeting of a place's residents, households or representatives, with its place,
/// time, rules of procedure and agenda.
#[component]
pub fn NewMeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let start = Start::new();
    let scope = RwSignal::new(String::new());
    let electorate = RwSignal::new(String::from("residents"));
    let quorum = RwSignal::new(String::from("0"));
    let threshold = RwSignal::new(String::from("simple"));
    let agenda = RwSignal::new(String::new());
    let errors = FormError::new(&[
        ("title", "meeting-title"),
        ("starts_at", "meeting-starts-at"),
        ("place", "meeting-place"),
        ("scope", "meeting-scope"),
        ("agenda", "meeting-agenda"),
        ("quorum", "meeting-quorum"),
    ])
    .with_names(&[
        ("place", Named::Typed(Msg::MeetingPlaceWord)),
        ("scope", Named::Chosen(Msg::MeetingAudienceWord)),
    ]);
    let create = Action::new_local(move |req: &CreateMeetingRequest| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            match api::send(i18n.lang_untracked(), &CreateMeeting {}, &req).await {
                Ok(answer) => navigate(
                    &format!("/meetings/{}", answer.meeting.id),
                    Default::default(),
                ),
                Err(e) => errors.set(e),
            }
        }
    });
    let pending = create.pending();
    let on_submit = errors.on_submit(create, move || {
        let scope = parse_scope(&scope.get_untracked()).ok_or(DomainError::Required {
            field: Field::Scope,
        })?;
        let starts = match start.chosen(Field::StartsAt)? {
            Some(at) => {
                check_start(at, now())?;
                at
            }
            None => now(),
        };
        let percent: u8 = quorum
            .get_untracked()
            .trim()
            .parse()
            .ok()
            .filter(|p| *p <= 100)
            .ok_or(DomainError::OutOfRange {
                field: Field::Quorum,
                min: 0,
                max: 100,
            })?;
        let settings = MeetingSettings {
            title: title.get_untracked(),
            place: place.get_untracked(),
            starts_at: starts,
            electorate: match electorate.get_untracked().as_str() {
                "households" => ElectorateRule::Households {
                    cast_by: HouseholdCaster::Representative,
                },
                "council" => ElectorateRule::CouncilMembers,
                _ => ElectorateRule::Residents,
            },
            procedure: Procedure {
                quorum: if percent == 0 {
                    Quorum::None
                } else {
                    Quorum::PresentPercent { percent }
                },
                threshold: parse_threshold(&threshold.get_untracked())
                    .unwrap_or(Threshold::SimpleMajority),
                count_abstentions: false,
            },
            agenda: agenda
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        }
        .validate()?;
        Ok(CreateMeetingRequest { scope, settings })
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NewMeetingHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/votes">{i18n.text(Msg::BackToVotes)}</a>
            </p>
            <h1>{i18n.text(Msg::NewMeetingHeading)}</h1>
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="meeting-title" label=Msg::MeetingTitle value=title error=errors.field("title") />
                <TextField id="meeting-place" label=Msg::MeetingPlace value=place error=errors.field("place") />
                <StartChoice start=start name="meeting-start" legend=Msg::MeetingStartLegend id="meeting-starts-at" label=Msg::MeetingStartsAtLabel
                    error=errors.field("starts_at") />
                <ScopeSelect id="meeting-scope" label=Msg::MeetingAudience value=scope error=errors.field("scope") />
                <div class="field">
                    <label for="meeting-electorate">{i18n.text(Msg::Invited)}</label>
                    <select id="meeting-electorate" bind:value=electorate>
                        <option value="residents">{i18n.text(Msg::ElectorateResidents)}</option>
                        <option value="households">{i18n.text(Msg::ElectorateHouseholds)}</option>
                        <option value="council">{i18n.text(Msg::ElectorateCouncil)}</option>
                    </select>
                </div>
                <TextField id="meeting-quorum" label=Msg::MeetingQuorum value=quorum kind="number" inputmode="numeric" error=errors.field("quorum") />
                <div class="field">
                    <label for="meeting-threshold">{i18n.text(Msg::ThresholdLabel)}</label>
                    <select id="meeting-threshold" bind:value=threshold>
                        <ThresholdOptions />
                    </select>
                </div>
                <div class="field">
                    <label for="meeting-agenda">{i18n.text(Msg::AgendaLabel)}</label>
                    <textarea id="meeting-agenda" rows="4" bind:value=agenda
                        aria-invalid=move || errors.field("agenda").with(Option::is_some).then_some("true")></textarea>
                    {move || errors.field("agenda").get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
                <FormAlert id="meeting-error" message=errors.general() />
                <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                    {move || i18n.t(if pending.get() { Msg::Working } else { Msg::CallMeetingButton })}
                </button>
            </form>
        </AppShell>
    }
}
