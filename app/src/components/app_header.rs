use leptos::prelude::*;

use crate::components::{LanguageToggle, LargeTypeToggle, OfficeEntry};
use crate::i18n::{Msg, use_i18n};

/// The app name (a link home), for those who hold an office "办公", and the display settings. Signing out
/// is under 我的, away from "大字模式".
#[component]
pub fn AppHeader(#[prop(optional)] signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <nav class="app-nav" aria-label=i18n.text(Msg::MainNav)>
                <a class="brand" href="/">
                    {i18n.text(Msg::AppName)}
                </a>
                {signed_in.then(|| view! { <OfficeEntry /> })}
            </nav>
            <div class="header-tools" role="group" aria-label=i18n.text(Msg::Settings)>
                <LanguageToggle />
                <LargeTypeToggle />
            </div>
        </header>
    }
}
