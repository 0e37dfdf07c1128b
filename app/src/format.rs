//! Plain-text formatting for display: local times, excerpts, addresses, role names, a meeting's state.

use chrono::{DateTime, Utc};
use yishi_core::Lang;
use yishi_core::api::auth::{HomeView, RoleView};
use yishi_core::meetings::MeetingState;

use crate::i18n::Msg;

/// The time now, by the device's clock.
#[must_use]
pub fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// `YYYY-MM-DD HH:mm` in the device's time zone.
#[must_use]
pub fn local_datetime(at: &DateTime<Utc>) -> String {
    // Milliseconds since 1970 fit in an f64's 53-bit mantissa for another 285 000 years.
    let millis = at.timestamp_millis() as f64;
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A time typed in a `datetime-local` input (`YYYY-MM-DDTHH:mm`), or the end of a day typed in a `date`
/// input, in the device's time zone; `None` when empty or not a time.
#[must_use]
#[cfg(feature = "office")]
pub fn parse_local(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let text = if value.len() == 10 {
        format!("{value}T23:59:59")
    } else {
        value.to_owned()
    };
    let millis = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&text)).get_time();
    if millis.is_nan() {
        return None;
    }
    DateTime::<Utc>::from_timestamp_millis(millis as i64)
}

/// The machine-readable form for `<time datetime>`.
#[must_use]
pub fn iso_datetime(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The first lines of a notice body: at most `max_lines` non-empty lines and `max_chars` characters, with an
/// ellipsis when something was left out.
#[must_use]
pub fn excerpt(body: &str, max_lines: usize, max_chars: usize) -> String {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut out = String::new();
    let mut cut = lines.len() > max_lines;
    for line in lines.iter().take(max_lines) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    if out.chars().count() > max_chars {
        out = out.chars().take(max_chars).collect();
        cut = true;
    }
    if cut {
        out.push('…');
    }
    out
}

/// e.g. `阳光小区 3号楼 2单元 301`.
#[must_use]
pub fn home_line(home: &HomeView) -> String {
    [
        &home.compound_name,
        &home.building_name,
        &home.unit_name,
        &home.household_name,
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .map(|s| s.as_str())
    .collect::<Vec<_>>()
    .join(" ")
}

/// e.g. `楼栋长（阳光小区 3号楼）`.
#[must_use]
pub fn role_line(lang: Lang, role: &RoleView) -> String {
    let name = role.role.label(lang);
    match lang {
        Lang::ZhCn => format!("{name}（{}）", role.scope_name),
        Lang::En => format!("{name} ({})", role.scope_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_keep_the_first_lines() {
        assert_eq!(excerpt("一\n\n二\n三\n四", 3, 100), "一\n二\n三…");
        assert_eq!(excerpt("短", 3, 100), "短");
        assert_eq!(excerpt("abcdef", 3, 3), "abc…");
    }
}

/// The words for a meeting's state (scheduled, in session, closed).
#[must_use]
pub fn meeting_state_label(state: MeetingState) -> Msg {
    match state {
        MeetingState::Scheduled => Msg::MeetingScheduled,
        MeetingState::Open => Msg::MeetingOpen,
        MeetingState::Closed => Msg::MeetingClosed,
    }
}
