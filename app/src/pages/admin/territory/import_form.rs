use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::api::routes::ImportTerritory;
use yishi_core::api::territory::ImportResponse;
use yishi_core::error::Field;
use yishi_core::ids::CommunityId;
use yishi_core::territory::import::TEMPLATE_HEADER;

use crate::api::{self, ApiError};
use crate::components::FormAlert;
use crate::forms::FormError;
use crate::i18n::{Msg, fill, t, use_i18n};

/// Pastes (or reads from a file) a CSV of households and imports it; every bad line is listed.
#[component]
pub(super) fn ImportForm(
    community: CommunityId,
    reload: Callback<()>,
    done: RwSignal<Option<ImportResponse>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let errors = FormError::new(&[]);
    let rows = RwSignal::new(Vec::<String>::new());
    let import = Action::new_local(move |csv: &String| {
        let (csv, import) = (
            csv.clone(),
            ImportTerritory {
                id: community.clone(),
            },
        );
        async move {
            match api::send_csv(i18n.lang_untracked(), &import, &csv).await {
                Ok(counts) => {
                    done.set(Some(counts));
                    reload.run(());
                }
                Err(e) => {
                    if let ApiError::Server { body, .. } = &e {
                        rows.set(
                            body.rows
                                .iter()
                                .map(|r| {
                                    fill(
                                        i18n.lang_untracked(),
                                        Msg::ImportRowError,
                                        &[("line", &r.line.to_string()), ("message", &r.message)],
                                    )
                                })
                                .collect(),
                        );
                    }
                    errors.set(e);
                }
            }
        }
    });
    let pending = import.pending();
    let on_submit = errors.on_submit(import, move || {
        rows.set(Vec::new());
        done.set(None);
        let csv = text.get_untracked();
        if csv.trim().is_empty() {
            return Err(DomainError::Required { field: Field::Csv });
        }
        Ok(csv)
    });
    view! {
        <form class="form compact" on:submit=on_submit novalidate aria-labelledby="import-heading">
            <h3 id="import-heading">{i18n.text(Msg::ImportHeading)}</h3>
            <div class="field">
                <label for="import-csv">{i18n.text(Msg::CsvLabel)}</label>
                <p id="import-csv-hint" class="hint">
                    {move || fill(i18n.lang(), Msg::ImportHint, &[("header", TEMPLATE_HEADER)])}
                </p>
                <textarea id="import-csv" rows="6" aria-describedby="import-csv-hint" bind:value=text></textarea>
            </div>
            <FormAlert id="import-error" message=errors.general() />
            {move || {
                let rows = rows.get();
                (!rows.is_empty())
                    .then(|| {
                        view! {
                            <ul class="row-errors">
                                {rows.into_iter().map(|r| view! { <li>{r}</li> }).collect::<Vec<_>>()}
                            </ul>
                        }
                    })
            }}
            {move || {
                done.get()
                    .map(|c| {
                        let lang = i18n.lang();
                        view! {
                            <p class="notice-info" role="status">
                                {fill(
                                    lang,
                                    Msg::ImportDone,
                                    &[
                                        ("compounds", &c.compounds.to_string()),
                                        ("buildings", &c.buildings.to_string()),
                                        ("units", &c.units.to_string()),
                                        ("households", &c.households.to_string()),
                                        ("existing", &c.existing_households.to_string()),
                                    ],
                                )}
                            </p>
                        }
                    })
            }}
            <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                {move || t(i18n.lang(), if pending.get() { Msg::Working } else { Msg::ImportButton })}
            </button>
        </form>
    }
}
