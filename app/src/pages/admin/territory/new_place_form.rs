use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::api::routes::CreatePlace;
use yishi_core::api::territory::CreatePlaceRequest;
use yishi_core::error::Field;
use yishi_core::territory::{BuildingLayout, PlaceKind, normalize_place_name};

use crate::api;
use crate::components::{FormAlert, TextField};
use crate::forms::FormError;
use crate::i18n::{Msg, use_i18n};

/// Adds a compound to the community, or a building (with an optional layout) to a chosen compound.
#[component]
pub(super) fn NewPlaceForm(
    kind: PlaceKind,
    /// `(id, name)` of the places it may be added to; a single one is not offered as a choice.
    parents: Vec<(String, String)>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let is_building = kind == PlaceKind::Building;
    let prefix = if is_building { "building" } else { "compound" };
    let ids: &'static [(&'static str, &'static str)] = if is_building {
        &[
            ("building", "new-building-name"),
            ("scope", "new-building-parent"),
            ("units", "new-building-units"),
            ("floors", "new-building-floors"),
            ("doors_per_floor", "new-building-doors"),
        ]
    } else {
        &[("compound", "new-compound-name")]
    };
    let errors = FormError::new(ids);
    let name = RwSignal::new(String::new());
    let parent = RwSignal::new(
        parents
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default(),
    );
    let (units, floors, doors) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let create = Action::new_local(move |req: &CreatePlaceRequest| {
        let req = req.clone();
        async move {
            match api::send(i18n.lang_untracked(), &CreatePlace { kind }, &req).await {
                Ok(_) => {
                    name.set(String::new());
                    reload.run(());
                }
                Err(e) => errors.set(e),
            }
        }
    });
    let pending = create.pending();
    let on_submit = errors.on_submit(create, move || {
        let field = kind.field();
        let name = normalize_place_name(&name.get_untracked(), field)?;
        let parent_id = parent.get_untracked();
        if parent_id.is_empty() {
            return Err(DomainError::Required {
                field: Field::Scope,
            });
        }
        let number = |s: RwSignal<String>, f: Field| -> Result<Option<u8>, DomainError> {
            let text = s.get_untracked();
            let text = text.trim();
            if text.is_empty() {
                Ok(None)
            } else {
                text.parse::<u8>()
                    .map(Some)
                    .map_err(|_| DomainError::Invalid { field: f })
            }
        };
        let layout = match (
            number(units, Field::Units)?,
            number(floors, Field::Floors)?,
            number(doors, Field::DoorsPerFloor)?,
        ) {
            (Some(units), Some(floors), Some(doors_per_floor)) if is_building => Some(
                BuildingLayout {
                    units,
                    floors,
                    doors_per_floor,
                }
                .validate()?,
            ),
            _ => None,
        };
        Ok(CreatePlaceRequest {
            parent_id,
            name,
            code: None,
            layout,
        })
    });
    let heading = if is_building {
        Msg::NewBuilding
    } else {
        Msg::NewCompound
    };
    let name_id = if is_building {
        "new-building-name"
    } else {
        "new-compound-name"
    };
    let show_parents = parents.len() > 1 || is_building;
    view! {
        <form class="form compact" on:submit=on_submit novalidate aria-labelledby=format!("{prefix}-form-heading")>
            <h3 id=format!("{prefix}-form-heading")>{i18n.text(heading)}</h3>
            <FormAlert id=if is_building { "new-building-error" } else { "new-compound-error" } message=errors.general() />
            {show_parents
                .then(|| {
                    view! {
                        <div class="field">
                            <label for="new-building-parent">{i18n.text(Msg::InCompound)}</label>
                            <select id="new-building-parent" bind:value=parent>
                                {parents
                                    .iter()
                                    .map(|(id, name)| view! { <option value=id.clone()>{name.clone()}</option> })
                                    .collect::<Vec<_>>()}
                            </select>
                        </div>
                    }
                })}
            <TextField id=name_id label=Msg::PlaceName value=name error=errors.field(kind.field().as_str()) />
            {is_building
                .then(|| {
                    view! {
                        <p class="hint">{i18n.text(Msg::LayoutHint)}</p>
                        <div class="layout-fields">
                            <TextField id="new-building-units" label=Msg::LayoutUnits value=units kind="number" inputmode="numeric" error=errors.field("units") />
                            <TextField id="new-building-floors" label=Msg::LayoutFloors value=floors kind="number" inputmode="numeric" error=errors.field("floors") />
                            <TextField id="new-building-doors" label=Msg::LayoutDoors value=doors kind="number" inputmode="numeric" error=errors.field("doors_per_floor") />
                        </div>
                    }
                })}
            <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                {move || i18n.t(if pending.get() { Msg::Working } else { Msg::AddButton })}
            </button>
        </form>
    }
}
