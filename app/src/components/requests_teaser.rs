use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};

/// On the home screen: report a trouble, follow one's requests.
#[component]
pub fn RequestsTeaser() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="waiting-votes" aria-labelledby="requests-teaser-heading">
            <h2 id="requests-teaser-heading">{i18n.text(Msg::RequestsHeading)}</h2>
            <p class="hint">{i18n.text(Msg::RequestsIntro)}</p>
            <p class="button-row">
                <a class="button primary" href="/requests/new">{i18n.text(Msg::ReportLink)}</a>
                <a class="button secondary" href="/requests">{i18n.text(Msg::MyRequests)}</a>
            </p>
        </section>
    }
}
