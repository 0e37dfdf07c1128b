use leptos::prelude::*;
use yishi_core::meetings::roster::BuildingCount;

use crate::i18n::{Msg, fill, use_i18n};

/// Attendance per building (到会/应到): each building a button that lists its people in the search
/// above.
#[component]
pub(super) fn ChairBuildings(
    counts: Memo<Vec<BuildingCount>>,
    query: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h4 class="roster-buildings-heading">{i18n.text(Msg::ByBuildingHeading)}</h4>
        <ul class="roster-buildings">
            {move || {
                counts
                    .get()
                    .into_iter()
                    .map(|c| {
                        let (present, invited) = (c.present.to_string(), c.invited.to_string());
                        let full = c.present == c.invited;
                        match c.name {
                            Some(name) => {
                                let label = fill(i18n.lang(), Msg::BuildingCount, &[("building", &name), ("present", &present), ("invited", &invited)]);
                                view! {
                                    <li>
                                        <button type="button" class="button secondary building-count" class:full=full
                                            aria-controls="check-in-found" on:click=move |_| {
                                                query.set(name.clone());
                                                if let Some(field) = document().get_element_by_id("check-in-search") {
                                                    field.scroll_into_view();
                                                }
                                            }>
                                            {label}
                                        </button>
                                    </li>
                                }.into_any()
                            }
                            None => view! {
                                <li class="building-count others">
                                    {fill(i18n.lang(), Msg::OthersCount, &[("present", &present), ("invited", &invited)])}
                                </li>
                            }.into_any(),
                        }
                    })
                    .collect::<Vec<_>>()
            }}
        </ul>
    }
}
