use leptos::prelude::*;
use yishi_core::api::auth::MemberView;

use crate::format::{home_line, role_line};
use crate::i18n::{Msg, fill, use_i18n};

/// "您好，张三" with the member's home and roles.
#[component]
pub fn Greeting(member: MemberView) -> impl IntoView {
    let i18n = use_i18n();
    let name = member.name.clone();
    let home = member.home.as_ref().map(home_line);
    let roles = member.roles.clone();
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
        </div>
    }
}
