use leptos::prelude::*;

use crate::components::{AppHeader, Toast};

/// The frame of every screen: the header, then the screen in `<main>`.
#[component]
pub fn AppShell(
    /// Shows "退出登录" in the header.
    #[prop(optional)]
    signed_in: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <AppHeader signed_in=signed_in />
        <main id="main" class="page">
            {children()}
        </main>
        <Toast />
    }
}
