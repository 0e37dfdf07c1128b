use leptos::prelude::*;
use yishi_core::api::matters::{CommentView, ReasonRequest};
use yishi_core::api::routes::HideComment;
use yishi_core::ids::MatterId;

use super::super::stance_label;
use crate::changes::Change;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn CommentItem(
    matter: MatterId,
    comment: CommentView,
    class: &'static str,
    facilitate: bool,
    change: Change,
    reply_to: RwSignal<Option<(String, String)>>,
    may_reply: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = comment;
    let hiding = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let id = c.id.to_string();
    let hide = HideComment {
        id: matter,
        comment: c.id.clone(),
    };
    let hidden = c.hidden.clone();
    let author = c.author_name.clone();
    let reply_target = (id.clone(), author.clone());
    view! {
        <li class=class>
            <p class="hint">
                <span class=format!("badge stance-{}", c.stance.as_str())>{i18n.text(stance_label(c.stance))}</span>
                " "{author}" · "{local_datetime(&c.at)}
            </p>
            {match hidden {
                Some(h) => view! { <p class="hidden-comment">{move || fill(i18n.lang(), Msg::HiddenComment, &[("reason", &h.reason)])}</p> }.into_any(),
                None => view! { <p class="matter-text">{c.body.clone()}</p> }.into_any(),
            }}
            <p class="button-row">
                {(may_reply && c.parent.is_none() && c.hidden.is_none()).then(|| view! {
                    <button type="button" class="button secondary small" on:click=move |_| {
                        reply_to.set(Some(reply_target.clone()));
                        // The comment box is at the foot of the discussion, far below: take her there.
                        gloo_timers::callback::Timeout::new(0, || crate::forms::bring_to("comment-body")).forget();
                    }>
                        {i18n.text(Msg::ReplyButton)}
                    </button>
                })}
                {(facilitate && c.hidden.is_none()).then(|| view! {
                    <button type="button" class="button secondary small" on:click=move |_| hiding.set(true)>{i18n.text(Msg::HideButton)}</button>
                })}
            </p>
            {move || hiding.get().then(|| {
                let hide = hide.clone();
                view! {
                    <form class="inline-form" on:submit=move |ev| {
                        ev.prevent_default();
                        change.send(&hide, &ReasonRequest { reason: reason.get_untracked() });
                    }>
                        <label for=format!("hide-{}", c.id)>{i18n.text(Msg::HideReason)}</label>
                        <input id=format!("hide-{}", c.id) type="text" bind:value=reason />
                        <button type="submit" class="button secondary small">{i18n.text(Msg::HideButton)}</button>
                    </form>
                }
            })}
        </li>
    }
}
