use leptos::prelude::*;
use yishi_core::api::routes::{VoteBallots, VoteResult};
use yishi_core::ids::VoteId;

use crate::api::{self, Query};
use crate::i18n::{Msg, use_i18n};

/// Links to the result and the ballot list as files; for a budget, the ballots in Pabulib's format too.
#[component]
pub(super) fn Downloads(vote: VoteId, budget: bool) -> impl IntoView {
    let i18n = use_i18n();
    let format = |f: &'static str| Query::new().set("format", f);
    let pabulib = budget.then(|| {
        (
            api::url(&VoteBallots { id: vote.clone() }, &format("pb")),
            Msg::DownloadBallotsPabulib,
        )
    });
    let links = [
        (
            api::url(&VoteResult { id: vote.clone() }, &format("csv")),
            Msg::DownloadResultCsv,
        ),
        (
            api::url(&VoteBallots { id: vote.clone() }, &format("csv")),
            Msg::DownloadBallotsCsv,
        ),
        (
            api::url(&VoteBallots { id: vote }, &format("json")),
            Msg::DownloadBallotsJson,
        ),
    ]
    .into_iter()
    .chain(pabulib);
    view! {
        <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{i18n.text(Msg::DownloadsHeading)}</h2>
            <ul class="links">
                {links
                    .map(|(url, label)| {
                        view! { <li><a href=url download="">{i18n.text(label)}</a></li> }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </section>
    }
}
