use leptos::html;
use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::api::routes::{CloseMeeting, CloseMotion};
use yishi_core::api::votes::VoteState;
use yishi_core::ids::MeetingId;

use super::meeting_act::MeetingAct;
use crate::forms::focus_here;
use crate::i18n::{Msg, fill, use_i18n};

/// Which ending the chair asked for, waiting for her to confirm it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Asked {
    CloseMotion,
    EndMeeting,
}

/// The end of the console, apart and marked: closing the vote on the open motion and ending the
/// meeting. A first tap only asks, saying in plain words what will happen; the second does it. The
/// question takes the focus as it appears (a screen reader reads it, and it is scrolled into view);
/// 「先不结束」 or Escape puts it away and gives the focus back to the button that asked.
#[component]
pub(super) fn ChairDanger(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let asked = RwSignal::new(None::<Asked>);
    // The question just put away, whose button takes the focus back when drawn again.
    let back = StoredValue::new(None::<Asked>);
    let not_yet = move || {
        back.set_value(asked.get_untracked());
        asked.set(None);
    };
    let ask_button = move |which: Asked, label: Msg| {
        let button = NodeRef::<html::Button>::new();
        button.on_load(move |el| {
            if back.get_value() == Some(which) {
                back.set_value(None);
                focus_here(&el);
            }
        });
        view! {
            <button type="button" class="button danger-outline" node_ref=button
                on:click=move |_| asked.set(Some(which))>{i18n.text(label)}</button>
        }
    };
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
        let group = NodeRef::<html::Div>::new();
        group.on_load(|el| focus_here(&el));
        view! {
            <div class="confirm" role="group" aria-labelledby="confirm-text" tabindex="-1" node_ref=group
                on:keydown=move |ev| if ev.key() == "Escape" { not_yet() }>
                <p id="confirm-text">{text}</p>
                <div class="button-row">
                    <button type="button" class="button danger" on:click=move |_| {
                        asked.set(None);
                        on_yes();
                    }>{i18n.text(yes)}</button>
                    <button type="button" class="button secondary" on:click=move |_| not_yet()>{i18n.text(Msg::NotYet)}</button>
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
                    ask_button(Asked::CloseMotion, Msg::CloseMotionButton).into_any()
                }
            })}
            {move || if asked.get() == Some(Asked::EndMeeting) {
                let text = i18n.t(Msg::EndMeetingAsk).to_owned();
                confirm(text, Msg::ConfirmEndMeeting, Box::new(move || act.send(&CloseMeeting { id: id.get_value() }, &()))).into_any()
            } else {
                ask_button(Asked::EndMeeting, Msg::CloseMeeting).into_any()
            }}
        </section>
    }
}
