use leptos::prelude::*;
use yishi_core::Lang;

use crate::i18n::{Msg, use_i18n};

/// Switches between Chinese and English; its text is the other language's own name.
#[component]
pub fn LanguageToggle() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.lang() {
        Lang::ZhCn => Lang::En,
        Lang::En => Lang::ZhCn,
    };
    view! {
        <button
            type="button"
            class="tool-button"
            lang=move || other().tag()
            on:click=move |_| i18n.set_lang(other())
        >
            {i18n.text(Msg::OtherLanguage)}
        </button>
    }
}
