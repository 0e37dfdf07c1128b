use leptos::prelude::*;
use yishi_core::api::covenants::{ClauseCommentRequest, VersionView};
use yishi_core::api::routes::CommentCovenant;
use yishi_core::ids::CovenantId;

use crate::changes::Change;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn CommentForm(id: CovenantId, version: VersionView, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let comment = CommentCovenant { id };
    let clause = RwSignal::new(String::from("1"));
    let body = RwSignal::new(String::new());
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            let clause = clause.get_untracked().parse::<u32>().unwrap_or(0);
            change.send(&comment, &ClauseCommentRequest { clause, body: body.get_untracked() });
        }>
            <div class="field">
                <label for="clause-number">{i18n.text(Msg::CommentOnClause)}</label>
                <select id="clause-number" on:change=move |ev| clause.set(event_target_value(&ev))>
                    {(1..=version.clauses.len())
                        .map(|n| {
                            let label = n.to_string();
                            view! { <option value=n.to_string()>{move || fill(i18n.lang(), Msg::ClauseN, &[("n", &label)])}</option> }
                        })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="clause-comment">{i18n.text(Msg::CommentLabel)}</label>
                <textarea id="clause-comment" rows="3" bind:value=body></textarea>
            </div>
            <button type="submit" class="button secondary">{i18n.text(Msg::CommentOnClauseButton)}</button>
        </form>
    }
}
