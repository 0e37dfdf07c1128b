use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::members::Verification;
use yishi_core::policy::{self, Action};

use crate::apps;
use crate::components::OfficeLink;
use crate::format::{home_line, role_line};
use crate::i18n::{Msg, fill, use_i18n};
use crate::session::actor_of;

/// "您好，张三" with the member's home and roles, a notice while she waits for verification, and her
/// links: community admin (for office holders) and her account.
#[component]
pub fn Greeting(member: MemberView) -> impl IntoView {
    let i18n = use_i18n();
    let name = member.name.clone();
    let home = member.home.as_ref().map(home_line);
    let roles = member.roles.clone();
    let pending = member
        .home
        .as_ref()
        .is_some_and(|h| h.verification == Verification::Pending);
    let has_home = member.home.is_some();
    let office = !policy::scopes_for(&actor_of(&member), Action::ViewTerritory).is_empty();
    view! {
        <div class="greeting">
            <p class="greeting-name">{move || fill(i18n.lang(), Msg::Greeting, &[("name", &name)])}</p>
            {home.map(|line| view! { <p class="greeting-home">{line}</p> })}
            {move || {
                roles
                    .iter()
                    .map(|role| view! { <p class="greeting-role">{role_line(i18n.lang(), role)}</p> })
                    .collect::<Vec<_>>()
            }}
            {pending.then(|| view! { <p class="pending-banner" role="status">{i18n.text(Msg::PendingBanner)}</p> })}
            <nav class="member-links" aria-label=i18n.text(Msg::AccountLink)>
                {office.then(|| view! { <OfficeLink class="button secondary" href="/admin">{i18n.text(Msg::AdminLink)}</OfficeLink> })}
                {(apps::OFFICE && has_home).then(|| view! {
                    <button type="button" class="button secondary" on:click=|_| apps::open_resident()>
                        {i18n.text(Msg::OpenResidentApp)}
                    </button>
                })}
                <a class="button secondary" href="/account">{i18n.text(Msg::AccountLink)}</a>
            </nav>
        </div>
    }
}
