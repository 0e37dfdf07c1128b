use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::api::ApiError;
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;

/// Shows why something could not be loaded, with a "重试" button. When the session has ended it sends the
/// member to the sign-in page instead.
#[component]
pub fn ErrorView(
    error: ApiError,
    /// Loads again; without it no button is shown.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if error.is_unauthenticated() {
        let session = use_session();
        let navigate = use_navigate();
        session.signed_out();
        // After this render, not during it.
        Timeout::new(0, move || {
            navigate(
                "/login",
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        })
        .forget();
        return view! {
            <p class="loading" role="status">
                {i18n.text(Msg::SignInFirst)}
            </p>
        }
        .into_any();
    }
    view! {
        <div class="error-box" role="alert">
            <p>{move || error.message(i18n.lang())}</p>
            {on_retry
                .map(|retry| {
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| retry.run(())>
                            {i18n.text(Msg::Retry)}
                        </button>
                    }
                })}
        </div>
    }
    .into_any()
}
