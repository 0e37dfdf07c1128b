//! Prints a fresh VAPID key pair, the two lines to put in `api-worker/.dev.vars` for a local worker, or
//! to give `wrangler secret put` for a deployed one (each value is raw key bytes in base64url):
//!
//! ```text
//! cargo run -q -p yishi-core --features push --example vapid_keys >> api-worker/.dev.vars
//! ```
//!
//! `VAPID_PRIVATE_KEY` signs every push request (keep it secret; a new one invalidates every
//! subscription, since browsers tie a subscription to the public key); `VAPID_PUBLIC_KEY` is the
//! `applicationServerKey` the app subscribes with. The randomness is the operating system's
//! (`/dev/urandom`), read with the standard library alone.

use std::error::Error;
use std::fs::File;
use std::io::Read as _;

use yishi_core::push::{base64url_encode, public_key};

fn main() -> Result<(), Box<dyn Error>> {
    let mut urandom = File::open("/dev/urandom")?;
    loop {
        let mut private = [0u8; 32];
        urandom.read_exact(&mut private)?;
        // About one draw in 2^32 is not a P-256 private key (zero, or not below the curve's order):
        // draw again rather than bend it into one.
        if let Ok(public) = public_key(private) {
            println!("VAPID_PRIVATE_KEY={}", base64url_encode(&private));
            println!("VAPID_PUBLIC_KEY={}", base64url_encode(&public));
            return Ok(());
        }
    }
}
