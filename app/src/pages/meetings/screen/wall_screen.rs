use leptos::prelude::*;
use yishi_core::api::meetings::{MeetingLive, MeetingView};
use yishi_core::meetings::{ItemState, MeetingState, SpeakerState};

use crate::clock::{countdown, ticking};
use crate::components::QrCode;
use crate::format::meeting_state_label;
use crate::i18n::{Msg, use_i18n};
use crate::live::follow;

use super::screen_motion::ScreenMotion;
use super::screen_presence::ScreenPresence;

/// What the wall screen shows of the meeting, following it live.
#[component]
pub(super) fn WallScreen(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let id = meeting.id.to_string();
    let live = RwSignal::new(meeting.live.clone());
    let connected = RwSignal::new(true);
    follow(meeting.id.clone(), live, connected);
    let now = ticking();
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
    // The motion's part is drawn again only when another motion is put.
    let motion = Memo::new(move |_| live.with(|l| l.motion.as_ref().map(|m| m.vote.clone())));
    view! {
        <header class="screen-head">
            <h1>{meeting.settings.title.clone()}</h1>
            <p class="screen-state">{move || i18n.t(meeting_state_label(live.with(|l| l.state)))}</p>
        </header>
        <ScreenPresence live=live quorum=meeting.settings.procedure.quorum />
        <div class="screen-body">
            <section class="screen-main" aria-live="polite">
                {move || current_item().map(|t| view! { <h2 class="screen-item">{t}</h2> })}
                {move || motion.get().map(|_| view! { <ScreenMotion live=live /> })}
            </section>
            <aside class="screen-side">
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
                // Who has the floor is said when it changes; the countdown's ticks are not.
                <div aria-live="polite">
                    {move || {
                        live.with(|l| l.speakers.iter().find(|s| s.state == SpeakerState::Speaking).cloned())
                            .map(|s| view! {
                                <p class="screen-speaker">
                                    {i18n.text(Msg::Speaking)}"："{s.name.clone()}" "
                                    <span class="countdown" aria-live="off">{move || countdown(s.started_at, s.seconds, now.get()).unwrap_or_default()}</span>
                                </p>
                            })
                    }}
                </div>
            </aside>
        </div>
    }
}
