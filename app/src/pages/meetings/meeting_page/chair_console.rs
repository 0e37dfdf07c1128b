use leptos::prelude::*;
use yishi_core::api::meetings::{MeetingLive, MeetingView};
use yishi_core::api::routes::{CloseMeeting, OpenMeeting};
use yishi_core::meetings::MeetingState;

use super::chair_agenda::ChairAgenda;
use super::chair_attendance::ChairAttendance;
use super::chair_floor::ChairFloor;
use super::chair_motion::ChairMotion;
use super::meeting_act::MeetingAct;
use super::minutes::Minutes;
use crate::components::QrCode;
use crate::i18n::{Msg, use_i18n};

/// The chair's console: open and close the meeting, the agenda, check-in by hand, the floor, motions,
/// and after the meeting the minutes.
#[component]
pub(super) fn ChairConsole(
    meeting: MeetingView,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let act = act.clearing();
    let id = StoredValue::new(meeting.id.clone());
    // Redrawn only when the meeting's state changes, not with every live update.
    let state = Memo::new(move |_| live.with(|l| l.state));
    let state = move || state.get();
    let screen = format!("/meetings/{}/screen", meeting.id);
    // The check-in link: the QR code of the room, also fit to share in the building's chat group.
    let origin = window().location().origin().unwrap_or_default();
    let checkin = meeting
        .checkin_token
        .as_ref()
        .map(|token| format!("{origin}/meetings/{}/checkin?token={token}", meeting.id));
    view! {
        <section class="chair" aria-labelledby="chair-heading">
            <h2 id="chair-heading">{i18n.text(Msg::ChairHeading)}</h2>
            <p><a href=screen target="_blank">{i18n.text(Msg::ScreenLink)}</a></p>
            {move || (state() == MeetingState::Open).then(|| checkin.clone()).flatten().map(|url| view! {
                <div class="checkin-qr">
                    <QrCode text=url.clone() label=i18n.t(Msg::ScreenScan).to_owned() />
                    <p><a href=url>{i18n.text(Msg::CheckInLink)}</a></p>
                </div>
            })}
            {move || match state() {
                MeetingState::Scheduled => view! {
                    <button type="button" class="button primary" on:click=move |_| act.send(&OpenMeeting { id: id.get_value() }, &())>{i18n.text(Msg::OpenMeeting)}</button>
                }.into_any(),
                MeetingState::Open => view! {
                    <button type="button" class="button secondary" on:click=move |_| act.send(&CloseMeeting { id: id.get_value() }, &())>{i18n.text(Msg::CloseMeeting)}</button>
                }.into_any(),
                MeetingState::Closed => ().into_any(),
            }}
            {move || (state() == MeetingState::Open).then(|| view! {
                <ChairAgenda id=id.get_value() live=live act=act />
                <ChairFloor id=id.get_value() live=live act=act />
                <ChairMotion id=id.get_value() live=live act=act />
                <ChairAttendance id=id.get_value() live=live act=act />
            })}
            {move || (state() == MeetingState::Closed).then(|| view! { <Minutes id=meeting.id.clone() /> })}
        </section>
    }
}
