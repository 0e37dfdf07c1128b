use leptos::prelude::*;
use yishi_core::api::meetings::{MeetingLive, MeetingView};
use yishi_core::meetings::{ItemState, MeetingState, Presence, SpeakerState};

use crate::clock::{countdown, ticking};
use crate::components::{QrCode, Tally};
use crate::format::meeting_state_label;
use crate::i18n::{Msg, fill, use_i18n};
use crate::live::follow;

use super::screen_buildings::ScreenBuildings;

/// What the wall screen shows of the meeting, following it live.
#[component]
pub(super) fn WallScreen(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let id = meeting.id.to_string();
    let live = RwSignal::new(meeting.live.clone());
    let connected = RwSignal::new(true);
    follow(meeting.id.clone(), live, connected);
    let now = ticking();
    // Counts, never names: the wall screen is read by the whole room.
    let quorum = meeting.settings.procedure.quorum;
    let presence = Memo::new(move |_| live.with(|l| Presence::new(quorum, l.present, l.eligible)));
    let origin = window().location().origin().unwrap_or_default();
    let checkin = meeting
        .checkin_token
        .as_ref()
        .map(|token| format!("{origin}/meetings/{id}/checkin?token={token}"));
    let current_item = move || {
        live.with(|l: &MeetingLive| {
            l.items
                .iter()
                .find(|i| i.state == ItemState::Open)
                .map(|i| i.title.clone())
        })
    };
    view! {
        <header class="screen-head">
            <h1>{meeting.settings.title.clone()}</h1>
            <p class="screen-state">{move || i18n.t(meeting_state_label(live.with(|l| l.state)))}</p>
        </header>
        <div class="screen-body">
            <section class="screen-main" aria-live="polite">
                {move || current_item().map(|t| view! { <h2 class="screen-item">{t}</h2> })}
                {move || {
                    live.with(|l| l.motion.clone())
                        .map(|motion| {
                            let count = fill(i18n.lang(), Msg::MotionCount, &[("cast", &motion.participated.to_string()), ("voters", &motion.voters.to_string())]);
                            view! {
                                <div class="screen-motion">
                                    <h3>{motion.title.clone()}</h3>
                                    <p class="screen-count">{count}</p>
                                    <Tally motion=motion screen=true />
                                </div>
                            }
                        })
                }}
                {move || {
                    live.with(|l| l.speakers.iter().find(|s| s.state == SpeakerState::Speaking).cloned())
                        .map(|s| view! {
                            <p class="screen-speaker">
                                {i18n.text(Msg::Speaking)}"："{s.name.clone()}" "
                                <span class="countdown">{move || countdown(s.started_at, s.seconds, now.get()).unwrap_or_default()}</span>
                            </p>
                        })
                }}
            </section>
            <aside class="screen-side">
                <p class="screen-presence" class:warn=move || !presence.get().met()>
                    {move || presence.get().sentence(i18n.lang())}
                </p>
                <ScreenBuildings live=live />
                {move || {
                    (live.with(|l| l.state) == MeetingState::Open)
                        .then(|| checkin.clone())
                        .flatten()
                        .map(|url| view! {
                            <div class="screen-qr">
                                <QrCode text=url label=i18n.t(Msg::ScreenScan).to_owned() />
                                <p>{i18n.text(Msg::ScreenScan)}</p>
                            </div>
                        })
                }}
            </aside>
        </div>
    }
}
