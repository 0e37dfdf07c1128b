use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};
use crate::prefs::use_large_type;

/// Turns large type on and off. The label stays "大字模式" and `aria-pressed` tells whether it is on, so a
/// screen reader announces "大字模式, pressed" rather than a label that names the opposite state.
#[component]
pub fn LargeTypeToggle() -> impl IntoView {
    let i18n = use_i18n();
    let large = use_large_type();
    view! {
        <button
            type="button"
            class="tool-button"
            aria-pressed=move || if large.get() { "true" } else { "false" }
            on:click=move |_| large.toggle()
        >
            {move || i18n.t(Msg::LargeType)}
        </button>
    }
}
