use chrono::{DateTime, Utc};
use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::error::Field;
use yishi_core::time::{china_local_input, next_whole_hour, parse_china_local};

use super::TextField;
use crate::format::now;
use crate::i18n::{Msg, use_i18n};

/// When something starts, as a form holds it: now, or at a date and time in China time (the next whole
/// hour to begin with). A new vote's opening and a new meeting's start.
#[derive(Clone, Copy)]
pub struct Start {
    later: RwSignal<bool>,
    at: RwSignal<String>,
}

impl Start {
    pub fn new() -> Start {
        Start {
            later: RwSignal::new(false),
            at: RwSignal::new(china_local_input(next_whole_hour(now()))),
        }
    }

    /// `None` for now; else the time chosen, or what is wrong with it as an error at `field` (whether it
    /// may be that time is the caller's rule to check).
    pub fn chosen(self, field: Field) -> Result<Option<DateTime<Utc>>, DomainError> {
        if !self.later.get_untracked() {
            return Ok(None);
        }
        let at = self.at.get_untracked();
        if at.trim().is_empty() {
            return Err(DomainError::Required { field });
        }
        parse_china_local(&at)
            .map(Some)
            .ok_or(DomainError::Invalid { field })
    }
}

/// "现在开始" or "定个时间开始", then the date and time when she picks the second.
#[component]
pub fn StartChoice(
    start: Start,
    /// The radio group's name; the time field's id is `<name>-at`.
    name: &'static str,
    legend: Msg,
    id: &'static str,
    label: Msg,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Start { later, at } = start;
    view! {
        <fieldset class="field">
            <legend>{i18n.text(legend)}</legend>
            <label class="choice">
                <input type="radio" name=name value="now" checked=true on:change=move |_| later.set(false) />
                {i18n.text(Msg::StartNow)}
            </label>
            <label class="choice">
                <input type="radio" name=name value="later" on:change=move |_| later.set(true) />
                {i18n.text(Msg::StartLater)}
            </label>
        </fieldset>
        {move || later.get().then(|| match hint {
            Some(hint) => view! { <TextField id=id label=label value=at kind="datetime-local" hint=hint error=error /> }.into_any(),
            None => view! { <TextField id=id label=label value=at kind="datetime-local" error=error /> }.into_any(),
        })}
    }
}
