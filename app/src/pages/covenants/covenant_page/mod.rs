mod clauses;
mod comment_form;
mod covenant_detail;
#[cfg(feature = "office")]
mod manage_covenant;
#[cfg(feature = "office")]
mod paper_signature_form;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetCovenant;
use yishi_core::ids::CovenantId;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use covenant_detail::CovenantDetail;

/// `/covenants/:id`: the version in force (or the draft), comments per clause, the vote, signing for
/// one's household, coverage per building, and the history of versions.
#[component]
pub fn CovenantPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let covenant = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(CovenantId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetCovenant { id }).await
        }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::CovenantsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/covenants">{i18n.text(Msg::CovenantsHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match covenant.await {
                        Ok(answer) => view! { <CovenantDetail covenant=answer.covenant reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| covenant.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
