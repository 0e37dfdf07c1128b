mod change_ballot;
mod downloads;
#[cfg(feature = "office")]
mod manage_vote;
mod my_ballot;
#[cfg(feature = "office")]
mod paper_entry;
mod plain_words;
mod proxy_form;
#[cfg(feature = "office")]
mod register;
mod result_view;
mod vote_detail;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetVote;
use yishi_core::ids::VoteId;
use yishi_core::policy::{self, Action as Permission};

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::{actor_of, member_resource};

use vote_detail::VoteDetail;

/// `/votes/:id`: the vote, the member's ballot while it is open, and the result when it is shown.
#[component]
pub fn VotePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let vote = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(VoteId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetVote { id }).await
        }
    });
    let me = member_resource();
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    // What she has just done here (voted, or changed her vote), so the page read again says so.
    let just_cast = RwSignal::new(None::<Msg>);
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::VoteTitle).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/votes">{i18n.text(Msg::BackToVotes)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    let manager = me
                        .await
                        .map(|m| !policy::scopes_for(&actor_of(&m), Permission::ManageVotes).is_empty())
                        .unwrap_or(false);
                    match vote.await {
                        Ok(answer) => view! { <VoteDetail vote=answer.vote manager=manager just_cast=just_cast reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| vote.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
