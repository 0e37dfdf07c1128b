use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::api::routes::{CloseMeeting, CloseMotion};
use yishi_core::api::votes::VoteState;
use yishi_core::ids::MeetingId;

use super::meeting_act::MeetingAct;
use crate::i18n::{Msg, fill, use_i18n};

/// Which ending the chair asked for, waiting for her to confirm it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Asked {
    CloseMotion,
    EndMeeting,
}

/// The end of the console, apart and marked: closing the vote on the open motion and ending the
/// meeting. A first tap only asks, saying in plain words what will happen; the second does it.
#[component]
pub(super) fn ChairDanger(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let asked = RwSignal::new(None::<Asked>);
    let open_motion = Memo::new(move |_| {
        live.with(|l| {
            l.motion
                .as_ref()
                .filter(|m| m.state == VoteState::Open)
                .map(|m| (m.vote.clone(), m.title.clone()))
        })
    });
    // A motion closed elsewhere (by its time, or on another device) takes its question away.
    Effect::new(move |_| {
        if open_motion.get().is_none() && asked.get_untracked() == Some(Asked::CloseMotion) {
            asked.set(None);
        }
    });
    let confirm = move |text: String, yes: Msg, on_yes: Box<dyn Fn()>| {
        view! {
            <div class="confirm" role="group" aria-labelledby="confirm-text">
                <p id="confirm-text">{text}</p>
                <div class="button-row">
                    <button type="button" class="button danger" on:click=move |_| {
                        asked.set(None);
                        on_yes();
                    }>{i18n.text(yes)}</button>
                    <button type="button" class="button secondary" on:click=move |_| asked.set(None)>{i18n.text(Msg::NotYet)}</button>
                </div>
            </div>
        }
    };
    view! {
        <section class="danger-zone" aria-labelledby="danger-heading">
            <h3 id="danger-heading">{i18n.text(Msg::DangerHeading)}</h3>
            <p class="hint">{i18n.text(Msg::DangerIntro)}</p>
            {move || open_motion.get().map(|(vote, title)| {
                if asked.get() == Some(Asked::CloseMotion) {
                    let (cast, voters) = live.with_untracked(|l| {
                        l.motion.as_ref().map(|m| (m.participated.to_string(), m.voters.to_string())).unwrap_or_default()
                    });
                    let text = fill(i18n.lang(), Msg::CloseMotionAsk, &[("title", &title), ("cast", &cast), ("voters", &voters)]);
                    let close = CloseMotion { id: id.get_value(), vote };
                    confirm(text, Msg::ConfirmCloseMotion, Box::new(move || act.send(&close, &()))).into_any()
                } else {
                    view! {
                        <button type="button" class="button danger-outline"
                            on:click=move |_| asked.set(Some(Asked::CloseMotion))>{i18n.text(Msg::CloseMotionButton)}</button>
                    }.into_any()
                }
            })}
            {move || if asked.get() == Some(Asked::EndMeeting) {
                let text = i18n.t(Msg::EndMeetingAsk).to_owned();
                confirm(text, Msg::ConfirmEndMeeting, Box::new(move || act.send(&CloseMeeting { id: id.get_value() }, &()))).into_any()
            } else {
                view! {
                    <button type="button" class="button danger-outline"
                        on:click=move |_| asked.set(Some(Asked::EndMeeting))>{i18n.text(Msg::CloseMeeting)}</button>
                }.into_any()
            }}
        </section>
    }
}
