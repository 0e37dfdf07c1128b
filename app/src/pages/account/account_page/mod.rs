mod profile_form;

use leptos::prelude::*;

use super::{PasscodeForm, SessionList};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, SignOutButton};
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;

use profile_form::ProfileForm;

/// `/account` (我的 in the bottom bar): her requests, profile settings (kept on the server, so they
/// follow her to another phone), passcode, devices, the way to her notification settings, and signing out.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let me = super::my_account(i18n, session);
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::AccountHeading).to_owned()) />
        <AppShell signed_in=true>
            <h1>{i18n.text(Msg::AccountHeading)}</h1>
            <section aria-labelledby="my-things-heading">
                <h2 id="my-things-heading">{i18n.text(Msg::MyThings)}</h2>
                <p class="hint">{i18n.text(Msg::RequestsIntro)}</p>
                <ul class="link-list" role="list">
                    <li><a class="button secondary" href="/requests">{i18n.text(Msg::MyRequests)}</a></li>
                    <li><a class="button secondary" href="/requests/new">{i18n.text(Msg::ReportLink)}</a></li>
                </ul>
            </section>
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
                <p><a class="button secondary" href="/votes/mine">{i18n.text(Msg::MyVotesLink)}</a></p>
            </section>
            <PasscodeForm />
            <SessionList />
            <section aria-labelledby="notifications-heading">
                <h2 id="notifications-heading">{i18n.text(Msg::NotificationsHeading)}</h2>
                <p class="hint">{i18n.text(Msg::NotificationsIntro)}</p>
                <p><a class="button secondary" href="/account/notifications">{i18n.text(Msg::NotifySettingsLink)}</a></p>
            </section>
            <section class="sign-out" aria-labelledby="sign-out-heading">
                <h2 id="sign-out-heading">{i18n.text(Msg::SignOutHeading)}</h2>
                <p class="hint">{i18n.text(Msg::SignOutHint)}</p>
                <SignOutButton />
            </section>
        </AppShell>
    }
}
