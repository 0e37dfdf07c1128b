use leptos::prelude::*;
use yishi_core::api::matters::MatterView;
use yishi_core::i18n::Term;
use yishi_core::matters::{Stage, Step};

use super::super::step_label;
use crate::components::{ReadAloud, TermHelp};
use crate::i18n::{t, use_i18n};

/// The matter in plain words: "朗读" of its title, where it stands and what was asked, and a "?" that
/// explains the step it is at (民提 … 民评, or 验收 while residents' representatives look at the work).
#[component]
pub(super) fn PlainWords(matter: MatterView) -> impl IntoView {
    let i18n = use_i18n();
    let term = match matter.step {
        Step::Accepting => Some(Term::Acceptance),
        step => step.stage().map(|stage| match stage {
            Stage::Propose => Term::Propose,
            Stage::Deliberate => Term::Deliberate,
            Stage::Decide => Term::Decide,
            Stage::CarryOut => Term::CarryOut,
            Stage::Evaluate => Term::Evaluate,
        }),
    };
    let (title, step, description) = (matter.title, matter.step, matter.description);
    let spoken = Signal::derive(move || {
        format!(
            "{title}\n{}\n{description}",
            t(i18n.lang(), step_label(step))
        )
    });
    view! {
        <ReadAloud text=spoken />
        {term.map(|term| view! { <p class="terms"><TermHelp term=term /></p> })}
    }
}
