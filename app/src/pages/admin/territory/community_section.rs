use leptos::prelude::*;
use yishi_core::api::territory::{CommunityTree, ImportResponse};
use yishi_core::territory::PlaceKind;

use super::figures_line;
use super::import_form::ImportForm;
use super::new_place_form::NewPlaceForm;
use super::place_item::PlaceItem;
use crate::i18n::use_i18n;

#[component]
pub(super) fn CommunitySection(
    community: CommunityTree,
    reload: Callback<()>,
    imported: RwSignal<Option<ImportResponse>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let manageable = community.manageable;
    let compounds: Vec<(String, String)> = community
        .compounds
        .iter()
        .filter(|c| !c.archived)
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let community_id = community.id.to_string();
    view! {
        <section class="community" aria-label=community.name.clone()>
            <h2>{community.name.clone()}</h2>
            <p class="figures">{move || figures_line(i18n.lang(), community.figures)}</p>
            <ul class="place-tree">
                {community
                    .compounds
                    .into_iter()
                    .map(|node| view! { <PlaceItem node=node manageable=manageable reload=reload /> })
                    .collect::<Vec<_>>()}
            </ul>
            {manageable
                .then(|| {
                    view! {
                        <NewPlaceForm
                            kind=PlaceKind::Compound
                            parents=vec![(community_id.clone(), String::new())]
                            reload=reload
                        />
                        <NewPlaceForm kind=PlaceKind::Building parents=compounds reload=reload />
                        <ImportForm community=community.id.clone() reload=reload done=imported />
                    }
                })}
        </section>
    }
}
