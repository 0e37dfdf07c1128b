use leptos::prelude::*;

/// The error of a whole form, announced when it appears.
#[component]
pub fn FormAlert(
    /// The element's id, for `aria-describedby`.
    id: &'static str,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p id=id class="form-error" role="alert">
                    {text}
                </p>
            }
        })
    }
}
