use leptos::prelude::*;
use yishi_core::api::endpoint::Token;
use yishi_core::api::meetings::{CheckInRequest, LeaveRequest, MeetingLive, MyPart, SpeakerUpdate};
use yishi_core::api::routes::{CheckIn, Leave, RequestToSpeak, UpdateSpeaker};
use yishi_core::ids::MeetingId;
use yishi_core::meetings::MeetingState;
use yishi_core::meetings::SpeakerState;

use super::meeting_act::MeetingAct;
use crate::i18n::{Msg, use_i18n};

/// Her own controls: check in (the QR code leads here too; the chair, who holds the room's code, checks
/// herself in with one tap), leave, ask to speak or withdraw.
#[component]
pub(super) fn MyControls(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    me: RwSignal<MyPart>,
    act: MeetingAct,
    /// The room's code, which only the chair's view carries.
    checkin_token: Option<String>,
) -> impl IntoView {
    let token = StoredValue::new(checkin_token);
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let open = Memo::new(move |_| live.with(|l| l.state) == MeetingState::Open);
    let open = move || open.get();
    view! {
        {move || {
            let part = me.get();
            if !part.invited {
                return view! { <p class="hint">{i18n.text(Msg::NotInvitedNote)}</p> }.into_any();
            }
            if !open() {
                return ().into_any();
            }
            if !part.present {
                return match token.get_value() {
                    Some(token) => view! {
                        <p class="hint">{i18n.text(Msg::ChairOnList)}</p>
                        <div class="actions">
                            <button type="button" class="button primary" on:click=move |_| {
                                let req = CheckInRequest { token: Some(token.clone()), on_behalf: None };
                                act.send(&CheckIn { id: id.get_value() }, &req);
                            }>{i18n.text(Msg::SelfCheckIn)}</button>
                        </div>
                    }.into_any(),
                    None => view! { <p class="hint">{i18n.text(Msg::ScanToCheckIn)}</p> }.into_any(),
                };
            }
            let speaker = part.speaker.clone();
            view! {
                <p role="status">{i18n.text(Msg::YouAreIn)}</p>
                <div class="actions">
                    {match speaker {
                        None => view! {
                            <button type="button" class="button primary" on:click=move |_| {
                                act.send(&RequestToSpeak { id: id.get_value() }, &());
                            }>{i18n.text(Msg::RequestToSpeak)}</button>
                        }.into_any(),
                        Some(speaker) => view! {
                            <p>{i18n.text(Msg::WaitingToSpeak)}</p>
                            <button type="button" class="button secondary" on:click=move |_| {
                                let withdraw = UpdateSpeaker { id: id.get_value(), speaker: Token::from_trusted(speaker.clone()) };
                                act.send(&withdraw, &SpeakerUpdate { state: SpeakerState::Withdrawn, seconds: None });
                            }>{i18n.text(Msg::Withdraw)}</button>
                        }.into_any(),
                    }}
                    <button type="button" class="button secondary" on:click=move |_| {
                        act.send(&Leave { id: id.get_value() }, &LeaveRequest::default());
                    }>{i18n.text(Msg::LeaveButton)}</button>
                </div>
            }
                .into_any()
        }}
    }
}
