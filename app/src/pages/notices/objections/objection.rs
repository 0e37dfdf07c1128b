use leptos::prelude::*;
use yishi_core::api::notices::{AnswerRequest, ObjectionView};
use yishi_core::api::routes::AnswerObjection;
use yishi_core::ids::{NoticeId, ObjectionId};

use crate::changes::Change;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn Objection(
    notice: NoticeId,
    objection: ObjectionView,
    may_answer: bool,
    change: Change,
) -> impl IntoView {
    let i18n = use_i18n();
    let o = objection;
    let text = RwSignal::new(String::new());
    let upheld = RwSignal::new(false);
    let answer = o.answer.clone().map(|a| {
        let key = if a.upheld {
            Msg::AnswerUpheld
        } else {
            Msg::AnswerRejected
        };
        let (body, by, at) = (a.text, a.by_name, local_datetime(&a.at));
        view! {
            <p class="answer">{move || fill(i18n.lang(), key, &[("text", &body)])}</p>
            <p class="hint">{by}" · "{at}</p>
        }
    });
    let open = o.answer.is_none() && may_answer;
    let answer_endpoint = AnswerObjection {
        id: notice,
        objection: ObjectionId::from_trusted(o.id.clone()),
    };
    let field = format!("answer-{}", o.id);
    let upheld_field = format!("upheld-{}", o.id);
    view! {
        <li>
            <p class="matter-text">{o.reason.clone()}</p>
            <p class="hint">{o.author_name.clone()}" · "{local_datetime(&o.at)}</p>
            {answer}
            {open.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.send(&answer_endpoint, &AnswerRequest { answer: text.get_untracked(), upheld: upheld.get_untracked() });
                }>
                    <div class="field">
                        <label for=field.clone()>{i18n.text(Msg::AnswerLabel)}</label>
                        <textarea id=field rows="2" bind:value=text></textarea>
                    </div>
                    <label class="choice">
                        <input id=upheld_field type="checkbox" on:change=move |ev| upheld.set(event_target_checked(&ev)) />
                        {i18n.text(Msg::UpheldLabel)}
                    </label>
                    <button type="submit" class="button secondary">{i18n.text(Msg::AnswerButton)}</button>
                </form>
            })}
        </li>
    }
}
