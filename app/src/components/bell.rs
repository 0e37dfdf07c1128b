use leptos::prelude::*;
use yishi_core::api::routes::UnreadNotifications;

use crate::api;
use crate::i18n::{Msg, fill, use_i18n};

/// In the header of every signed-in screen: "消息", with how many she has not read, one tap to her
/// inbox. The count is asked once per screen (a few bytes); nothing shows while it is unknown.
#[component]
pub fn Bell() -> impl IntoView {
    let i18n = use_i18n();
    let unread =
        LocalResource::new(move || api::get(i18n.lang_untracked(), &UnreadNotifications {}));
    let count = move || {
        unread
            .get()
            .and_then(|r| r.as_ref().ok().map(|u| u.unread))
            .unwrap_or(0)
    };
    view! {
        <a
            class="bell"
            href="/notifications"
            aria-label=move || {
                match count() {
                    0 => i18n.t(Msg::InboxNoneUnread).to_owned(),
                    n => fill(i18n.lang(), Msg::InboxUnreadLabel, &[("n", &n.to_string())]),
                }
            }
        >
            {i18n.text(Msg::InboxLink)}
            {move || {
                let n = count();
                (n > 0).then(|| view! { <span class="bell-count" aria-hidden="true">{if n > 99 { "99+".to_owned() } else { n.to_string() }}</span> })
            }}
        </a>
    }
}
