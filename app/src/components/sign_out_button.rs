use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::api::routes::SignOut;

use crate::api;
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;

/// "退出登录", asked twice: the first tap asks whether she means it; "确定退出" ends the session on the
/// server, unsubscribes this browser from push, forgets the member and goes to the sign-in page,
/// "不退出" puts the question away.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let sign_out = Action::new_local(move |(): &()| {
        let navigate = navigate.clone();
        async move {
            // This phone stops receiving her pushes (the server forgets the session's subscription
            // itself); not awaited, so that a slow push service never holds her on this screen.
            leptos::task::spawn_local(crate::push::unsubscribe());
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
            class="button secondary"
            aria-expanded=move || if asking.get() { "true" } else { "false" }
            aria-controls="sign-out-confirm"
            on:click=move |_| asking.update(|a| *a = !*a)
        >
            {i18n.text(Msg::SignOut)}
        </button>
        <div id="sign-out-confirm" class="confirm-box" role="group" aria-labelledby="sign-out-question" hidden=move || !asking.get()>
            <p id="sign-out-question">{i18n.text(Msg::SignOutQuestion)}</p>
            <p class="button-row">
                <button
                    type="button"
                    class="button primary"
                    aria-busy=move || sign_out.pending().get().then_some("true")
                    disabled=move || sign_out.pending().get()
                    on:click=move |_| {
                        sign_out.dispatch(());
                    }
                >
                    {i18n.text(Msg::SignOutConfirm)}
                </button>
                <button type="button" class="button secondary" on:click=move |_| asking.set(false)>
                    {i18n.text(Msg::SignOutCancel)}
                </button>
            </p>
        </div>
    }
}
