use leptos::prelude::*;

use crate::components::{LanguageToggle, LargeTypeToggle, SignOutButton};
use crate::i18n::{Msg, use_i18n};

/// The app name (a link home), the display settings, and for members "退出登录".
#[component]
pub fn AppHeader(#[prop(optional)] signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <nav class="app-nav" aria-label=i18n.text(Msg::MainNav)>
                <a class="brand" href="/">
                    {i18n.text(Msg::AppName)}
                </a>
            </nav>
            <div class="header-tools" role="group" aria-label=i18n.text(Msg::Settings)>
                <LanguageToggle />
                <LargeTypeToggle />
                {signed_in.then(|| view! { <SignOutButton /> })}
            </div>
        </header>
    }
}
