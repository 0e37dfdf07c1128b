//! Yishi's client: a single-page app for phones, built with Trunk (see `app/index.html`).

mod api;
mod app;
mod changes;
mod components;
mod format;
mod forms;
mod i18n;
mod pages;
mod photos;
mod prefs;
mod session;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
