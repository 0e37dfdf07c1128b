//! Settings from `[vars]` in wrangler.toml (or `--var` locally), read once per request and checked.

use chrono::Duration;
use worker::Env;

use crate::error::ApiError;

#[derive(Clone, Debug)]
pub struct Config {
    /// How long a session lasts.
    pub session_ttl: Duration,
    /// PBKDF2 iterations for new password hashes (Workers allow at most 100,000).
    pub pbkdf2_iterations: u32,
    /// Failed sign-ins allowed per phone number per window.
    pub signin_phone_limit: u32,
    /// Failed sign-ins and invite-code attempts allowed per client address per window.
    pub signin_ip_limit: u32,
    pub throttle_window: Duration,
    /// `TEST_HOOKS = "1"` (only ever set by the test scripts, never in wrangler.toml): the routes under
    /// `/api/test/`, the header `x-yishi-test-lose-tell`, and the D1 round trips of each request in the
    /// answer's `x-yishi-d1-round-trips` (see `routes::test_hooks`).
    pub test_hooks: bool,
    /// Web Push, when the district has set its VAPID key.
    pub push: Option<Push>,
}

/// The sender's Web Push identity (RFC 8292): the secret `VAPID_PRIVATE_KEY` (made by
/// `scripts/vapid-keys.sh`; see docs/DEPLOY.md) and `VAPID_SUBJECT`, where push services can write to
/// the district.
#[derive(Clone)]
pub struct Push {
    pub private_key: [u8; 32],
    pub subject: String,
}

impl std::fmt::Debug for Push {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Push")
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

impl Push {
    /// The key browsers subscribe with (`applicationServerKey`), in base64url.
    pub fn public_key(&self) -> Result<String, ApiError> {
        yishi_core::push::public_key(self.private_key)
            .map(|k| yishi_core::push::base64url_encode(&k))
            .map_err(|e| ApiError::internal(format!("VAPID key: {e}")))
    }

    /// Push where both are set and the key is a P-256 key; a bad key is logged and push stays off,
    /// rather than every request failing for it.
    pub fn from_env(env: &Env) -> Option<Push> {
        let key = env.secret("VAPID_PRIVATE_KEY").ok()?.to_string();
        let subject = env.var("VAPID_SUBJECT").ok()?.to_string();
        match yishi_core::push::private_key_from_base64url(&key) {
            Ok(private_key) => Some(Push {
                private_key,
                subject,
            }),
            Err(e) => {
                worker::console_error!("VAPID_PRIVATE_KEY is not usable ({e}): push is off");
                None
            }
        }
    }
}

/// Whether the test hooks are on.
pub fn test_hooks(env: &Env) -> bool {
    env.var("TEST_HOOKS").is_ok_and(|v| v.to_string() == "1")
}

fn var(env: &Env, name: &str) -> Result<String, ApiError> {
    env.var(name)
        .map(|v| v.to_string())
        .map_err(|_| ApiError::internal(format!("missing [vars] {name} in wrangler.toml")))
}

fn number<T: std::str::FromStr>(env: &Env, name: &str) -> Result<T, ApiError> {
    var(env, name)?
        .trim()
        .parse()
        .map_err(|_| ApiError::internal(format!("[vars] {name} is not a number")))
}

impl Config {
    pub fn from_env(env: &Env) -> Result<Config, ApiError> {
        let iterations: u32 = number(env, "PBKDF2_ITERATIONS")?;
        if iterations == 0 || iterations > yishi_core::auth::MAX_ITERATIONS {
            return Err(ApiError::internal(
                "[vars] PBKDF2_ITERATIONS must be 1..=100000",
            ));
        }
        Ok(Config {
            session_ttl: Duration::seconds(number(env, "SESSION_TTL_SECONDS")?),
            pbkdf2_iterations: iterations,
            signin_phone_limit: number(env, "SIGNIN_PHONE_LIMIT")?,
            signin_ip_limit: number(env, "SIGNIN_IP_LIMIT")?,
            throttle_window: Duration::seconds(number(env, "THROTTLE_WINDOW_SECONDS")?),
            test_hooks: test_hooks(env),
            push: Push::from_env(env),
        })
    }
}
