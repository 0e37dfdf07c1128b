use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};

/// A labelled single-line input with an optional hint and its own error message. The hint and the error are
/// tied to the input with `aria-describedby`; an error sets `aria-invalid` and is announced as an alert.
#[component]
pub fn TextField(
    /// The input's id; the hint and error get `<id>-hint` and `<id>-error`.
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// `autocapitalize="characters"` and no spell check, for codes.
    #[prop(optional)]
    code: bool,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// Whether it must be filled in (by default it must).
    #[prop(optional, into)]
    required: Option<Signal<bool>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                has_hint.then_some(hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{i18n.text(label)}</label>
            {hint.map(|hint| view! { <p id=hint_id class="hint">{hint}</p> })}
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                autocapitalize=code.then_some("characters")
                spellcheck=code.then_some("false")
                aria-required=move || required.is_none_or(|r| r.get()).to_string()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                bind:value=value
            />
            {move || {
                error
                    .get()
                    .map(|text| {
                        view! {
                            <p id=error_id.clone() class="field-error" role="alert">
                                {text}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
