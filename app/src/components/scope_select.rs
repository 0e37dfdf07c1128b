use leptos::prelude::*;
use yishi_core::Lang;
use yishi_core::api::routes::PostableScopes;
use yishi_core::api::territory::PostableScopesResponse;
use yishi_core::territory::{ScopeKind, ScopeRef};

use crate::api;
use crate::components::{ErrorView, Loading};
use crate::i18n::{Msg, fill, use_i18n};

/// One community of the scope picker: its name and the places in it the member may post to.
pub struct ScopeGroup {
    pub community: String,
    /// `(value, label)`; the value is `<kind>:<id>`.
    pub options: Vec<(String, String)>,
}

/// The places of `scopes` that can be chosen, grouped by community.
pub fn scope_groups(lang: Lang, scopes: &PostableScopesResponse) -> Vec<ScopeGroup> {
    let value = |kind: ScopeKind, id: &str| format!("{}:{id}", kind.as_str());
    scopes
        .communities
        .iter()
        .map(|community| {
            let mut options = Vec::new();
            if community.postable {
                options.push((
                    value(ScopeKind::Community, community.id.as_str()),
                    fill(lang, Msg::WholeCommunity, &[("name", &community.name)]),
                ));
            }
            for compound in &community.compounds {
                if compound.postable {
                    options.push((
                        value(ScopeKind::Compound, compound.id.as_str()),
                        fill(lang, Msg::WholeCompound, &[("name", &compound.name)]),
                    ));
                }
                for building in &compound.buildings {
                    options.push((
                        value(ScopeKind::Building, building.id.as_str()),
                        format!("{} {}", compound.name, building.name),
                    ));
                }
            }
            ScopeGroup {
                community: community.name.clone(),
                options,
            }
        })
        .filter(|group| !group.options.is_empty())
        .collect()
}

pub fn parse_scope(value: &str) -> Option<ScopeRef> {
    let (kind, id) = value.split_once(':')?;
    Some(ScopeRef {
        kind: ScopeKind::parse(kind)?,
        id: id.to_owned(),
    })
}

/// A choice among the places the member may address (a vote's or a meeting's scope), grouped by
/// community; `value` holds the chosen `kind:id`.
#[component]
pub fn ScopeSelect(
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let scopes = LocalResource::new(move || api::get(i18n.lang_untracked(), &PostableScopes {}));
    view! {
        <div class="field">
            <label for=id>{i18n.text(label)}</label>
            <select id=id bind:value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| format!("{id}-error"))>
                <option value="">{i18n.text(Msg::ChooseScope)}</option>
                <Transition fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        match scopes.await {
                            Ok(scopes) => {
                                scope_groups(Lang::default(), &scopes)
                                    .into_iter()
                                    .map(|g| {
                                        view! {
                                            <optgroup label=g.community>
                                                {g.options
                                                    .into_iter()
                                                    .map(|(value, label)| view! { <option value=value>{label}</option> })
                                                    .collect::<Vec<_>>()}
                                            </optgroup>
                                        }
                                    })
                                    .collect::<Vec<_>>()
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorView error=e /> }.into_any(),
                        }
                    })}
                </Transition>
            </select>
            {move || error.get().map(|e| view! { <p id=format!("{id}-error") class="field-error" role="alert">{e}</p> })}
        </div>
    }
}
