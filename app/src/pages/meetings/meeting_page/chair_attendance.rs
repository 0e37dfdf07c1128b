use leptos::prelude::*;
use yishi_core::api::meetings::{Attendee, MeetingLive};
use yishi_core::api::routes::Attendance;
use yishi_core::i18n::Term;
use yishi_core::ids::MeetingId;
use yishi_core::meetings::roster::{by_building, search};

use super::chair_buildings::ChairBuildings;
use super::chair_person::{ChairPerson, Feedback};
use super::meeting_act::MeetingAct;
use crate::api;
use crate::components::{ErrorView, TermHelp};
use crate::i18n::{Msg, fill, use_i18n};

/// Check-in for a room of sixty: a few characters of a name, building or flat find the person, one tap
/// checks her in, and the line itself says so (with an undo while the domain allows it). The count
/// per building sits below, each building a tap that lists its people.
#[component]
pub(super) fn ChairAttendance(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let people = LocalResource::new(move || {
        // Fetched again whenever presence changes.
        live.with(|l| l.present);
        let endpoint = Attendance { id: id.get_value() };
        async move { api::get(i18n.lang_untracked(), &endpoint).await }
    });
    // The last list read, kept while the next one loads, so that the lines do not blink away under
    // the finger after each tap.
    let roster = RwSignal::new(Vec::<Attendee>::new());
    let error = RwSignal::new(None::<api::ApiError>);
    Effect::new(move |_| {
        if let Some(answer) = people.get() {
            match answer {
                Ok(list) => {
                    roster.set(list.people);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let query = RwSignal::new(String::new());
    let reason = RwSignal::new(i18n.t(Msg::DefaultCheckInReason).to_owned());
    let feedback = RwSignal::new(None::<Feedback>);
    let found = Memo::new(move |_| {
        let q = query.get();
        roster.with(|people| {
            let (shown, more) = search(people, &q);
            (shown.into_iter().cloned().collect::<Vec<_>>(), more)
        })
    });
    let counts = Memo::new(move |_| roster.with(|people| by_building(people)));
    view! {
        <section class="check-in" aria-labelledby="check-in-heading">
            <h3 id="check-in-heading">{i18n.text(Msg::CheckInHeading)}</h3>
            <div class="field">
                <label for="check-in-search">{i18n.text(Msg::CheckInSearch)}</label>
                <p class="hint" id="check-in-search-hint">{i18n.text(Msg::CheckInSearchHint)}</p>
                <input id="check-in-search" type="search" autocomplete="off" enterkeyhint="search"
                    aria-describedby="check-in-search-hint" aria-controls="check-in-found" bind:value=query />
            </div>
            {move || error.get().map(|e| view! { <ErrorView error=e on_retry=move |()| people.refetch() /> })}
            <ul class="member-list roster" id="check-in-found">
                {move || {
                    let (shown, _) = found.get();
                    shown
                        .into_iter()
                        .map(|person| view! { <ChairPerson id=id.get_value() person=person act=act reason=reason feedback=feedback /> })
                        .collect::<Vec<_>>()
                }}
            </ul>
            {move || {
                let (shown, more) = found.get();
                let q = query.get();
                if more > 0 {
                    Some(view! { <p class="hint">{fill(i18n.lang(), Msg::MoreMatches, &[("n", &more.to_string())])}</p> }.into_any())
                } else if shown.is_empty() && !q.trim().is_empty() && !roster.with(Vec::is_empty) {
                    Some(view! { <p class="hint">{fill(i18n.lang(), Msg::NoMatch, &[("q", q.trim())])}</p> }.into_any())
                } else {
                    None
                }
            }}
            <ChairBuildings counts=counts query=query />
            <div class="field">
                <label for="checkin-reason">{i18n.text(Msg::CheckInReason)}</label>
                <p class="hint" id="checkin-reason-hint">{i18n.text(Msg::CheckInReasonHint)}</p>
                <p class="terms"><TermHelp term=Term::OnBehalf /></p>
                <input id="checkin-reason" type="text" aria-describedby="checkin-reason-hint" bind:value=reason />
            </div>
        </section>
    }
}
