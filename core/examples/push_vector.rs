//! Push messages sealed by `yishi_core::push`, for `scripts/push_test.py` to open with other
//! implementations (PyPI's `http_ece` and `cryptography`), as JSON lines on standard output:
//!
//! - one line per payload (empty, ASCII, Chinese, 3 KB of random bytes, the longest a message
//!   carries), each with fresh keys and salt from `/dev/urandom`, all in base64url:
//!   `{"case", "plaintext", "ua_private", "ua_public", "auth", "as_private", "salt", "record_size", "body"}`;
//! - one line per VAPID header: `{"case", "endpoint", "subject", "now", "expires_at", "public_key",
//!   "authorization"}`.
//!
//! With `--decrypt`, it opens messages instead: each line of standard input is
//! `{"ua_private", "auth", "body"}` (base64url) and is answered by `{"plaintext"}` or `{"error"}`.
//!
//! ```text
//! cargo run -q -p yishi-core --features push --example push_vector
//! ```

use std::error::Error;
use std::fs::File;
use std::io::{BufRead as _, Read as _};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use yishi_core::push::{
    MAX_PLAINTEXT, RECORD_SIZE, UserAgentKeys, base64url_decode, base64url_encode, decrypt,
    encrypt, public_key, vapid_authorization,
};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    match std::env::args().nth(1).as_deref() {
        None => seal(),
        Some("--decrypt") => open(),
        Some(other) => Err(format!("unknown argument {other} (only --decrypt)").into()),
    }
}

fn seal() -> Result<()> {
    let mut urandom = File::open("/dev/urandom")?;
    let three_kb = random_bytes(&mut urandom, 3 * 1024)?;
    let longest = random_bytes(&mut urandom, MAX_PLAINTEXT)?;
    let cases: [(&str, &[u8]); 5] = [
        ("empty", b""),
        ("ascii", b"When I grow up, I want to be a watermelon"),
        (
            "chinese",
            "明晚七点，3号楼门前开业主大会，请准时参加。".as_bytes(),
        ),
        ("3 KB of random bytes", &three_kb),
        ("the longest payload", &longest),
    ];
    for (case, plaintext) in cases {
        let ua_private = private_key(&mut urandom)?;
        let ua_public = public_key(ua_private)?;
        let auth: [u8; 16] = random(&mut urandom)?;
        let as_private = private_key(&mut urandom)?;
        let salt: [u8; 16] = random(&mut urandom)?;
        let keys = UserAgentKeys::new(ua_public, auth)?;
        let body = encrypt(&keys, plaintext, as_private, salt, RECORD_SIZE)?;
        println!(
            "{}",
            json!({
                "case": case,
                "plaintext": base64url_encode(plaintext),
                "ua_private": base64url_encode(&ua_private),
                "ua_public": base64url_encode(&ua_public),
                "auth": base64url_encode(&auth),
                "as_private": base64url_encode(&as_private),
                "salt": base64url_encode(&salt),
                "record_size": RECORD_SIZE,
                "body": base64url_encode(&body),
            })
        );
    }
    let now = i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs())?;
    let endpoints = [
        (
            "vapid",
            "https://push.example.net:8443/wpush/v2/gAAAAABk?x=1",
        ),
        (
            "vapid, default port",
            "https://fcm.googleapis.com:443/fcm/send/abc:APA91b",
        ),
    ];
    for (case, endpoint) in endpoints {
        let private = private_key(&mut urandom)?;
        let (subject, expires_at) = ("mailto:ops@yishi.example", now + 12 * 3600);
        println!(
            "{}",
            json!({
                "case": case,
                "endpoint": endpoint,
                "subject": subject,
                "now": now,
                "expires_at": expires_at,
                "public_key": base64url_encode(&public_key(private)?),
                "authorization": vapid_authorization(endpoint, subject, private, expires_at, now)?,
            })
        );
    }
    Ok(())
}

fn open() -> Result<()> {
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let message: Value = serde_json::from_str(&line)?;
        let field = |name: &str| -> Result<Vec<u8>> {
            message[name]
                .as_str()
                .and_then(base64url_decode)
                .ok_or_else(|| format!("{name}: not base64url text").into())
        };
        let ua_private: [u8; 32] = field("ua_private")?
            .try_into()
            .map_err(|_| "ua_private: not 32 bytes")?;
        let auth: [u8; 16] = field("auth")?
            .try_into()
            .map_err(|_| "auth: not 16 bytes")?;
        let answer = match decrypt(ua_private, auth, &field("body")?) {
            Ok(plaintext) => json!({ "plaintext": base64url_encode(&plaintext) }),
            Err(e) => json!({ "error": e.to_string() }),
        };
        println!("{answer}");
    }
    Ok(())
}

fn random<const N: usize>(urandom: &mut File) -> Result<[u8; N]> {
    let mut bytes = [0; N];
    urandom.read_exact(&mut bytes)?;
    Ok(bytes)
}

fn random_bytes(urandom: &mut File, len: usize) -> Result<Vec<u8>> {
    let mut bytes = vec![0; len];
    urandom.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// A fresh P-256 private key (about one draw in 2^32 is not one, and is drawn again).
fn private_key(urandom: &mut File) -> Result<[u8; 32]> {
    loop {
        let candidate = random(urandom)?;
        if public_key(candidate).is_ok() {
            return Ok(candidate);
        }
    }
}
