use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::OfficeLink;
use crate::i18n::{Msg, use_i18n};

/// In the resident app, where the page has tools for her office (who has read a notice, running a vote,
/// handling a request): one tap opens this same page in the office app, where they are.
#[component]
pub fn OpenInOffice() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = location.pathname.get_untracked();
    view! {
        <p class="office-tools">
            <OfficeLink href=here class="button secondary">
                {i18n.text(Msg::OpenInOffice)}
            </OfficeLink>
        </p>
    }
}
