//! The device's clock for what counts down on a screen: a signal that ticks every second while a
//! component lives, and what is left of a speaker's time.

use std::time::Duration;

use leptos::prelude::*;

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Seconds left of a speaker's countdown, ticking.
pub fn countdown(
    started_at: Option<chrono::DateTime<chrono::Utc>>,
    seconds: Option<u32>,
    now: i64,
) -> Option<String> {
    let (start, limit) = (started_at?, seconds?);
    let end = start.timestamp_millis() + i64::from(limit) * 1000;
    let left = ((end - now).max(0) + 999) / 1000;
    Some(format!("{}:{:02}", left / 60, left % 60))
}

/// A clock that ticks every second while the component lives.
pub fn ticking() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    if let Ok(handle) =
        set_interval_with_handle(move || set_now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    now
}
