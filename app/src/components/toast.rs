//! What an action did, said where the finger is: a short line above the bottom of the screen, announced to
//! screen readers, that goes by itself. It survives a change of screen (sending a report opens the report),
//! so the words are kept outside any one screen and every screen's `<Toast />` shows them.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// How long a message stays.
const SHOWN_MS: u32 = 8_000;
/// A fresh screen's live region is announced only when its text changes after it is in the page: the
/// words come a moment after the screen that says them.
const SETTLE_MS: u32 = 300;

thread_local! {
    /// What is said now, with a number so that an older message's timer does not hide a newer one.
    /// Reference-counted rather than owned by a screen: an arena signal created on the first screen that
    /// speaks would be disposed with it, and the next screen could not show the words.
    static SAID: ArcRwSignal<Option<(u32, String)>> = ArcRwSignal::new(None);
}

/// Says `text` in the toast of the current (or next) screen.
pub fn say(text: String) {
    let said = SAID.with(Clone::clone);
    Timeout::new(SETTLE_MS, move || {
        let n = said.with_untracked(|s| s.as_ref().map_or(0, |(n, _)| n.wrapping_add(1)));
        said.set(Some((n, text)));
        let said = said.clone();
        Timeout::new(SHOWN_MS, move || {
            said.update(|s| {
                if s.as_ref().is_some_and(|(m, _)| *m == n) {
                    *s = None;
                }
            });
        })
        .forget();
    })
    .forget();
}

/// Where [`say`] speaks; every screen has one (see `AppShell`).
#[component]
pub fn Toast() -> impl IntoView {
    let said = SAID.with(Clone::clone);
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || said.get().map(|(_, text)| view! { <p class="toast">{text}</p> })}
        </div>
    }
}
