use leptos::prelude::*;
use yishi_core::i18n::Term;
use yishi_core::votes::electorate::ElectorateRule;
use yishi_core::votes::poll::{PollSettings, Secrecy};
use yishi_core::votes::tally::Method;

use super::super::MethodNote;
use crate::components::{ReadAloud, TermHelp};
use crate::i18n::{Msg, fill, t, use_i18n};

/// The vote in plain words: "朗读" of the question and the options (never her choice), how the method
/// works, and what a secret or a named ballot means.
#[component]
pub(super) fn PlainWords(settings: PollSettings) -> impl IntoView {
    let i18n = use_i18n();
    let secrecy = match settings.secrecy {
        Secrecy::Secret => Term::SecretBallot,
        Secrecy::Named => Term::NamedBallot,
    };
    let method = settings.method.clone();
    let households = matches!(settings.electorate, ElectorateRule::Households { .. });
    let double = settings.rules.double_majority;
    let spoken = Signal::derive(move || {
        let lang = i18n.lang();
        let choices = if matches!(settings.method, Method::YesNo) {
            t(lang, Msg::SpokenYesNo).to_owned()
        } else {
            let list = settings.options.join(t(lang, Msg::SpokenListSeparator));
            fill(lang, Msg::SpokenOptions, &[("list", &list)])
        };
        format!("{}\n{choices}", settings.title)
    });
    view! {
        <ReadAloud text=spoken />
        <MethodNote method=Signal::stored(method) id="vote-method" />
        <p class="terms">
            <TermHelp term=secrecy />
            {households.then(|| view! { " " <TermHelp term=Term::HouseholdRepresentative /> })}
            {double.then(|| view! { " " <TermHelp term=Term::DoubleMajority /> })}
        </p>
    }
}
