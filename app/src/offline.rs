//! Weak networks and no network. The service worker (`app/sw.js`) answers the API's reads from its cache
//! when the network does not, marking such an answer with [`CACHED_HEADER`]; this module turns that, and
//! the browser's own online/offline events, into the "离线" banner, and shows "有新版本" when a new version
//! is waiting. It also keeps the newest notices on the device for `index.html`'s first paint.

use leptos::prelude::*;
use serde::Serialize;
use yishi_core::api::notices::NoticeListResponse;

use crate::format::local_datetime;
use crate::i18n::{Msg, use_i18n};
use crate::prefs;

/// The newest notices she saw, as JSON (`{"notices": [{"id", "title", "at"}]}`), shown by `index.html`
/// while the app downloads. Forgotten at sign-out.
pub const LAST_NOTICES_KEY: &str = "yishi.last_notices";
/// How many of them.
const LAST_NOTICES: usize = 5;
/// Set by the service worker on an answer it took from its cache because the network gave none.
pub const CACHED_HEADER: &str = "x-yishi-offline";
/// Dispatched on `window` by `index.html` when a new version's service worker is waiting.
const UPDATE_EVENT: &str = "yishi-update";
/// Set on `window` by `index.html`: a new version is waiting (if the event came before the app), and the
/// function that takes it.
const UPDATE_FLAG: &str = "yishiUpdate";
const APPLY_UPDATE: &str = "yishiApplyUpdate";

thread_local! {
    /// Whether the last answer of the API came from the service worker's cache.
    static CACHED: RwSignal<bool> = RwSignal::new(false);
}

/// Notes where the API's last answer came from (see [`CACHED_HEADER`]).
pub fn answered(from_cache: bool) {
    CACHED.with(|c| {
        if c.get_untracked() != from_cache {
            c.set(from_cache);
        }
    });
}

/// Whether the browser says it has a network at all.
#[must_use]
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

#[derive(Serialize)]
struct LastNotice<'a> {
    id: &'a str,
    title: &'a str,
    at: String,
}

#[derive(Serialize)]
struct LastNotices<'a> {
    notices: Vec<LastNotice<'a>>,
}

/// Keeps the first notices of the board for the next visit's first paint.
pub fn remember_notices(page: &NoticeListResponse) {
    let notices = page
        .pinned
        .iter()
        .chain(&page.notices)
        .take(LAST_NOTICES)
        .map(|n| LastNotice {
            id: n.id.as_str(),
            title: &n.title,
            at: local_datetime(&n.published_at),
        })
        .collect();
    if let Ok(json) = serde_json::to_string(&LastNotices { notices }) {
        prefs::store(LAST_NOTICES_KEY, &json);
    }
}

/// A property that `index.html` set on `window`.
fn window_property(name: &str) -> Option<wasm_bindgen::JsValue> {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &name.into()).ok())
}

fn apply_update() {
    let apply = window_property(APPLY_UPDATE)
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    match apply {
        Some(f) => {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
        None => crate::apps::load_page("/"),
    }
}

/// The "离线" banner while there is no network (or the last answer was the cache's), and "有新版本，点此
/// 刷新" when a new version is ready: a tap takes it.
#[component]
pub fn ConnectionBanners() -> impl IntoView {
    let i18n = use_i18n();
    let online_now = RwSignal::new(online());
    let update = RwSignal::new(window_property(UPDATE_FLAG).is_some_and(|v| v.is_truthy()));
    let cached = CACHED.with(|c| *c);
    let on_online = window_event_listener_untyped("online", move |_| online_now.set(true));
    let on_offline = window_event_listener_untyped("offline", move |_| online_now.set(false));
    let on_update = window_event_listener_untyped(UPDATE_EVENT, move |_| update.set(true));
    on_cleanup(move || {
        on_online.remove();
        on_offline.remove();
        on_update.remove();
    });
    view! {
        {move || (!online_now.get() || cached.get()).then(|| view! {
            <p class="offline-banner" role="status">{i18n.text(Msg::OfflineBanner)}</p>
        })}
        {move || update.get().then(|| view! {
            <button type="button" class="update-banner" on:click=|_| apply_update()>
                {i18n.text(Msg::NewVersion)}
            </button>
        })}
    }
}
