use leptos::prelude::*;

use crate::components::{AppShell, DocumentTitle};
use crate::i18n::{Msg, use_i18n};

/// Any unknown address.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NotFoundHeading).to_owned()) />
        <AppShell>
            <h1>{i18n.text(Msg::NotFoundHeading)}</h1>
            <p>{i18n.text(Msg::NotFoundText)}</p>
            <p>
                <a class="button primary" href="/">
                    {i18n.text(Msg::GoHome)}
                </a>
            </p>
        </AppShell>
    }
}
