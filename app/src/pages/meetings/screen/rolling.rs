use leptos::prelude::*;

/// A count on the wall that rolls to its new value instead of jumping: the stylesheet moves a registered
/// integer property, `--n`, and shows it through a CSS counter (at once where motion is reduced, or where
/// the browser cannot move it). Hidden from screen readers: the sentence beside it says the same.
#[component]
pub(super) fn Rolling(#[prop(into)] value: Signal<u64>) -> impl IntoView {
    view! { <span class="rolling" aria-hidden="true" style=move || format!("--n:{}", value.get())></span> }
}
