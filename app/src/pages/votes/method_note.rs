use leptos::prelude::*;
use yishi_core::votes::tally::Method;

use crate::i18n::{Msg, fill, use_i18n};

/// A voting method in plain words: how to fill in the ballot and who wins, with the method's proper name
/// in small print ("舒尔茨方法" is for those who look it up, not the council's first read). The words are
/// core's (`Method::words`), the same as in the published result.
#[component]
pub fn MethodNote(#[prop(into)] method: Signal<Method>, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let words = move || method.with(|m| m.words(i18n.lang()));
    view! {
        <div class="method-note" id=id>
            <p class="method-how">{move || words().how}</p>
            {move || {
                words()
                    .proper
                    .map(|name| view! { <p class="method-name">{fill(i18n.lang(), Msg::MethodProperName, &[("name", name)])}</p> })
            }}
        </div>
    }
}
