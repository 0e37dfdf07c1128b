use leptos::prelude::*;

use crate::apps;
use crate::session::use_session;

/// A link to a screen of the office app. In the resident app a tap opens the office app there (a page load
/// that remembers her choice: one tap from her home screen to her tools), and only members with tools
/// there see it; in the office app it is an ordinary link.
#[component]
pub fn OfficeLink(
    #[prop(into)] href: String,
    #[prop(optional)] class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let shown =
        move || apps::OFFICE || session.member().is_some_and(|m| apps::has_office_tools(&m));
    move || {
        let target = href.clone();
        shown().then(|| {
            view! {
                <a
                    href=href.clone()
                    class=class
                    on:click=move |ev| {
                        if !apps::OFFICE {
                            ev.prevent_default();
                            apps::open_office(&target);
                        }
                    }
                >
                    {children()}
                </a>
            }
        })
    }
}
