use leptos::prelude::*;
use yishi_core::api::meetings::{CheckInRequest, MeetingLive};
use yishi_core::api::members::OnBehalfRequest;

use crate::api;
use crate::components::{ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn ChairAttendance(
    id: String,
    live: RwSignal<MeetingLive>,
    post: impl Fn(String, serde_json::Value) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let people = LocalResource::new(move || {
        // Fetched again whenever presence changes.
        live.with(|l| l.present);
        let id = id.clone();
        async move { api::meeting_attendance(i18n.lang_untracked(), &id).await }
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
                                                    post("attendance".into(), serde_json::to_value(&req).unwrap_or_default());
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
