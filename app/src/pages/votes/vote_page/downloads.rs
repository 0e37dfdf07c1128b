use leptos::prelude::*;

use crate::api;
use crate::i18n::{Msg, use_i18n};

/// Links to the result and the ballot list as files.
#[component]
pub(super) fn Downloads(vote: String) -> impl IntoView {
    let i18n = use_i18n();
    let links = [
        ("result", "csv", Msg::DownloadResultCsv),
        ("ballots", "csv", Msg::DownloadBallotsCsv),
        ("ballots", "json", Msg::DownloadBallotsJson),
    ];
    view! {
        <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{i18n.text(Msg::DownloadsHeading)}</h2>
            <ul class="links">
                {links
                    .into_iter()
                    .map(|(what, format, label)| {
                        view! { <li><a href=api::vote_download_url(&vote, what, format) download="">{i18n.text(label)}</a></li> }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </section>
    }
}
