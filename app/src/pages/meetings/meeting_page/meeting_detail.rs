use leptos::prelude::*;
use yishi_core::api::meetings::MeetingView;
use yishi_core::i18n::Term;
use yishi_core::meetings::MeetingState;

use super::agenda::Agenda;
use super::calendar_link::CalendarLink;
#[cfg(feature = "office")]
use super::chair_console::ChairConsole;
use super::meeting_act::MeetingAct;
use super::motion_view::MotionView;
use super::my_controls::MyControls;
use super::presence::Presence;
use super::record::Record;
use super::speakers::Speakers;
use crate::api::ApiError;
use crate::components::TermHelp;
use crate::format::{local_datetime, meeting_state_label};
use crate::i18n::{Msg, fill, use_i18n};
use crate::live::follow;

#[component]
pub(super) fn MeetingDetail(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let id = meeting.id.clone();
    let live = RwSignal::new(meeting.live.clone());
    let connected = RwSignal::new(true);
    if meeting.live.state != MeetingState::Closed {
        follow(id.clone(), live, connected);
    }
    let me = RwSignal::new(meeting.me.clone());
    let error = RwSignal::new(None::<ApiError>);
    // Every change answers with the meeting: take its live state and her part.
    let apply = Callback::new(move |answer: Result<MeetingView, ApiError>| match answer {
        Ok(view) => {
            me.set(view.me);
            if view.live.revision >= live.with_untracked(|l| l.revision) {
                live.set(view.live);
            }
        }
        Err(e) => {
            error.set(Some(e));
            crate::forms::reveal_error();
        }
    });
    let act = MeetingAct::new(apply, error);
    let console = meeting.chair && cfg!(feature = "office");
    let settings = meeting.settings.clone();
    let starts = local_datetime(&settings.starts_at);
    let place = settings.place.clone();
    let number = meeting.number.to_string();
    view! {
        <article class="meeting">
            <h1>{settings.title.clone()}</h1>
            <p class="record-number">{move || fill(i18n.lang(), Msg::MeetingNumbered, &[("n", &number)])}</p>
            <p class="hint">{meeting.scope_name.clone()}</p>
            <p class="hint">{move || fill(i18n.lang(), Msg::PlaceLine, &[("place", &place)])}</p>
            <p class="hint">{move || fill(i18n.lang(), Msg::StartsAt, &[("time", &starts)])}</p>
            <p><span class="badge">{move || i18n.t(meeting_state_label(live.with(|l| l.state)))}</span></p>
            <p class="terms"><TermHelp term=Term::Council /></p>
            {(meeting.live.state != MeetingState::Closed).then(|| view! { <CalendarLink id=id.clone() /> })}
            {move || (!connected.get() && live.with(|l| l.state) == MeetingState::Open).then(|| view! { <p class="hint" role="status">{i18n.text(Msg::LiveLost)}</p> })}
            <Presence live=live quorum=settings.procedure.quorum />
            <MyControls id=id.clone() live=live me=me act=act checkin_token=meeting.checkin_token.clone() />
            <MotionView live=live me=me />
            <Agenda live=live />
            <Speakers live=live />
            // The chair's console says its errors beside its own actions, not up here.
            {move || (!console).then(|| error.get()).flatten().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            {(meeting.live.state == MeetingState::Closed).then(|| view! { <Record meeting=meeting.clone() /> })}
            {meeting.chair.then(|| crate::office_part!(view! { <ChairConsole meeting=meeting.clone() live=live act=act /> }))}
        </article>
    }
}
