//! The device's clock for what counts down on a screen: work repeated while a component lives, a signal
//! that ticks every second, and what is left of a speaker's time.

use gloo_timers::callback::Interval;
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

/// Runs `tick` every `millis` milliseconds for as long as the calling component lives.
pub fn every(millis: u32, tick: impl FnMut() + 'static) {
    // Dropping the interval clears it.
    let interval = StoredValue::new_local(Some(Interval::new(millis, tick)));
    on_cleanup(move || interval.update_value(|i| drop(i.take())));
}

/// A clock that ticks every second while the component lives.
pub fn ticking() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    every(1_000, move || set_now.set(now_ms()));
    now
}
