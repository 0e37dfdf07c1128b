//! Yishi's client: Leptos single-page apps for phones, built with Trunk (see `app/index.html`).
//!
//! One crate, two apps: without the `office` feature it is the resident app (`src/main.rs`); with it, the
//! office app (`src/office.rs`), which adds every staff screen and panel. [`apps`] moves a member between
//! the two.

mod api;
mod app;
pub mod apps;
mod changes;
mod components;
mod format;
mod forms;
mod i18n;
mod offline;
mod pages;
mod photos;
mod prefs;
mod session;

/// Mounts the app on the page (the resident or the office app, as this crate was built).
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
