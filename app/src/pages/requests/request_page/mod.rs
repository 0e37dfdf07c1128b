mod confirm_form;
#[cfg(feature = "office")]
mod dispatch_panel;
#[cfg(feature = "office")]
mod handler_panel;
#[cfg(feature = "office")]
mod office_panels;
mod record;
mod request_detail;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::{GetPhoto, GetRequest};
use yishi_core::ids::RequestId;

#[cfg(feature = "office")]
use super::Catalogue;
use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, fill, use_i18n};

use request_detail::RequestDetail;

/// `/requests/:id`: one request, its deadline and record, and what the reader may do with it.
#[component]
pub fn RequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let request = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(RequestId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetRequest { id }).await
        }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::RequestsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/requests">{i18n.text(Msg::RequestsHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match request.await {
                        Ok(answer) => view! { <RequestDetail r=answer.request reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| request.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

fn photo_links(ids: &[yishi_core::ids::PhotoId]) -> Vec<AnyView> {
    let i18n = use_i18n();
    ids.iter()
        .enumerate()
        .map(|(i, p)| {
            let n = (i + 1).to_string();
            let href = api::url(&GetPhoto { id: p.clone() }, &Query::new());
            let src = href.clone();
            view! {
                <a href=href target="_blank" rel="noopener">
                    <img src=src loading="lazy" alt=move || fill(i18n.lang(), Msg::PhotoAlt, &[("n", &n)]) />
                </a>
            }
            .into_any()
        })
        .collect()
}

#[cfg(feature = "office")]
/// The catalogue's units, for naming the right one.
fn unit_options(catalogue: Catalogue, exclude: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <option value="">{i18n.text(Msg::ChooseScope)}</option>
        <Transition fallback=|| ()>
            {move || {
                let exclude = exclude.clone();
                Suspend::new(async move {
                    catalogue.await.ok().map(|c| {
                        c.units
                            .into_iter()
                            .filter(|u| u.id.as_str() != exclude)
                            .map(|u| view! { <option value=u.id.to_string()>{u.name.clone()}</option> })
                            .collect::<Vec<_>>()
                    })
                })
            }}
        </Transition>
    }
}
