mod agenda;
mod calendar_link;
#[cfg(feature = "office")]
mod chair_agenda;
#[cfg(feature = "office")]
mod chair_attendance;
#[cfg(feature = "office")]
mod chair_buildings;
#[cfg(feature = "office")]
mod chair_console;
#[cfg(feature = "office")]
mod chair_danger;
#[cfg(feature = "office")]
mod chair_floor;
#[cfg(feature = "office")]
mod chair_motion;
#[cfg(feature = "office")]
mod chair_person;
mod meeting_act;
mod meeting_detail;
#[cfg(feature = "office")]
mod minutes;
#[cfg(feature = "office")]
mod minutes_editor;
mod motion_view;
mod my_controls;
mod presence;
mod record;
mod speakers;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetMeeting;
use yishi_core::ids::MeetingId;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use meeting_detail::MeetingDetail;

/// `/meetings/:id`: the meeting on a phone: presence and quorum, the agenda, checking in and out, asking
/// to speak, voting on the motion put; for the chair, the console; after it, the minutes.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let meeting = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(MeetingId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetMeeting { id }).await
        }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MeetingsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/votes">{i18n.text(Msg::BackToVotes)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match meeting.await {
                        Ok(answer) => view! { <MeetingDetail meeting=answer.meeting /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| meeting.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
