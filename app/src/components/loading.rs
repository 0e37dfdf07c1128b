use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};

/// The placeholder shown while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status">
            {i18n.text(Msg::Loading)}
        </p>
    }
}
