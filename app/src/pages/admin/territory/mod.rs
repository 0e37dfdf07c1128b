mod community_section;
mod import_form;
mod new_place_form;
mod place_item;

use leptos::prelude::*;
use yishi_core::Lang;
use yishi_core::api::routes::Territory;
use yishi_core::api::territory::{ImportResponse, PlaceFigures};

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, fill, use_i18n};

use community_section::CommunitySection;

fn figures_line(lang: Lang, f: PlaceFigures) -> String {
    fill(
        lang,
        Msg::Figures,
        &[
            ("households", &f.households.to_string()),
            ("residents", &f.residents.to_string()),
            ("pending", &f.pending.to_string()),
        ],
    )
}

/// `/admin/territory`: the tree of the communities the member may see; staff add, archive, restore and
/// import places here.
#[component]
pub fn TerritoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let tree = LocalResource::new(move || {
        version.track();
        api::get(i18n.lang_untracked(), &Territory {})
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    // Outlives the reload of the tree that a successful import triggers.
    let imported = RwSignal::new(None::<ImportResponse>);
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::TerritoryHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/admin">{i18n.text(Msg::BackToAdmin)}</a>
            </p>
            <h1>{i18n.text(Msg::TerritoryHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match tree.await {
                        Ok(tree) => {
                            tree.communities
                                .into_iter()
                                .map(|c| view! { <CommunitySection community=c reload=reload imported=imported /> })
                                .collect::<Vec<_>>()
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error=error on_retry=move |()| tree.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
