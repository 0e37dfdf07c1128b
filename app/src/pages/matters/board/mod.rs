mod board_lists;
mod settings_form;

use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::policy::{self, Action as Permission, Target};
use yishi_core::territory::ScopePath;

use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::{actor_of, member_resource};

use board_lists::BoardLists;
use settings_form::SettingsForm;

/// The community the member belongs to: where she lives, or the first community of her grants.
fn community_of(member: &MemberView) -> Option<ScopePath> {
    let of = |p: &ScopePath| {
        p.community_id()
            .map(|c| ScopePath::community(p.street_id().clone(), c.clone()))
    };
    member
        .home
        .as_ref()
        .and_then(|h| of(&h.unit_path))
        .or_else(|| member.roles.iter().find_map(|r| of(&r.scope_path)))
}

/// `/matters/board`: the red/black board of the member's community (红黑榜), and for its staff the
/// settings of matters.
#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = member_resource();
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::BoardHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/matters">{i18n.text(Msg::MattersHeading)}</a>
            </p>
            <h1>{i18n.text(Msg::BoardHeading)}</h1>
            <p class="hint">{i18n.text(Msg::BoardIntro)}</p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => match community_of(&member) {
                            Some(path) => {
                                let staff = policy::authorize(&actor_of(&member), Permission::ManageMatters, Target::Scope(&path)).is_ok();
                                let community = path.community_id().cloned();
                                let board = community.as_ref().map(ToString::to_string).unwrap_or_default();
                                view! {
                                    <BoardLists community=board />
                                    {community.filter(|_| staff).map(|community| view! { <SettingsForm community=community /> })}
                                }
                                    .into_any()
                            }
                            None => view! { <p class="empty">{i18n.text(Msg::NoMatters)}</p> }.into_any(),
                        },
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| me.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
