use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::api::routes::SignOut;

use crate::api;
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;

/// Ends the session on the server, forgets the member and goes to the sign-in page.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let sign_out = Action::new_local(move |(): &()| {
        let navigate = navigate.clone();
        async move {
            // Whatever the answer (even "not signed in"), the member wants to leave: the screen follows.
            let _ = api::send(i18n.lang_untracked(), &SignOut {}, &()).await;
            session.signed_out();
            navigate(
                "/login",
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    view! {
        <button
            type="button"
            class="tool-button"
            aria-busy=move || sign_out.pending().get().then_some("true")
            disabled=move || sign_out.pending().get()
            on:click=move |_| {
                sign_out.dispatch(());
            }
        >
            {i18n.text(Msg::SignOut)}
        </button>
    }
}
