use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};

/// On the home screen: where residents raise matters and follow them.
#[component]
pub fn MattersTeaser() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="waiting-votes" aria-labelledby="matters-teaser-heading">
            <h2 id="matters-teaser-heading">{i18n.text(Msg::MattersHeading)}</h2>
            <p class="hint">{i18n.text(Msg::MattersIntro)}</p>
            <p class="button-row">
                <a class="button primary" href="/matters/new">{i18n.text(Msg::ProposeLink)}</a>
                <a class="button secondary" href="/matters">{i18n.text(Msg::AllMatters)}</a>
                <a class="button secondary" href="/covenants">{i18n.text(Msg::CovenantsHeading)}</a>
            </p>
        </section>
    }
}
