//! The office app: the resident app plus the screens of staff, grid workers, handling units, building
//! heads and chairs (see `app/office.html`).

fn main() {
    yishi_app::start();
}
