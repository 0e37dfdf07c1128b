//! The apps and moving between them. All are built from this crate: the home app (feature `home`), the
//! resident app (no feature) and the office app (feature `office`). `index.html` loads the office app only
//! where the device's choice in `localStorage` ([`KEY`]) says `office`, else the home or the resident app.
//! Moving between them is a page load; the session cookie carries over.

use yishi_core::api::auth::MemberView;

use crate::prefs;

/// The device's choice of app, read by `index.html` before any wasm is fetched: `office` or `resident`;
/// unset until the member is known.
pub const KEY: &str = "yishi.app";
const OFFICE_CHOICE: &str = "office";
const RESIDENT_CHOICE: &str = "resident";

/// Whether this is the office app.
pub const OFFICE: bool = cfg!(feature = "office");

/// Whether she opens the office app when nothing was chosen yet on this device (see
/// [`yishi_core::members::works_in_office`]).
#[must_use]
pub fn works_in_office(member: &MemberView) -> bool {
    yishi_core::members::works_in_office(member.home.is_some(), member.roles.iter().map(|r| r.role))
}

/// Whether she has tools in the office app at all: any role, or no home (a handling unit's member).
#[must_use]
pub fn has_office_tools(member: &MemberView) -> bool {
    member.home.is_none() || !member.roles.is_empty()
}

/// Called whenever the member becomes known (signing in, joining, `GET /me`): on a device where nothing
/// was chosen yet (a first visit, or since the last sign-out), she is taken to her app at once — the
/// office for a member who works there, else the resident's. Nothing changes where a choice was made: a
/// building head who went back to the resident app stays there.
pub fn land(member: &MemberView) {
    if prefs::load(KEY).is_some() {
        return;
    }
    let office = works_in_office(member);
    if office {
        prefs::store(KEY, OFFICE_CHOICE);
    }
    if office == OFFICE {
        return;
    }
    let path = current_path();
    // From the sign-in or joining page, to the home screen; from anywhere else, the same page.
    let to = if path == "/login" || path == "/join" {
        "/".to_owned()
    } else {
        path
    };
    load_page(&to);
}

/// Opens `href` in the office app (one tap from the resident app to her tools).
pub fn open_office(href: &str) {
    prefs::store(KEY, OFFICE_CHOICE);
    load_page(href);
}

/// Opens the current page in the resident app.
pub fn open_resident() {
    prefs::store(KEY, RESIDENT_CHOICE);
    load_page(&current_path());
}

/// Forgets the device's choice (signing out: the next person may be a resident).
pub fn forget() {
    prefs::remove(KEY);
}

/// The address of this page: path and query.
pub fn current_path() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    let path = part(web_sys::Location::pathname);
    format!(
        "{}{}",
        if path.is_empty() { "/" } else { &path },
        part(web_sys::Location::search)
    )
}

/// A full page load of `href` (not the router's navigation): `index.html` then loads the chosen app.
pub fn load_page(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
}

/// The office's part of a page: the given view in the office app; in the resident app, `OpenInOffice`.
/// The view's code is not even compiled into the resident app.
#[macro_export]
macro_rules! office_part {
    ($($view:tt)*) => {{
        #[cfg(feature = "office")]
        let part = { $($view)* }.into_any();
        #[cfg(not(feature = "office"))]
        let part = ::leptos::view! { <$crate::components::OpenInOffice /> }.into_any();
        part
    }};
}
