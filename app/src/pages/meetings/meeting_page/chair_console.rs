use leptos::prelude::*;
use yishi_core::api::meetings::{MeetingLive, MeetingView};
use yishi_core::api::routes::OpenMeeting;
use yishi_core::meetings::MeetingState;

use super::chair_agenda::ChairAgenda;
use super::chair_attendance::ChairAttendance;
use super::chair_danger::ChairDanger;
use super::chair_floor::ChairFloor;
use super::chair_motion::ChairMotion;
use super::meeting_act::MeetingAct;
use super::minutes::Minutes;
use crate::components::QrCode;
use crate::i18n::{Msg, use_i18n};

/// The chair's console, in the order a meeting runs: open it; check people in (search by name,
/// building or flat, counts per building) with the room's code beside; the agenda, the floor and
/// motions; and last, apart and marked, what ends things (closing a vote, ending the meeting), each
/// confirmed first. After the meeting, the minutes.
#[component]
pub(super) fn ChairConsole(
    meeting: MeetingView,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let act = act.clearing();
    let error = act.error();
    let alert = move || {
        error
            .get()
            .map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })
    };
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
            <p><a class="link-target" href=screen target="_blank">{i18n.text(Msg::ScreenLink)}</a></p>
            {move || (state() == MeetingState::Scheduled).then(|| view! {
                <button type="button" class="button primary" on:click=move |_| act.send(&OpenMeeting { id: id.get_value() }, &())>{i18n.text(Msg::OpenMeeting)}</button>
                {alert}
            })}
            {move || (state() == MeetingState::Open).then(|| view! {
                <ChairAttendance id=id.get_value() live=live act=act />
                {checkin.clone().map(|url| view! {
                    <div class="checkin-qr">
                        <QrCode text=url.clone() label=i18n.t(Msg::ScreenScan).to_owned() />
                        <p><a class="link-target" href=url>{i18n.text(Msg::CheckInLink)}</a></p>
                    </div>
                })}
                <ChairAgenda id=id.get_value() live=live act=act />
                <ChairFloor id=id.get_value() live=live act=act />
                <ChairMotion id=id.get_value() live=live act=act />
                {alert}
                <ChairDanger id=id.get_value() live=live act=act />
            })}
            {move || (state() == MeetingState::Closed).then(|| view! { <Minutes id=meeting.id.clone() /> })}
        </section>
    }
}
