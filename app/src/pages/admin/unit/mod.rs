mod household_item;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::UnitHouseholds;
use yishi_core::ids::UnitId;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use household_item::HouseholdItem;

/// `/admin/units/:id`: the households of a unit with their members; invite codes, members without a
/// phone, and the household representative.
#[component]
pub fn UnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let unit = move || params.read().get("id").unwrap_or_default();
    let version = RwSignal::new(0_u32);
    let households = LocalResource::new(move || {
        version.track();
        let unit = unit();
        async move {
            let id = api::found(UnitId::parse(&unit))?;
            api::get(i18n.lang_untracked(), &UnitHouseholds { id }).await
        }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let in_person = RwSignal::new(false);
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::HouseholdsLink).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/admin/territory">{i18n.text(Msg::TerritoryHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match households.await {
                        Ok(answer) => {
                            view! {
                                <h1>{answer.unit_name.clone()}</h1>
                                <label class="check">
                                    <input type="checkbox" bind:checked=in_person />
                                    {i18n.text(Msg::InPerson)}
                                </label>
                                <ul class="households">
                                    {answer
                                        .households
                                        .into_iter()
                                        .filter(|h| !h.archived)
                                        .map(|h| view! { <HouseholdItem household=h in_person=in_person reload=reload /> })
                                        .collect::<Vec<_>>()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! { <ErrorView error=error on_retry=move |()| households.refetch() /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AppShell>
    }
}
