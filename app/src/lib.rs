//! Yishi's client: Leptos single-page apps for phones, built with Trunk (see `app/index.html`).
//!
//! One crate, three apps: with the `home` feature, the home app a phone loads first (`src/home.rs`: sign-in,
//! joining, the home screen, a notice); without a feature, the resident app (`src/main.rs`);
//! with `office`, the office app (`src/office.rs`), which adds every staff screen and panel. [`apps`] moves
//! a member between them.
// The home app routes to its own screens only: the rest of the resident app is compiled, unused, and
// dropped at link time.
#![cfg_attr(feature = "home", allow(dead_code, unused_imports))]

#[cfg(all(feature = "home", feature = "office"))]
compile_error!("the home and office apps are built separately: choose one feature");

mod api;
mod app;
pub mod apps;
mod changes;
mod clock;
mod components;
mod format;
mod forms;
mod i18n;
mod live;
mod offline;
mod pages;
mod photos;
mod prefs;
mod push;
mod receipts;
mod session;

/// Mounts the app on the page (the resident or the office app, as this crate was built).
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
