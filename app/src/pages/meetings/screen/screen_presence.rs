use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::meetings::Presence;
use yishi_core::votes::tally::Quorum;

use super::figure::Figure;
use super::meter::Meter;
use super::screen_buildings::ScreenBuildings;
use crate::i18n::{Msg, use_i18n};

/// Across the top of the wall: how many are present, big, on a bar with the line the quorum needs, core's
/// sentence of what that means (「到会 31 人，应到 62 人，还差 1 人达到法定人数（32 人）。」), and each
/// building's count under it. Counts, never names: the wall is read by the whole room.
#[component]
pub(super) fn ScreenPresence(live: RwSignal<MeetingLive>, quorum: Quorum) -> impl IntoView {
    let i18n = use_i18n();
    let presence = Memo::new(move |_| live.with(|l| Presence::new(quorum, l.present, l.eligible)));
    let sentence = Signal::derive(move || presence.get().sentence(i18n.lang()));
    let present = Signal::derive(move || presence.get().present);
    let eligible = Signal::derive(move || presence.get().eligible);
    view! {
        <section class="screen-gauge screen-band" aria-label=i18n.text(Msg::AttendanceHeading)>
            <Figure label=Msg::ScreenPresentFigure value=present of=eligible />
            <Meter value=present max=eligible label=sentence quorum=Signal::derive(move || presence.get().needed) />
            <p class="screen-presence" class:warn=move || !presence.get().met() aria-live="polite">{sentence}</p>
            <ScreenBuildings live=live />
        </section>
    }
}
