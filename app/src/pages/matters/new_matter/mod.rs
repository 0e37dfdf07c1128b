mod propose_form;

use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::territory::{ScopeKind, ScopeRef};

use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::member_resource;

use propose_form::ProposeForm;

/// `/matters/new`: a resident raises a matter for her building, compound or community.
#[component]
pub fn NewMatterPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = member_resource();
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::ProposeHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/matters">{i18n.text(Msg::MattersHeading)}</a>
            </p>
            <h1>{i18n.text(Msg::ProposeHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => match places_of(&member) {
                            Some(places) => view! { <ProposeForm places=places /> }.into_any(),
                            None => view! { <p class="empty">{i18n.text(Msg::OnlyResidentsPropose)}</p> }.into_any(),
                        },
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| me.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

/// The places a confirmed resident may raise a matter for: her building, compound and community, each
/// `(scope, label message, name)`.
fn places_of(member: &MemberView) -> Option<Vec<(ScopeRef, Msg, String)>> {
    let home = member.home.as_ref()?;
    if home.verification != yishi_core::members::Verification::Confirmed {
        return None;
    }
    let path = &home.unit_path;
    let place = |kind, id: Option<String>| id.map(|id| ScopeRef { kind, id });
    Some(
        [
            (
                place(
                    ScopeKind::Building,
                    path.building_id().map(ToString::to_string),
                ),
                Msg::MyBuilding,
                format!("{} {}", home.compound_name, home.building_name),
            ),
            (
                place(
                    ScopeKind::Compound,
                    path.compound_id().map(ToString::to_string),
                ),
                Msg::MyCompound,
                home.compound_name.clone(),
            ),
            (
                place(
                    ScopeKind::Community,
                    path.community_id().map(ToString::to_string),
                ),
                Msg::MyCommunity,
                home.community_name.clone(),
            ),
        ]
        .into_iter()
        .filter_map(|(scope, msg, name)| scope.map(|s| (s, msg, name)))
        .collect(),
    )
}
