use leptos::prelude::*;
use yishi_core::api::routes::ListMeetings;
use yishi_core::meetings::MeetingState;

use crate::api;
use crate::format::meeting_state_label;
use crate::i18n::{Msg, use_i18n};

/// The meetings of the member's places that are coming or in session (nothing when there are none).
#[component]
pub fn UpcomingMeetings() -> impl IntoView {
    let i18n = use_i18n();
    let meetings = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListMeetings {}));
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
                                                    <p class="hint">{m.scope_name.clone()}" · "{i18n.text(meeting_state_label(m.state))}</p>
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
