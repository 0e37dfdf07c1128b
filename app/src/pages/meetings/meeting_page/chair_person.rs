use leptos::prelude::*;
use yishi_core::api::meetings::{Attendee, CheckInRequest, LeaveRequest};
use yishi_core::api::members::OnBehalfRequest;
use yishi_core::api::routes::{CheckIn, Leave, UndoCheckIn};
use yishi_core::ids::{MeetingId, MemberId};

use super::meeting_act::MeetingAct;
use crate::api::ApiError;
use crate::i18n::{Msg, fill, use_i18n};

/// What the chair last did on a line of the register, said on that line.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Feedback {
    pub member: MemberId,
    pub kind: Done,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Done {
    Working,
    CheckedIn,
    Undone,
    Left,
    Failed(String),
}

/// One person of the register: name, building and flat, present or not, and one tap to check her in
/// (or to take it back, or to record that she left), with the result on the line itself.
#[component]
pub(super) fn ChairPerson(
    id: MeetingId,
    person: Attendee,
    act: MeetingAct,
    reason: RwSignal<String>,
    feedback: RwSignal<Option<Feedback>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let member = StoredValue::new(person.member_id.clone());
    let name = StoredValue::new(person.name.clone());
    let id = StoredValue::new(id);
    let mine = move || {
        feedback.with(|f| {
            f.as_ref()
                .filter(|f| member.with_value(|m| *m == f.member))
                .map(|f| f.kind.clone())
        })
    };
    let working = move || mine() == Some(Done::Working);
    let report = move |kind: Done| {
        feedback.set(Some(Feedback {
            member: member.get_value(),
            kind,
        }));
    };
    let finish = move |ok: Done| {
        move |result: Result<(), ApiError>| match result {
            Ok(()) => report(ok),
            Err(e) => report(Done::Failed(e.message(i18n.lang_untracked()))),
        }
    };
    let check_in = move |_| {
        if working() {
            return;
        }
        report(Done::Working);
        let req = CheckInRequest {
            token: None,
            on_behalf: Some(OnBehalfRequest {
                member_id: member.get_value(),
                reason: reason.get_untracked(),
            }),
        };
        act.send_then(
            &CheckIn { id: id.get_value() },
            &req,
            finish(Done::CheckedIn),
        );
    };
    let undo = move |_| {
        report(Done::Working);
        let endpoint = UndoCheckIn {
            id: id.get_value(),
            member: member.get_value(),
        };
        act.send_then(&endpoint, &(), finish(Done::Undone));
    };
    let left = move |_| {
        report(Done::Working);
        let req = LeaveRequest {
            member_id: Some(member.get_value()),
        };
        act.send_then(&Leave { id: id.get_value() }, &req, finish(Done::Left));
    };
    let whom = move |key: Msg| name.with_value(|n| fill(i18n.lang(), key, &[("name", n)]));
    let place = [person.building.clone(), person.flat.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let (present, may_undo) = (person.present, person.may_undo);
    view! {
        <li class="member-card roster-person" class:current=present>
            <div class="roster-who">
                <p class="member-name">
                    {person.name.clone()}" "
                    <span class="badge" class:warn=!present>{i18n.text(if present { Msg::Present } else { Msg::Absent })}</span>
                </p>
                {(!place.is_empty()).then(|| view! { <p class="member-home">{place}</p> })}
            </div>
            <div class="roster-act">
                {if !present {
                    view! {
                        <button type="button" class="button primary" aria-label=move || whom(Msg::CheckInWhom)
                            aria-disabled=move || working().then_some("true") on:click=check_in>
                            {i18n.text(Msg::CheckInTap)}
                        </button>
                    }.into_any()
                } else if may_undo {
                    view! {
                        <button type="button" class="button secondary" aria-label=move || whom(Msg::UndoWhom)
                            aria-disabled=move || working().then_some("true") on:click=undo>
                            {i18n.text(Msg::UndoTap)}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button secondary" aria-label=move || whom(Msg::LeftWhom)
                            aria-disabled=move || working().then_some("true") on:click=left>
                            {i18n.text(Msg::LeftTap)}
                        </button>
                    }.into_any()
                }}
            </div>
            <p class="roster-feedback" role="status">
                {move || match mine() {
                    Some(Done::Working) => whom(Msg::CheckingInWhom),
                    Some(Done::CheckedIn) => whom(Msg::CheckedInWhom),
                    Some(Done::Undone) => whom(Msg::UndoneWhom),
                    Some(Done::Left) => whom(Msg::RecordedLeft),
                    Some(Done::Failed(_)) | None => String::new(),
                }}
            </p>
            {move || match mine() {
                Some(Done::Failed(message)) => Some(view! { <p class="form-error" role="alert">{message}</p> }),
                _ => None,
            }}
        </li>
    }
}
