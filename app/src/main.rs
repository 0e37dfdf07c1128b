//! The resident app: what every resident's phone loads first (see `app/index.html`).

fn main() {
    yishi_app::start();
}
