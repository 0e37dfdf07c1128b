use leptos::prelude::*;

use crate::apps;
use crate::components::{AppShell, Loading};

/// In the home app, any screen it does not have: the same address, loaded as a page, opens in the resident
/// app (from the service worker's cache, usually).
#[component]
pub fn OtherAppPage() -> impl IntoView {
    Effect::new(move |_| apps::load_page(&apps::current_path()));
    view! {
        <AppShell>
            <Loading />
        </AppShell>
    }
}
