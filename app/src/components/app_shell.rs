use leptos::prelude::*;

use crate::components::{AppHeader, BottomNav, Toast};
use crate::session;

/// The frame of every screen: the header, then the screen in `<main>`, and for a signed-in member the
/// bottom bar (`main` keeps room for it at its foot).
#[component]
pub fn AppShell(
    /// A member's screen: the office entry in the header and the bottom bar.
    #[prop(optional)]
    signed_in: bool,
    children: Children,
) -> impl IntoView {
    if signed_in {
        session::ensure_known();
    }
    view! {
        <AppHeader signed_in=signed_in />
        <main id="main" class=if signed_in { "page with-tabs" } else { "page" }>
            {children()}
        </main>
        <Toast />
        {signed_in.then(|| view! { <BottomNav /> })}
    }
}
