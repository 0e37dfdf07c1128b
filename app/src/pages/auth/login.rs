use leptos::prelude::*;
use yishi_core::api::auth::SignInRequest;
use yishi_core::api::routes::SignIn;
use yishi_core::auth::{normalize_phone, require_password};

use crate::api;
use crate::components::{AppShell, DocumentTitle, FormAlert, TextField};
use crate::forms::FormError;
use crate::i18n::{Msg, use_i18n};
use crate::session::session_action;

/// `/login`: phone number and password, and who can help when she has forgotten it.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = FormError::new(&[("phone", "login-phone"), ("password", "login-password")]);

    let sign_in = session_action(errors, |lang, req: SignInRequest| async move {
        api::send(lang, &SignIn {}, &req).await
    });
    let pending = sign_in.pending();

    let on_submit = errors.on_submit(sign_in, move || {
        let phone = normalize_phone(&phone.get_untracked())?;
        let password = password.get_untracked();
        require_password(&password)?;
        Ok(SignInRequest { phone, password })
    });

    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::SignInHeading).to_owned()) />
        <AppShell>
            <h1>{i18n.text(Msg::SignInHeading)}</h1>
            <p class="intro">{i18n.text(Msg::SignInIntro)}</p>
            <form class="form" novalidate on:submit=on_submit>
                <TextField
                    id="login-phone"
                    label=Msg::Phone
                    value=phone
                    kind="tel"
                    autocomplete="username"
                    inputmode="tel"
                    error=errors.field("phone")
                />
                <TextField
                    id="login-password"
                    label=Msg::Password
                    value=password
                    kind="password"
                    autocomplete="current-password"
                    error=errors.field("password")
                />
                <FormAlert id="login-error" message=errors.general() />
                <button
                    type="submit"
                    class="button primary"
                    aria-disabled=move || pending.get().then_some("true")
                >
                    {i18n.text(Msg::SignInButton)}
                </button>
                {move || {
                    pending
                        .get()
                        .then(|| view! { <p class="loading" role="status">{i18n.text(Msg::SigningIn)}</p> })
                }}
            </form>
            <details class="forgot">
                <summary>{i18n.text(Msg::ForgotPassword)}</summary>
                <p>{i18n.text(Msg::ForgotPasswordText)}</p>
            </details>
            <p class="alt-action">
                <a href="/join">{i18n.text(Msg::JoinLink)}</a>
            </p>
        </AppShell>
    }
}
