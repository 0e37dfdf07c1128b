use leptos::prelude::*;

use super::rolling::Rolling;
use crate::i18n::{Msg, use_i18n};

/// A big figure read from the back of the hall, 「到会 31/62」: what it counts, the count (rolling to each
/// new value) and of how many. For the eye alone: the sentence under it says it to a screen reader.
#[component]
pub(super) fn Figure(
    label: Msg,
    #[prop(into)] value: Signal<u64>,
    #[prop(into)] of: Signal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="screen-figure" aria-hidden="true">
            <span class="screen-figure-label">{i18n.text(label)}</span>
            <Rolling value=value />
            <span class="screen-of">{move || format!("/{}", of.get())}</span>
        </p>
    }
}
