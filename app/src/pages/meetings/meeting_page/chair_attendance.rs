use leptos::prelude::*;
use yishi_core::api::meetings::{CheckInRequest, MeetingLive};
use yishi_core::api::members::OnBehalfRequest;
use yishi_core::api::routes::{Attendance, CheckIn};
use yishi_core::ids::MeetingId;

use super::meeting_act::MeetingAct;
use crate::api;
use crate::components::{ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

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
    let reason = RwSignal::new(String::new());
    view! {
        <h3>{i18n.text(Msg::AttendanceHeading)}</h3>
        <div class="field">
            <label for="checkin-reason">{i18n.text(Msg::CheckInReason)}</label>
            <input id="checkin-reason" type="text" bind:value=reason />
        </div>
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match people.await {
                    Ok(list) => view! {
                        <ul class="member-list">
                            {list
                                .people
                                .into_iter()
                                .map(|p| {
                                    let member_id = p.member_id.clone();
                                    view! {
                                        <li class="member-card">
                                            {p.name.clone()}" "
                                            <span class="badge" class:warn=!p.present>{i18n.text(if p.present { Msg::Present } else { Msg::Absent })}</span>
                                            {(!p.present).then(|| view! {
                                                <button type="button" class="button secondary small" on:click=move |_| {
                                                    let req = CheckInRequest {
                                                        token: None,
                                                        on_behalf: Some(OnBehalfRequest { member_id: member_id.clone(), reason: reason.get_untracked() }),
                                                    };
                                                    act.send(&CheckIn { id: id.get_value() }, &req);
                                                }>{i18n.text(Msg::CheckInOnBehalf)}</button>
                                            })}
                                        </li>
                                    }
                                })
                                .collect::<Vec<_>>()}
                        </ul>
                    }
                        .into_any(),
                    Err(e) => view! { <ErrorView error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}
