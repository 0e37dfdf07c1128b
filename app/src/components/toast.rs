//! What an action did, said where the finger is: a short line above the bottom of the screen, announced to
//! screen readers, that goes by itself. It survives a change of screen (sending a report opens the report),
//! so the words are kept outside any one screen.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// How long a message stays.
const SHOWN_MS: u32 = 8_000;
/// A fresh screen's live region is announced only when its text changes after it is in the page.
const SETTLE_MS: u32 = 150;

thread_local! {
    /// Said but not yet shown; taken by the next `<Toast />` put in the page.
    static WAITING: RwSignal<Option<String>> = RwSignal::new(None);
}

/// Says `text` in the toast of the current (or next) screen.
pub fn say(text: String) {
    WAITING.with(|w| w.set(Some(text)));
}

/// Where [`say`] speaks; every screen has one (see `AppShell`).
#[component]
pub fn Toast() -> impl IntoView {
    let shown = RwSignal::new(None::<String>);
    let waiting = WAITING.with(|w| *w);
    Effect::new(move |_| {
        if waiting.with(Option::is_some) {
            Timeout::new(SETTLE_MS, move || {
                // A screen left meanwhile leaves the words to the next one.
                if shown.try_with_untracked(|_| ()).is_none() {
                    return;
                }
                let Some(text) = waiting.try_update(Option::take).flatten() else {
                    return;
                };
                shown.set(Some(text.clone()));
                Timeout::new(SHOWN_MS, move || {
                    // Unless something newer is said meanwhile.
                    let _ = shown.try_update(|s| {
                        if s.as_deref() == Some(text.as_str()) {
                            *s = None;
                        }
                    });
                })
                .forget();
            })
            .forget();
        }
    });
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || shown.get().map(|text| view! { <p class="toast">{text}</p> })}
        </div>
    }
}
