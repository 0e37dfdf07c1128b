use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::policy::{self, Action};

use crate::apps;
use crate::components::OfficeLink;
use crate::i18n::{Msg, use_i18n};
use crate::session::{actor_of, use_session};

/// Where "办公" leads: community admin for those who look after places (staff, grid workers, building
/// heads…), else the requests a handling unit's member works on; nothing for a resident without an
/// office.
#[must_use]
pub fn office_home(member: &MemberView) -> Option<&'static str> {
    if !policy::scopes_for(&actor_of(member), Action::ViewTerritory).is_empty() {
        Some("/admin")
    } else if apps::has_office_tools(member) {
        Some("/requests")
    } else {
        None
    }
}

/// In the header, for those who hold an office: "办公", one tap to their tools (in the resident app, a
/// page load into the office app).
#[component]
pub fn OfficeEntry() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        session.member().and_then(|m| office_home(&m)).map(|href| {
            view! {
                <OfficeLink href=href class="office-entry">
                    {i18n.text(Msg::OfficeEntry)}
                </OfficeLink>
            }
        })
    }
}
