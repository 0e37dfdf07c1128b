use leptos::prelude::*;
use yishi_core::Lang;

use crate::api;
use crate::components::{ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::pages::notices::notice_form::scope_groups;

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
    let scopes = LocalResource::new(move || api::postable_scopes(i18n.lang_untracked()));
    view! {
        <div class="field">
            <label for=id>{i18n.text(label)}</label>
            <select id=id bind:value=value>
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
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </div>
    }
}
