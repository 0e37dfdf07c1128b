use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};

/// Sets the browser tab's title to "<screen> - 议事" while the screen is shown.
#[component]
pub fn DocumentTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let app = i18n.t(Msg::AppName);
        let text = text.get();
        let title = if text.is_empty() {
            app.to_owned()
        } else {
            format!("{text} - {app}")
        };
        document().set_title(&title);
    });
}
