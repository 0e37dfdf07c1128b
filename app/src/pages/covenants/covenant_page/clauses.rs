use leptos::prelude::*;
use yishi_core::api::covenants::{ClauseComment, VersionView};
use yishi_core::covenants::VersionState;

use super::super::version_label;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

fn comment_item(c: &ClauseComment, clause_ref: Option<String>) -> AnyView {
    let i18n = use_i18n();
    let clause = clause_ref.map(|n| move || fill(i18n.lang(), Msg::ClauseRef, &[("n", &n)]));
    view! {
        <li>
            <p>{clause}{c.body.clone()}</p>
            <p class="hint">{c.author_name.clone()}" · "{local_datetime(&c.at)}</p>
        </li>
    }
    .into_any()
}

/// The clauses of a version. While it is a draft, each clause shows the comments on it; once it is put to
/// the vote or decided, the text stands alone (a neighbour's "the shed needs a lamp" is not part of the
/// adopted covenant) and the drafting comments follow it, folded, each naming its clause.
#[component]
pub(super) fn Clauses(version: VersionView) -> impl IntoView {
    let i18n = use_i18n();
    let n = version.number.to_string();
    let state = version.state;
    let drafting = state == VersionState::Drafting;
    let clauses = version
        .clauses
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let comments = version
                .comments
                .iter()
                .filter(|c| drafting && c.clause == number)
                .map(|c| comment_item(c, None))
                .collect::<Vec<_>>();
            view! {
                <li>
                    <p class="matter-text">{text.clone()}</p>
                    {(!comments.is_empty()).then(|| view! { <ul class="comment-list reply">{comments}</ul> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let earlier = (!drafting && !version.comments.is_empty()).then(|| {
        let count = version.comments.len().to_string();
        let items = version
            .comments
            .iter()
            .map(|c| comment_item(c, Some(c.clause.to_string())))
            .collect::<Vec<_>>();
        view! {
            <details class="drafting-comments">
                <summary>{move || fill(i18n.lang(), Msg::DraftingComments, &[("n", &count)])}</summary>
                <ul class="comment-list">{items}</ul>
            </details>
        }
    });
    view! {
        <h2>{move || fill(i18n.lang(), Msg::VersionN, &[("n", &n)])}" · "{i18n.text(version_label(state))}</h2>
        <ol class="clauses">{clauses}</ol>
        {earlier}
    }
}
