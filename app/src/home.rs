//! The home app: what a phone loads first — sign-in, joining, the home screen and a notice (see
//! `app/home.html`). Any other screen is a page load into the resident app, which the service worker has
//! usually cached by then.

fn main() {
    yishi_app::start();
}
