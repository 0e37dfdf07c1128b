use leptos::prelude::*;
use yishi_core::api::matters::MatterSettingsResponse;
use yishi_core::api::routes;
use yishi_core::ids::CommunityId;
use yishi_core::matters::MatterSettings;

use crate::api::{self, ApiError};
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn SettingsForm(community: CommunityId) -> impl IntoView {
    let i18n = use_i18n();
    let fields: [(RwSignal<String>, Msg, &'static str); 4] = [
        (
            RwSignal::new(String::new()),
            Msg::BuildingSupports,
            "set-building",
        ),
        (
            RwSignal::new(String::new()),
            Msg::CompoundSupports,
            "set-compound",
        ),
        (
            RwSignal::new(String::new()),
            Msg::CommunitySupports,
            "set-community",
        ),
        (
            RwSignal::new(String::new()),
            Msg::EvaluationDays,
            "set-days",
        ),
    ];
    let fill_from = move |s: MatterSettings| {
        for ((signal, _, _), value) in fields.iter().zip([
            s.building_supports,
            s.compound_supports,
            s.community_supports,
            s.evaluation_days,
        ]) {
            signal.set(value.to_string());
        }
    };
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let id = community.clone();
    let current = LocalResource::new(move || {
        let endpoint = routes::MatterSettings { id: id.clone() };
        async move { api::get(i18n.lang_untracked(), &endpoint).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(answer)) = current.get() {
            fill_from(answer.settings);
        }
    });
    let save = Action::new_local(move |settings: &MatterSettings| {
        let (endpoint, settings) = (
            routes::PutMatterSettings {
                id: community.clone(),
            },
            *settings,
        );
        async move {
            match api::send(
                i18n.lang_untracked(),
                &endpoint,
                &MatterSettingsResponse { settings },
            )
            .await
            {
                Ok(answer) => {
                    fill_from(answer.settings);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">{i18n.text(Msg::MatterSettingsHeading)}</h2>
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                error.set(None);
                saved.set(false);
                let n = |i: usize| fields[i].0.get_untracked().trim().parse::<u32>().unwrap_or(0);
                save.dispatch(MatterSettings {
                    building_supports: n(0),
                    compound_supports: n(1),
                    community_supports: n(2),
                    evaluation_days: n(3),
                });
            }>
                {fields
                    .iter()
                    .map(|(signal, label, id)| view! {
                        <div class="field">
                            <label for=*id>{i18n.text(*label)}</label>
                            <input id=*id type="number" min="1" inputmode="numeric" bind:value=*signal />
                        </div>
                    })
                    .collect::<Vec<_>>()}
                <button type="submit" class="button secondary">{i18n.text(Msg::SaveButton)}</button>
                {move || saved.get().then(|| view! { <p role="status">{i18n.text(Msg::Saved)}</p> })}
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            </form>
        </section>
    }
}
