//! Meetings (议事会): the list on the home screen, calling one, the meeting on a phone with the chair's
//! console, the big screen, and the live state they all follow.

pub mod history;
pub mod live;
pub mod meeting_page;
#[cfg(feature = "office")]
pub mod new_meeting;
#[cfg(feature = "office")]
pub mod screen;

pub use history::MeetingsPage;
pub use meeting_page::{CheckInPage, MeetingPage};
#[cfg(feature = "office")]
pub use new_meeting::NewMeetingPage;
#[cfg(feature = "office")]
pub use screen::ScreenPage;

use leptos::prelude::*;
use yishi_core::meetings::MeetingState;

use crate::api;
use crate::i18n::{Msg, use_i18n};

pub(crate) fn state_label(state: MeetingState) -> Msg {
    match state {
        MeetingState::Scheduled => Msg::MeetingScheduled,
        MeetingState::Open => Msg::MeetingOpen,
        MeetingState::Closed => Msg::MeetingClosed,
    }
}

/// The meetings of the member's places that are coming or in session (nothing when there are none).
#[component]
pub fn UpcomingMeetings() -> impl IntoView {
    let i18n = use_i18n();
    let meetings = LocalResource::new(move || api::meetings(i18n.lang_untracked(), ""));
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let current: Vec<_> = meetings
                    .await
                    .map(|list| list.meetings.into_iter().filter(|m| m.state != MeetingState::Closed).collect())
                    .unwrap_or_default();
                (!current.is_empty())
                    .then(|| {
                        view! {
                            <section class="waiting-votes" aria-labelledby="meetings-heading">
                                <h2 id="meetings-heading">{i18n.text(Msg::MeetingsHeading)}</h2>
                                <ul class="member-list">
                                    {current
                                        .into_iter()
                                        .map(|m| {
                                            view! {
                                                <li class="member-card">
                                                    <a class="member-name" href=format!("/meetings/{}", m.id)>{m.title.clone()}</a>
                                                    <p class="hint">{m.scope_name.clone()}" · "{i18n.text(state_label(m.state))}</p>
                                                </li>
                                            }
                                        })
                                        .collect::<Vec<_>>()}
                                </ul>
                                <p><a href="/meetings">{i18n.text(Msg::AllMeetings)}</a></p>
                            </section>
                        }
                    })
            })}
        </Transition>
    }
}
