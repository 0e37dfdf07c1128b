use leptos::prelude::*;

use crate::i18n::{Msg, fill, use_i18n};

/// `n` of `of` in thousandths, at most a thousand.
fn permille(n: u64, of: u64) -> u64 {
    n.min(of).saturating_mul(1000).checked_div(of).unwrap_or(0)
}

/// A bar filled to `value` of `max` that glides to each new count (the stylesheet moves its fill), named
/// by `label`, the figures in words; with `quorum`, a line where the quorum lies and what it needs.
#[component]
pub(super) fn Meter(
    #[prop(into)] value: Signal<u64>,
    #[prop(into)] max: Signal<u64>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] quorum: Option<Signal<Option<u64>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div
            class="meter"
            role="progressbar"
            aria-label=label
            aria-valuemin="0"
            aria-valuemax=move || max.get().to_string()
            aria-valuenow=move || value.get().to_string()
        >
            <span class="meter-fill" style=move || format!("--p:{}", permille(value.get(), max.get()))></span>
            {quorum.map(|needed| move || needed.get().map(|n| {
                let text = fill(i18n.lang(), Msg::ScreenQuorumMark, &[("n", &n.to_string())]);
                view! { <span class="meter-mark" style=format!("--p:{}", permille(n, max.get()))><span>{text}</span></span> }
            }))}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::permille;

    #[test]
    fn a_bar_is_filled_in_thousandths_and_never_past_its_end() {
        assert_eq!(permille(31, 62), 500);
        assert_eq!(permille(32, 62), 516);
        assert_eq!(permille(3, 3), 1000);
        assert_eq!(
            permille(5, 3),
            1000,
            "weighted or late counts do not overflow the bar"
        );
        assert_eq!(permille(0, 0), 0, "no voters yet");
    }
}
