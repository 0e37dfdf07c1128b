use leptos::prelude::*;
use yishi_core::requests::Figures;

use super::{duration_text, percent};
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn Summary(f: Figures) -> impl IntoView {
    let i18n = use_i18n();
    let lines = move || {
        let lang = i18n.lang();
        vec![
            (Msg::FigReceived, f.received.to_string()),
            (Msg::FigCompletion, percent(f.completion_rate)),
            (
                Msg::FigAverage,
                f.avg_handling_seconds
                    .map(|s| duration_text(lang, s))
                    .unwrap_or_else(|| "—".into()),
            ),
            (
                Msg::FigP90,
                f.p90_handling_seconds
                    .map(|s| duration_text(lang, s as f64))
                    .unwrap_or_else(|| "—".into()),
            ),
            (
                Msg::FigOverdue,
                format!("{} ({})", f.overdue, percent(f.overdue_rate)),
            ),
            (
                Msg::FigRating,
                f.avg_stars
                    .map(|s| format!("{s:.2}"))
                    .unwrap_or_else(|| "—".into()),
            ),
        ]
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{i18n.text(label)}</dt><dd>{value}</dd></div> })
        .collect::<Vec<_>>()
    };
    view! { <dl class="figures">{lines}</dl> }
}
