use leptos::prelude::*;
use yishi_core::policy::{self, Action};

use crate::components::{AppShell, DocumentTitle, ErrorView, Loading, StaffQueue};
use crate::i18n::{Msg, use_i18n};
use crate::session::{actor_of, member_resource};

/// `/admin`: what waits for her (the requests queue, with its counts), then the office holder's links,
/// as her roles allow.
#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = member_resource();
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::AdminHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/">{i18n.text(Msg::BackHome)}</a>
            </p>
            <h1>{i18n.text(Msg::AdminHeading)}</h1>
            <StaffQueue />
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => {
                            let actor = actor_of(&member);
                            let may = |action| !policy::scopes_for(&actor, action).is_empty();
                            let links = [
                                (may(Action::DispatchRequests), "/requests", Msg::QueueLink),
                                (may(Action::ViewTerritory), "/admin/territory", Msg::TerritoryLink),
                                (may(Action::ViewMembers), "/admin/members", Msg::MembersLink),
                                (may(Action::ReadAudit), "/admin/audit", Msg::AuditLink),
                            ];
                            view! {
                                <ul class="link-list">
                                    {links
                                        .into_iter()
                                        .filter(|(allowed, _, _)| *allowed)
                                        .map(|(_, href, label)| {
                                            view! {
                                                <li>
                                                    <a class="button secondary" href=href>{i18n.text(label)}</a>
                                                </li>
                                            }
                                        })
                                        .collect::<Vec<_>>()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error=error on_retry=move |()| me.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
