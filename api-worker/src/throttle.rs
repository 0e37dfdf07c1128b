//! Attempt counters in KV (per phone number, per client address), applying `yishi_core::auth::Throttle`.
//! KV is eventually consistent across locations, so a determined attacker spread over the world may get a
//! few more attempts than the limit; within one location the count holds.

use yishi_core::auth::{AttemptWindow, Throttle};

use crate::error::ApiResult;
use crate::http::Ctx;

pub struct Counter {
    key: String,
    throttle: Throttle,
    window: Option<AttemptWindow>,
}

impl Counter {
    /// Loads the counter and refuses at once when it is full.
    pub async fn check(ctx: &Ctx, key: String, max: u32) -> ApiResult<Counter> {
        let throttle = Throttle {
            max,
            window: ctx.config.throttle_window,
        };
        let window = ctx.kv()?.get(&key).json::<AttemptWindow>().await?;
        throttle.check(window, ctx.now)?;
        Ok(Counter {
            key,
            throttle,
            window,
        })
    }

    /// Forgets the attempts (after a success).
    pub async fn reset(&self, ctx: &Ctx) -> ApiResult<()> {
        ctx.kv()?.delete(&self.key).await?;
        Ok(())
    }

    /// Counts one more attempt.
    pub async fn record(&self, ctx: &Ctx) -> ApiResult<()> {
        let window = self.throttle.record(self.window, ctx.now);
        let ttl = self.throttle.seconds_left(window, ctx.now).max(60);
        ctx.kv()?
            .put(&self.key, serde_json::to_string(&window)?)?
            .expiration_ttl(u64::try_from(ttl).unwrap_or(60))
            .execute()
            .await?;
        Ok(())
    }
}
