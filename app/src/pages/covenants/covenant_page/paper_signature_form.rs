use leptos::prelude::*;
use yishi_core::api::covenants::SignRequest;
use yishi_core::api::routes::{SignCovenant, Territory, UnitHouseholds};
use yishi_core::ids::{CovenantId, UnitId};
use yishi_core::territory::{ScopeKind, ScopeRef};

use crate::api;
use crate::changes::Change;
use crate::i18n::{Msg, use_i18n};

/// The units of `scope` in the territory tree, as `(id, "小区 楼栋 单元")`.
fn units_within(
    tree: &yishi_core::api::territory::TerritoryResponse,
    scope: &ScopeRef,
) -> Vec<(String, String)> {
    let mut units = Vec::new();
    for community in &tree.communities {
        let in_community = scope.kind == ScopeKind::Community && community.id.as_str() == scope.id;
        for compound in &community.compounds {
            let in_compound =
                in_community || (scope.kind == ScopeKind::Compound && compound.id == scope.id);
            for building in &compound.children {
                let in_building =
                    in_compound || (scope.kind == ScopeKind::Building && building.id == scope.id);
                for unit in building.children.iter().filter(|u| !u.archived) {
                    if in_building || (scope.kind == ScopeKind::Unit && unit.id == scope.id) {
                        units.push((
                            unit.id.clone(),
                            format!("{} {} {}", compound.name, building.name, unit.name),
                        ));
                    }
                }
            }
        }
    }
    units
}

/// Staff and grid workers record a household's signature on the paper covenant, with the reason.
#[component]
pub(super) fn PaperSignatureForm(id: CovenantId, scope: ScopeRef, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let sign = SignCovenant { id };
    let tree =
        LocalResource::new(
            move || async move { api::get(i18n.lang_untracked(), &Territory {}).await },
        );
    let unit = RwSignal::new(String::new());
    let household = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let households = LocalResource::new(move || {
        let unit = unit.get();
        async move {
            if unit.is_empty() {
                Ok(Vec::new())
            } else {
                api::get(
                    i18n.lang_untracked(),
                    &UnitHouseholds {
                        id: UnitId::from_trusted(unit),
                    },
                )
                .await
                .map(|h| h.households)
            }
        }
    });
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            change.send(&sign, &SignRequest { household: Some(household.get_untracked()), reason: Some(reason.get_untracked()) });
        }>
            <h3>{i18n.text(Msg::PaperSignature)}</h3>
            <div class="field">
                <label for="paper-unit">{i18n.text(Msg::PaperUnit)}</label>
                <select id="paper-unit" on:change=move |ev| { household.set(String::new()); unit.set(event_target_value(&ev)); }>
                    <option value="">{i18n.text(Msg::ChooseScope)}</option>
                    <Transition>
                        {
                            let scope = scope.clone();
                            move || {
                                let scope = scope.clone();
                                Suspend::new(async move {
                                    tree.await
                                        .map(|t| units_within(&t, &scope))
                                        .unwrap_or_default()
                                        .into_iter()
                                        .map(|(id, name)| view! { <option value=id>{name}</option> })
                                        .collect::<Vec<_>>()
                                })
                            }
                        }
                    </Transition>
                </select>
            </div>
            <div class="field">
                <label for="paper-household">{i18n.text(Msg::PaperHousehold)}</label>
                <select id="paper-household" on:change=move |ev| household.set(event_target_value(&ev))>
                    <option value="">{i18n.text(Msg::ChooseScope)}</option>
                    <Transition>
                        {move || Suspend::new(async move {
                            households
                                .await
                                .unwrap_or_default()
                                .into_iter()
                                .filter(|h| !h.archived)
                                .map(|h| view! { <option value=h.id.to_string()>{h.name}</option> })
                                .collect::<Vec<_>>()
                        })}
                    </Transition>
                </select>
            </div>
            <div class="field">
                <label for="paper-reason">{i18n.text(Msg::ReasonLabel)}</label>
                <input id="paper-reason" type="text" bind:value=reason />
            </div>
            <button type="submit" class="button secondary">{i18n.text(Msg::PaperSignature)}</button>
        </form>
    }
}
