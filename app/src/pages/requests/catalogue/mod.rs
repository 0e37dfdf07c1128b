mod catalogue_editor;

use leptos::prelude::*;
use yishi_core::api::routes::RequestCatalogue;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use catalogue_editor::CatalogueEditor;

/// `/requests/catalogue`: staff keep the catalogue: categories, subcategories with their unit, time
/// limit, legal basis and standard; the units and their members; the calendar; CSV in and out.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let catalogue = LocalResource::new(move || {
        version.track();
        api::get(i18n.lang_untracked(), &RequestCatalogue {})
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::CatalogueHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/requests">{i18n.text(Msg::RequestsHeading)}</a>
            </p>
            <h1>{i18n.text(Msg::CatalogueHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match catalogue.await {
                        Ok(c) => view! { <CatalogueEditor c=c reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| catalogue.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
