//! Attempt counters (per phone number, per client address — the one Cloudflare sets, `CF-Connecting-IP` —
//! per member, per Open311 key), applying `yishi_core::auth::Throttle`, kept in D1.
//!
//! An attempt counts itself before it is tried: [`Counter::check`] adds it in one statement and refuses
//! when the window was already full, so attempts made at the same moment cannot slip past the limit
//! together (with a read and a later write, as in KV, they could). What happens next decides whether it
//! stays counted: [`Counter::record`] keeps it (a wrong passcode), [`Counter::release`] takes it back (it
//! succeeded, or another counter refused it), [`Counter::reset`] forgets the whole window (the right
//! passcode for this phone). An attempt that ends otherwise (a taken phone number, a suspended account) stays
//! counted: every attempt that does not succeed counts. Keys are stored hashed.

use yishi_core::auth::Throttle;

use crate::db;
use crate::error::ApiResult;
use crate::http::Ctx;

#[must_use = "an attempt is kept, released or reset"]
pub struct Counter {
    key: String,
}

impl Counter {
    /// Counts this attempt against `key`, refusing (`rate_limited`) when `max` were made in the window.
    pub async fn check(ctx: &Ctx, key: String, max: u32) -> ApiResult<Counter> {
        let throttle = Throttle {
            max,
            window: ctx.config.throttle_window,
        };
        let key = crate::crypto::token_hash(&key).await?;
        let before = db::attempts::count(
            &ctx.db()?,
            &key,
            ctx.now,
            ctx.now - ctx.config.throttle_window,
        )
        .await?;
        throttle.check(before, ctx.now)?;
        Ok(Counter { key })
    }

    /// Counts a second key for the same attempt; when it refuses, the first is taken back.
    pub async fn and(self, ctx: &Ctx, key: String, max: u32) -> ApiResult<(Counter, Counter)> {
        match Counter::check(ctx, key, max).await {
            Ok(second) => Ok((self, second)),
            Err(e) => {
                self.release(ctx).await?;
                Err(e)
            }
        }
    }

    /// The attempt failed: it stays counted.
    pub fn record(self) {}

    /// The attempt does not count after all.
    pub async fn release(self, ctx: &Ctx) -> ApiResult<()> {
        db::attempts::uncount(&ctx.db()?, &self.key).await
    }

    /// Forgets every attempt of the window (after a success).
    pub async fn reset(self, ctx: &Ctx) -> ApiResult<()> {
        db::attempts::forget(&ctx.db()?, &self.key).await
    }
}
