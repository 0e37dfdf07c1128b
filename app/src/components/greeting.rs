use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::i18n::Term;
use yishi_core::members::Verification;

use crate::apps;
use crate::components::TermHelp;
use crate::format::{home_line, role_line};
use crate::i18n::{Msg, fill, use_i18n};

/// The top of the home screen: "您好，张三" with the member's home and roles, a notice while she waits for
/// verification, and what she most often comes to do — report a problem, follow her requests — so that
/// it is never pushed off the first screen. In the office app, the way back to the resident app.
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
    view! {
        <div class="greeting">
            <h1 class="greeting-name">{move || fill(i18n.lang(), Msg::Greeting, &[("name", &name)])}</h1>
            {home.map(|line| view! { <p class="greeting-home">{line}</p> })}
            {move || {
                roles
                    .iter()
                    .map(|role| view! { <p class="greeting-role">{role_line(i18n.lang(), role)}</p> })
                    .collect::<Vec<_>>()
            }}
            {pending.then(|| view! {
                <p class="pending-banner" role="status">{i18n.text(Msg::PendingBanner)}</p>
                <p class="terms"><TermHelp term=Term::Verification /></p>
            })}
            <p class="button-row greeting-actions">
                <a class="button primary" href="/requests/new">{i18n.text(Msg::ReportLink)}</a>
                <a class="button secondary" href="/requests">{i18n.text(Msg::MyRequests)}</a>
                {(apps::OFFICE && has_home).then(|| view! {
                    <button type="button" class="button secondary" on:click=|_| apps::open_resident()>
                        {i18n.text(Msg::OpenResidentApp)}
                    </button>
                })}
            </p>
        </div>
    }
}
