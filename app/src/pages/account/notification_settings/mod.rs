mod push_switch;
mod topics_form;

use leptos::prelude::*;

use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;

use push_switch::PushSwitch;
use topics_form::TopicsForm;

/// `/account/notifications` (通知设置, from 我的): whether this phone receives push, which topics push
/// and her quiet hours (kept with her profile, so they follow her to another phone). The inbox holds
/// everything whatever she chooses, and the page says so first.
#[component]
pub fn NotificationSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let me = super::my_account(i18n, session);
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NotifySettingsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/account">{i18n.text(Msg::BackToMine)}</a>
            </p>
            <h1>{i18n.text(Msg::NotifySettingsHeading)}</h1>
            <p>{i18n.text(Msg::InboxGetsEverything)}</p>
            <PushSwitch />
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => view! { <TopicsForm member=member /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| me.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
