use leptos::prelude::*;
use yishi_core::votes::tally::Threshold;

use crate::i18n::{Msg, use_i18n};

/// The choices of what adopts a motion, as `<option>`s whose values [`parse_threshold`] reads.
#[component]
pub fn ThresholdOptions() -> impl IntoView {
    let i18n = use_i18n();
    [
        ("simple", Msg::ThresholdSimple),
        ("absolute", Msg::ThresholdAbsolute),
        ("two_thirds", Msg::ThresholdTwoThirds),
        ("three_quarters", Msg::ThresholdThreeQuarters),
    ]
    .into_iter()
    .map(|(value, label)| view! { <option value=value>{i18n.text(label)}</option> })
    .collect::<Vec<_>>()
}

/// The threshold an option of [`ThresholdOptions`] stands for (`None` for anything else).
#[must_use]
pub fn parse_threshold(value: &str) -> Option<Threshold> {
    match value {
        "simple" => Some(Threshold::SimpleMajority),
        "absolute" => Some(Threshold::AbsoluteMajority),
        "two_thirds" => Some(Threshold::TwoThirds),
        "three_quarters" => Some(Threshold::ThreeQuarters),
        _ => None,
    }
}
