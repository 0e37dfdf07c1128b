use leptos::prelude::*;
use yishi_core::api::routes::UnreadNotifications;

use crate::api;
use crate::i18n::{Msg, fill, use_i18n};

/// In the header of every signed-in screen: a bell, with how many messages she has not read, one tap to
/// her inbox. Its name says it in words ("消息，3 条未读"); the count is asked once per screen (a few
/// bytes), and until it is known the bell says only "消息". A bell and a number take the room of one
/// word, so the header keeps its single line on a 360 px phone.
#[component]
pub fn Bell() -> impl IntoView {
    let i18n = use_i18n();
    let unread =
        LocalResource::new(move || api::get(i18n.lang_untracked(), &UnreadNotifications {}));
    let count = move || unread.get().and_then(|r| r.as_ref().ok().map(|u| u.unread));
    view! {
        <a
            class="bell"
            href="/notifications"
            aria-label=move || match count() {
                None => i18n.t(Msg::InboxLink).to_owned(),
                Some(0) => i18n.t(Msg::InboxNoneUnread).to_owned(),
                Some(n) => fill(i18n.lang(), Msg::InboxUnreadLabel, &[("n", &n.to_string())]),
            }
        >
            <svg class="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
            </svg>
            {move || {
                count()
                    .filter(|n| *n > 0)
                    .map(|n| view! { <span class="bell-count" aria-hidden="true">{if n > 99 { "99+".to_owned() } else { n.to_string() }}</span> })
            }}
        </a>
    }
}
