use leptos::prelude::*;

use crate::components::{Bell, LanguageToggle, LargeTypeToggle, OfficeEntry};
use crate::i18n::{Msg, use_i18n};

/// The app's name (text, not a link: 首页 and 议事 are tabs of the bottom bar), for those who hold an office "办公", and the display settings. Signing out
/// is under 我的, away from "大字模式".
#[component]
pub fn AppHeader(#[prop(optional)] signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <nav class="app-nav" aria-label=i18n.text(Msg::MainNav)>
                // The app's name, as text: the bottom bar's 首页 goes home, and its 议事 tab is the only
                // link of that name.
                <span class="brand">{i18n.text(Msg::AppName)}</span>
                {signed_in.then(|| view! { <OfficeEntry /> <Bell /> })}
            </nav>
            <div class="header-tools" role="group" aria-label=i18n.text(Msg::Settings)>
                <LanguageToggle />
                <LargeTypeToggle />
            </div>
        </header>
    }
}
