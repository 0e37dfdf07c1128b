use leptos::prelude::*;

use crate::apps;
use crate::components::OfficeLink;
use crate::i18n::{Msg, use_i18n};

/// In the resident app, where the page has tools for her office (who has read a notice, running a vote,
/// handling a request): one tap opens this same page in the office app, where they are.
#[component]
pub fn OpenInOffice() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="office-tools">
            <OfficeLink href=apps::current_path() class="button secondary">
                {i18n.text(Msg::OpenInOffice)}
            </OfficeLink>
        </p>
    }
}
