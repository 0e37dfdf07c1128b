use leptos::prelude::*;
use yishi_core::api::territory::{
    CommunityTree, CreatePlaceRequest, ImportResponse, PlaceFigures, PlaceNode, UpdatePlaceRequest,
};
use yishi_core::error::Field;
use yishi_core::territory::import::TEMPLATE_HEADER;
use yishi_core::territory::{BuildingLayout, PlaceKind, normalize_place_name};
use yishi_core::{DomainError, Lang};

use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView, FormAlert, Loading, TextField};
use crate::forms::FormError;
use crate::i18n::{Msg, fill, t, use_i18n};

fn figures_line(lang: Lang, f: PlaceFigures) -> String {
    fill(
        lang,
        Msg::Figures,
        &[
            ("households", &f.households.to_string()),
            ("residents", &f.residents.to_string()),
            ("pending", &f.pending.to_string()),
        ],
    )
}

/// `/admin/territory`: the tree of the communities the member may see; staff add, archive, restore and
/// import places here.
#[component]
pub fn TerritoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let tree = LocalResource::new(move || {
        version.track();
        api::territory(i18n.lang_untracked())
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    // Outlives the reload of the tree that a successful import triggers.
    let imported = RwSignal::new(None::<ImportResponse>);
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::TerritoryHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/admin">{i18n.text(Msg::BackToAdmin)}</a>
            </p>
            <h1>{i18n.text(Msg::TerritoryHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match tree.await {
                        Ok(tree) => {
                            tree.communities
                                .into_iter()
                                .map(|c| view! { <CommunitySection community=c reload=reload imported=imported /> })
                                .collect::<Vec<_>>()
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error=error on_retry=move |()| tree.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

#[component]
fn CommunitySection(
    community: CommunityTree,
    reload: Callback<()>,
    imported: RwSignal<Option<ImportResponse>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let manageable = community.manageable;
    let compounds: Vec<(String, String)> = community
        .compounds
        .iter()
        .filter(|c| !c.archived)
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let community_id = community.id.to_string();
    view! {
        <section class="community" aria-label=community.name.clone()>
            <h2>{community.name.clone()}</h2>
            <p class="figures">{move || figures_line(i18n.lang(), community.figures)}</p>
            <ul class="place-tree">
                {community
                    .compounds
                    .into_iter()
                    .map(|node| view! { <PlaceItem node=node manageable=manageable reload=reload /> })
                    .collect::<Vec<_>>()}
            </ul>
            {manageable
                .then(|| {
                    view! {
                        <NewPlaceForm
                            kind=PlaceKind::Compound
                            parents=vec![(community_id.clone(), String::new())]
                            reload=reload
                        />
                        <NewPlaceForm kind=PlaceKind::Building parents=compounds reload=reload />
                        <ImportForm community=community_id.clone() reload=reload done=imported />
                    }
                })}
        </section>
    }
}

/// A compound, building or unit, with its children and actions.
#[component]
fn PlaceItem(node: PlaceNode, manageable: bool, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let (kind, id, archived) = (node.kind, node.id.clone(), node.archived);
    let toggle = Action::new_local(move |(): &()| {
        let id = id.clone();
        async move {
            match api::set_archived(i18n.lang_untracked(), kind, &id, !archived).await {
                Ok(_) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let links = match node.kind {
        PlaceKind::Building if !node.archived => Some(view! {
            <a href=format!("/admin/buildings/{}/invites", node.id)>{i18n.text(Msg::PrintInvites)}</a>
        }),
        _ => None,
    };
    let unit_link = (node.kind == PlaceKind::Unit).then(|| {
        view! { <a href=format!("/admin/units/{}", node.id)>{i18n.text(Msg::HouseholdsLink)}</a> }
    });
    let figures = node.figures;
    let name = node.name.clone();
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(node.name.clone());
    let rename = {
        let id = node.id.clone();
        Action::new_local(move |name: &String| {
            let (id, req) = (
                id.clone(),
                UpdatePlaceRequest {
                    name: Some(name.clone()),
                    code: None,
                    floor_area: None,
                },
            );
            async move {
                match api::update_place(i18n.lang_untracked(), kind, &id, &req).await {
                    Ok(_) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let rename_id = format!("rename-{}", node.id);
    view! {
        <li class=if node.archived { "place archived" } else { "place" }>
            <div class="place-line">
                <span class="place-name">{name}</span>
                {node.archived.then(|| view! { <span class="badge">{i18n.text(Msg::ArchivedBadge)}</span> })}
                <span class="figures">{move || figures_line(i18n.lang(), figures)}</span>
                {links}
                {unit_link}
                {manageable
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button secondary small"
                                on:click=move |_| {
                                    error.set(None);
                                    toggle.dispatch(());
                                }
                            >
                                {move || i18n.t(if archived { Msg::RestoreButton } else { Msg::ArchiveButton })}
                            </button>
                            <button
                                type="button"
                                class="button secondary small"
                                aria-expanded=move || if renaming.get() { "true" } else { "false" }
                                on:click=move |_| renaming.update(|r| *r = !*r)
                            >
                                {i18n.text(Msg::RenameButton)}
                            </button>
                        }
                    })}
            </div>
            {move || {
                renaming
                    .get()
                    .then(|| {
                        let rename_id = rename_id.clone();
                        view! {
                            <form class="inline-form" on:submit=move |ev| {
                                ev.prevent_default();
                                error.set(None);
                                rename.dispatch(new_name.get_untracked());
                            }>
                                <label for=rename_id.clone()>{i18n.text(Msg::NewNameLabel)}</label>
                                <input id=rename_id type="text" autocomplete="off" bind:value=new_name />
                                <button type="submit" class="button secondary small">{i18n.text(Msg::SaveButton)}</button>
                            </form>
                        }
                    })
            }}
            {move || {
                error
                    .get()
                    .map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })
            }}
            {(!node.children.is_empty())
                .then(|| {
                    view! {
                        <ul>
                            {node
                                .children
                                .into_iter()
                                // Type-erased: the component contains itself.
                                .map(|child| view! { <PlaceItem node=child manageable=manageable reload=reload /> }.into_any())
                                .collect::<Vec<_>>()}
                        </ul>
                    }
                })}
        </li>
    }
}

/// Adds a compound to the community, or a building (with an optional layout) to a chosen compound.
#[component]
fn NewPlaceForm(
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
            match api::create_place(i18n.lang_untracked(), kind, &req).await {
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

/// Pastes (or reads from a file) a CSV of households and imports it; every bad line is listed.
#[component]
fn ImportForm(
    community: String,
    reload: Callback<()>,
    done: RwSignal<Option<ImportResponse>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let errors = FormError::new(&[]);
    let rows = RwSignal::new(Vec::<String>::new());
    let import = Action::new_local(move |csv: &String| {
        let (csv, community) = (csv.clone(), community.clone());
        async move {
            match api::import_territory(i18n.lang_untracked(), &community, csv).await {
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
