use leptos::prelude::*;
use yishi_core::api::covenants::VersionView;

use super::super::version_label;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// The clauses of a version, each with the comments on it.
#[component]
pub(super) fn Clauses(version: VersionView) -> impl IntoView {
    let i18n = use_i18n();
    let n = version.number.to_string();
    let state = version.state;
    let clauses = version
        .clauses
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let comments = version
                .comments
                .iter()
                .filter(|c| c.clause == number)
                .map(|c| view! { <li><p>{c.body.clone()}</p><p class="hint">{c.author_name.clone()}" · "{local_datetime(&c.at)}</p></li> })
                .collect::<Vec<_>>();
            view! {
                <li>
                    <p class="matter-text">{text.clone()}</p>
                    {(!comments.is_empty()).then(|| view! { <ul class="comment-list reply">{comments}</ul> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <h2>{move || fill(i18n.lang(), Msg::VersionN, &[("n", &n)])}" · "{i18n.text(version_label(state))}</h2>
        <ol class="clauses">{clauses}</ol>
    }
}
