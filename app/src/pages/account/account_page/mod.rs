mod profile_form;

use leptos::prelude::*;
use yishi_core::api::routes::Me;

use super::{PasscodeForm, SessionList};
use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;

use profile_form::ProfileForm;

/// `/account`: profile settings (kept on the server, so they follow her to another phone), passcode,
/// devices, and the notifications to come.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let me = LocalResource::new(move || async move {
        let answer = api::get(i18n.lang_untracked(), &Me {}).await?;
        session.signed_in(answer.member.clone());
        Ok::<_, ApiError>(answer.member)
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::AccountHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/">{i18n.text(Msg::BackToList)}</a>
            </p>
            <h1>{i18n.text(Msg::AccountHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => view! { <ProfileForm member=member /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| me.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
            <section aria-labelledby="account-votes-heading">
                <h2 id="account-votes-heading">{i18n.text(Msg::MyVotesHeading)}</h2>
                <p><a class="button secondary" href="/votes">{i18n.text(Msg::MyVotesLink)}</a></p>
            </section>
            <PasscodeForm />
            <SessionList />
            <section aria-labelledby="notifications-heading">
                <h2 id="notifications-heading">{i18n.text(Msg::NotificationsHeading)}</h2>
                <p class="hint">{i18n.text(Msg::NotificationsLater)}</p>
            </section>
        </AppShell>
    }
}
