use leptos::prelude::*;
use yishi_core::api::matters::MatterView;
use yishi_core::api::routes::{AdoptMatter, SupportMatter};
use yishi_core::i18n::Term;
use yishi_core::ids::MatterId;
use yishi_core::matters::Step;

use crate::changes::Change;
use crate::components::TermHelp;
use crate::i18n::{Msg, fill, use_i18n};

/// Supports (民提) and adopting a micro-wish.
#[component]
pub(super) fn SupportBox(matter: MatterView, id: MatterId, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let change = Change::new(reload);
    let (support, adopt) = (SupportMatter { id: id.clone() }, AdoptMatter { id });
    let counting = !m.micro_wish && matches!(m.step, Step::Proposed | Step::Deliberating);
    let progress = {
        let (count, threshold) = (m.supports.to_string(), m.threshold.to_string());
        move || {
            fill(
                i18n.lang(),
                Msg::SupportProgress,
                &[("count", &count), ("threshold", &threshold)],
            )
        }
    };
    view! {
        {counting.then(|| view! {
            <p class="support-progress">{progress}</p>
            <p class="terms"><TermHelp term=Term::Support /></p>
        })}
        {m.my_support.then(|| view! { <p class="hint">{i18n.text(Msg::YouSupport)}</p> })}
        <p class="button-row">
            {m.may.support.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.send_saying(&support, &(), Msg::SupportDone)>
                    {i18n.text(Msg::SupportButton)}
                </button>
            })}
            {m.may.adopt.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.send(&adopt, &())>
                    {i18n.text(Msg::AdoptButton)}
                </button>
            })}
        </p>
        {change.view()}
    }
}
