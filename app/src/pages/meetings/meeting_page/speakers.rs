use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::meetings::SpeakerState;

use crate::clock::{countdown, ticking};
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn Speakers(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    let now = ticking();
    view! {
        {move || {
            let speakers = live.with(|l| l.speakers.clone());
            (!speakers.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="speakers-heading">
                            <h2 id="speakers-heading">{i18n.text(Msg::SpeakersHeading)}</h2>
                            <ul class="member-list">
                                {speakers
                                    .into_iter()
                                    .map(|s| {
                                        let speaking = s.state == SpeakerState::Speaking;
                                        view! {
                                            <li class="member-card" class:current=speaking>
                                                {s.name.clone()}" "
                                                <span class="badge">{i18n.text(if speaking { Msg::Speaking } else { Msg::Waiting })}</span>
                                                {speaking.then(|| {
                                                    view! {
                                                        <span class="countdown">
                                                            {move || countdown(s.started_at, s.seconds, now.get()).map(|t| fill(i18n.lang(), Msg::TimeLeft, &[("time", &t)]))}
                                                        </span>
                                                    }
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect::<Vec<_>>()}
                            </ul>
                        </section>
                    }
                })
        }}
    }
}
