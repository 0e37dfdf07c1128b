use leptos::prelude::*;
use yishi_core::matters::{Stage, Step};

use super::super::stage_label;
use crate::i18n::{Msg, use_i18n};

/// The five steps, the current one marked.
#[component]
pub(super) fn Stages(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let current = step.stage();
    view! {
        <ol class="stages" aria-label=i18n.text(Msg::StagesLabel)>
            {Stage::ALL
                .into_iter()
                .map(|stage| {
                    let class = match current {
                        Some(c) if c == stage => "stage current",
                        Some(c) if stage < c => "stage done",
                        _ => "stage",
                    };
                    view! {
                        <li class=class aria-current=(current == Some(stage)).then_some("step")>
                            {i18n.text(stage_label(stage))}
                        </li>
                    }
                })
                .collect::<Vec<_>>()}
        </ol>
    }
}
