use leptos::prelude::*;
use yishi_core::api::meetings::MeetingView;

use crate::components::Tally;
use crate::i18n::{Msg, use_i18n};

/// A past meeting's record: every motion with its result, and the published minutes.
#[component]
pub(super) fn Record(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let minutes = (!meeting.chair)
        .then_some(meeting.minutes.clone())
        .flatten();
    view! {
        {(!meeting.motions.is_empty()).then(|| view! {
            <section aria-labelledby="motions-heading">
                <h2 id="motions-heading">{i18n.text(Msg::MotionsHeading)}</h2>
                <ul class="member-list">
                    {meeting
                        .motions
                        .iter()
                        .map(|motion| {
                            view! {
                                <li class="member-card">
                                    <p class="member-name">{motion.title.clone()}</p>
                                    <Tally motion=motion.clone() />
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ul>
            </section>
        })}
        {minutes.map(|text| view! {
            <section aria-labelledby="record-minutes-heading">
                <h2 id="record-minutes-heading">{i18n.text(Msg::MinutesHeading)}</h2>
                <p class="notice-body">{text}</p>
            </section>
        })}
    }
}
