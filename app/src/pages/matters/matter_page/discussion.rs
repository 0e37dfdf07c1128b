use leptos::prelude::*;
use yishi_core::api::matters::{CommentRequest, CommentView, MatterView};
use yishi_core::api::routes::CommentMatter;
use yishi_core::ids::MatterId;
use yishi_core::matters::Stance;

use super::super::stance_label;
use super::comment_item::CommentItem;
use crate::changes::Change;
use crate::i18n::{Msg, fill, use_i18n};

/// 民议: comments with their stance, replies under what they answer, hidden ones with the reason.
#[component]
pub(super) fn Discussion(matter: MatterView, id: MatterId, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(reload);
    let stance = RwSignal::new(Stance::For);
    let body = RwSignal::new(String::new());
    let reply_to = RwSignal::new(None::<(String, String)>);
    let facilitate = m.may.facilitate;
    let comments = m.comments.clone();
    let tops: Vec<CommentView> = comments
        .iter()
        .filter(|c| c.parent.is_none())
        .cloned()
        .collect();
    let empty = comments.is_empty();
    let comment = CommentMatter { id: id.clone() };
    let render = move |c: CommentView, depth: &'static str| {
        view! { <CommentItem matter=id.clone() comment=c class=depth facilitate=facilitate change=change reply_to=reply_to may_reply=m.may.comment /> }
    };
    let threads = tops
        .into_iter()
        .map(|top| {
            let replies = comments
                .iter()
                .filter(|c| c.parent.as_ref() == Some(&top.id))
                .cloned()
                .map(|c| render(c, "comment reply"))
                .collect::<Vec<_>>();
            view! { {render(top, "comment")} {replies} }
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="discussion-heading">
            <h2 id="discussion-heading">{i18n.text(Msg::DiscussionHeading)}</h2>
            {empty.then(|| view! { <p class="empty">{i18n.text(Msg::NoComments)}</p> })}
            <ul class="comment-list">{threads}</ul>
            {m.may.comment.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    let parent = reply_to.get_untracked().map(|(id, _)| id);
                    change.send_saying(&comment, &CommentRequest { stance: stance.get_untracked(), body: body.get_untracked(), parent }, Msg::CommentPosted);
                }>
                    {move || reply_to.get().map(|(_, name)| view! {
                        <p class="hint">
                            {fill(i18n.lang(), Msg::ReplyingTo, &[("name", &name)])}" "
                            <button type="button" class="button secondary small" on:click=move |_| reply_to.set(None)>{i18n.text(Msg::CancelReply)}</button>
                        </p>
                    })}
                    <div class="field">
                        <label for="comment-stance">{i18n.text(Msg::StanceLabel)}</label>
                        <select id="comment-stance" on:change=move |ev| if let Some(s) = Stance::parse(&event_target_value(&ev)) { stance.set(s) }>
                            {Stance::ALL
                                .into_iter()
                                .map(|s| view! { <option value=s.as_str()>{i18n.text(stance_label(s))}</option> })
                                .collect::<Vec<_>>()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="comment-body">{i18n.text(Msg::CommentLabel)}</label>
                        <textarea id="comment-body" rows="3" bind:value=body></textarea>
                    </div>
                    <button type="submit" class="button primary">{i18n.text(Msg::CommentButton)}</button>
                </form>
            })}
            {change.view()}
        </section>
    }
}
