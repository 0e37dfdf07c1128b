use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::api::auth::MemberView;
use yishi_core::api::requests::{CatalogueResponse, NewRequest, OnBehalf, SubcategoryView};
use yishi_core::api::routes::{CreateRequest, JoinOpenRequest, SimilarRequests};
use yishi_core::error::Field;
use yishi_core::ids::RequestId;
use yishi_core::matters::PHOTOS_MAX;
use yishi_core::requests::{self as rules, Channel, Suggestible};
use yishi_core::territory::{ScopeKind, ScopeRef};
use yishi_core::text::{clean_line, clean_text};
use yishi_core::{DomainError, Lang};

use super::super::{RequestItem, routing_text};
use crate::api::{self, Query};
use crate::components::scope_select::parse_scope;
use crate::components::toast;
use crate::components::{FormAlert, ScopeSelect, TextField};
use crate::forms::{FormError, Named, chosen_files};
use crate::i18n::{Msg, fill, use_i18n};
use crate::photos;

/// Her places: unit, building, community (`kind:id`, label). A resident waiting for confirmation has
/// the same choices: the API takes her report about her community (see `policy::authorize`).
fn home_places(lang: Lang, member: &MemberView) -> Vec<(String, String)> {
    let Some(home) = member.home.as_ref() else {
        return Vec::new();
    };
    let p = &home.unit_path;
    let mut out = Vec::new();
    if let Some(u) = p.unit_id() {
        out.push((
            format!("unit:{u}"),
            fill(
                lang,
                Msg::MyUnitPlace,
                &[(
                    "name",
                    &format!(
                        "{} {} {}",
                        home.compound_name, home.building_name, home.unit_name
                    ),
                )],
            ),
        ));
    }
    if let Some(b) = p.building_id() {
        out.push((
            format!("building:{b}"),
            fill(
                lang,
                Msg::MyBuilding,
                &[(
                    "name",
                    &format!("{} {}", home.compound_name, home.building_name),
                )],
            ),
        ));
    }
    if let Some(c) = p.community_id() {
        out.push((
            format!("community:{c}"),
            fill(
                lang,
                Msg::ElsewhereInCommunity,
                &[("name", &home.community_name)],
            ),
        ));
    }
    out
}

#[component]
pub(super) fn ReportForm(member: MemberView, catalogue: CatalogueResponse) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let subs: Vec<(SubcategoryView, String)> = catalogue
        .categories
        .iter()
        .flat_map(|c| {
            c.subcategories
                .iter()
                .filter(|s| s.active)
                .map(|s| (s.clone(), c.name.clone()))
        })
        .collect();
    let subs = StoredValue::new(subs);
    let description = RwSignal::new(String::new());
    let sub = RwSignal::new(String::new());
    let places = home_places(i18n.lang_untracked(), &member);
    let waiting = member
        .home
        .as_ref()
        .is_some_and(|h| h.verification == yishi_core::members::Verification::Pending);
    let place = RwSignal::new(places.first().map(|(v, _)| v.clone()).unwrap_or_default());
    let place_text = RwSignal::new(String::new());
    let show_name = RwSignal::new(false);
    let files = RwSignal::new(Vec::<web_sys::File>::new());
    let uploading = RwSignal::new(false);
    // Staff register calls and visits.
    let registers = !catalogue.register_places.is_empty();
    let on_behalf = RwSignal::new(places.is_empty() && registers);
    let caller_name = RwSignal::new(String::new());
    let caller_phone = RwSignal::new(String::new());
    let channel = RwSignal::new("phone".to_owned());
    let staff_place = RwSignal::new(String::new());
    let errors = FormError::new(&[
        ("description", "request-description"),
        ("subcategory", "request-subcategory"),
        // Her own places, or the place staff choose for a caller: whichever is on the screen.
        ("place", "request-where"),
        ("place", "staff-place"),
        ("place_text", "request-place"),
        ("name", "caller-name"),
        ("phone", "caller-phone"),
        ("photos", "request-photos"),
    ])
    .with_names(&[
        ("description", Named::Typed(Msg::ProblemWord)),
        ("subcategory", Named::Chosen(Msg::KindOfProblemWord)),
        ("place", Named::Chosen(Msg::PlaceWord)),
    ]);

    let search = RwSignal::new(String::new());
    // Kinds found by what she searched for (names, categories, keywords containing it, then the
    // suggestion rules), or else suggested by what she wrote.
    let suggestions = Memo::new(move |_| {
        let query = search.get().trim().to_owned();
        let text = if query.is_empty() {
            description.get()
        } else {
            query.clone()
        };
        subs.with_value(|subs| {
            let items: Vec<Suggestible<'_>> = subs
                .iter()
                .map(|(s, c)| Suggestible {
                    name: &s.name,
                    category: c,
                    keywords: &s.keywords,
                })
                .collect();
            let mut found: Vec<usize> = if query.is_empty() {
                Vec::new()
            } else {
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, it)| {
                        it.name.contains(&query)
                            || it.category.contains(&query)
                            || it
                                .keywords
                                .iter()
                                .any(|k| k.contains(&query) || query.contains(k.as_str()))
                    })
                    .map(|(i, _)| i)
                    .collect()
            };
            for i in rules::suggest(&text, &items) {
                if !found.contains(&i) {
                    found.push(i);
                }
            }
            found
                .into_iter()
                .take(8)
                .filter_map(|i| subs.get(i).map(|(s, _)| (s.id.to_string(), s.name.clone())))
                .collect::<Vec<_>>()
        })
    });
    let chosen = Memo::new(move |_| {
        let id = sub.get();
        subs.with_value(|subs| {
            subs.iter()
                .find(|(s, _)| s.id.as_str() == id)
                .map(|(s, _)| s.clone())
        })
    });
    let where_ = move || {
        if on_behalf.get() {
            staff_place.get()
        } else {
            place.get()
        }
    };
    let similar = LocalResource::new(move || {
        let (sub, place) = (sub.get(), where_());
        async move {
            let (kind, id) = place.split_once(':')?;
            if sub.is_empty() {
                return None;
            }
            let query = Query::new()
                .set("subcategory", sub)
                .set("place_kind", kind)
                .set("place_id", id);
            api::send_query(i18n.lang_untracked(), &SimilarRequests {}, &query, &())
                .await
                .ok()
        }
    });

    let join = Action::new_local({
        let navigate = navigate.clone();
        move |id: &RequestId| {
            let (id, navigate) = (id.clone(), navigate.clone());
            async move {
                let join = JoinOpenRequest { id: id.clone() };
                match api::send(i18n.lang_untracked(), &join, &()).await {
                    Ok(_) => navigate(&format!("/requests/{id}"), NavigateOptions::default()),
                    Err(e) => errors.set(e),
                }
            }
        }
    });
    let submit = Action::new_local(move |req: &NewRequest| {
        let (mut req, navigate) = (req.clone(), navigate.clone());
        let chosen_files = files.get_untracked();
        async move {
            let uploaded =
                photos::upload_showing(i18n.lang_untracked(), chosen_files, uploading).await;
            match uploaded {
                Ok(ids) => req.photos = ids,
                Err(e) => {
                    errors.set(e);
                    return;
                }
            }
            match api::send(i18n.lang_untracked(), &CreateRequest {}, &req).await {
                Ok(answer) => {
                    toast::say(fill(
                        i18n.lang_untracked(),
                        Msg::ReportSent,
                        &[("unit", &answer.request.unit.name)],
                    ));
                    navigate(
                        &format!("/requests/{}", answer.request.id),
                        NavigateOptions {
                            replace: true,
                            ..NavigateOptions::default()
                        },
                    );
                }
                Err(e) => errors.set(e),
            }
        }
    });
    let pending = submit.pending();
    let on_submit = errors.on_submit(submit, move || {
        let description = clean_text(
            &description.get_untracked(),
            Field::Description,
            rules::DESCRIPTION_MAX,
        )?;
        let subcategory =
            Some(sub.get_untracked())
                .filter(|s| !s.is_empty())
                .ok_or(DomainError::Required {
                    field: Field::Subcategory,
                })?;
        let place: ScopeRef = parse_scope(&where_()).ok_or(DomainError::Required {
            field: Field::Place,
        })?;
        let precise = matches!(place.kind, ScopeKind::Building | ScopeKind::Unit);
        let place_text = rules::check_location(precise, Some(&place_text.get_untracked()))?;
        if files.with_untracked(Vec::len) > PHOTOS_MAX {
            return Err(DomainError::OutOfRange {
                field: Field::Photos,
                min: 0,
                max: u32::try_from(PHOTOS_MAX).unwrap_or(u32::MAX),
            });
        }
        let on_behalf = if on_behalf.get_untracked() {
            let phone = caller_phone.get_untracked();
            Some(OnBehalf {
                channel: if channel.get_untracked() == "in_person" {
                    Channel::InPerson
                } else {
                    Channel::Phone
                },
                name: clean_line(&caller_name.get_untracked(), Field::Name, rules::NAME_MAX)?,
                phone: (!phone.trim().is_empty()).then(|| phone.trim().to_owned()),
            })
        } else {
            None
        };
        Ok(NewRequest {
            subcategory,
            description,
            place,
            place_text,
            photos: Vec::new(),
            show_name: show_name.get_untracked(),
            on_behalf,
        })
    });
    let description_error = errors.field("description");
    let sub_error = errors.field("subcategory");
    let place_error = errors.field("place");
    let photos_error = errors.field("photos");
    // The exact place is wanted only when the place chosen is not a building or an entrance.
    let place_text_needed = Signal::derive(move || {
        parse_scope(&where_())
            .is_some_and(|p| !matches!(p.kind, ScopeKind::Building | ScopeKind::Unit))
    });
    if places.is_empty() && !registers {
        return view! { <p class="notice-box" role="status">{i18n.text(Msg::NoHomeToReport)}</p> }
            .into_any();
    }
    let categories = catalogue.categories.clone();
    let dispatches = catalogue.dispatches;
    let register_places = catalogue.register_places.clone();
    view! {
        {waiting.then(|| view! { <p class="pending-banner">{i18n.text(Msg::PendingReportNote)}</p> })}
        <form class="form" novalidate on:submit=on_submit>
            {registers.then(|| view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=move || on_behalf.get() on:change=move |ev| on_behalf.set(event_target_checked(&ev)) />
                    {i18n.text(Msg::RegisterForResident)}
                </label>
            })}
            {move || on_behalf.get().then(|| view! {
                <fieldset class="field">
                    <legend>{i18n.text(Msg::CallerHeading)}</legend>
                    <TextField id="caller-name" label=Msg::CallerName value=caller_name autocomplete="off" error=errors.field("name") />
                    <TextField id="caller-phone" label=Msg::CallerPhone value=caller_phone kind="tel" inputmode="tel" autocomplete="off" error=errors.field("phone") />
                    <div class="field">
                        <label for="caller-channel">{i18n.text(Msg::ChannelLabel)}</label>
                        <select id="caller-channel" on:change=move |ev| channel.set(event_target_value(&ev))>
                            <option value="phone">{i18n.text(Msg::ChannelPhone)}</option>
                            <option value="in_person">{i18n.text(Msg::ChannelInPerson)}</option>
                        </select>
                    </div>
                    {if dispatches {
                        // Staff choose any place they post to (a building of the community, …).
                        view! { <ScopeSelect id="staff-place" label=Msg::RequestPlaceLabel value=staff_place error=place_error /> }.into_any()
                    } else {
                        // Grid workers: the buildings of their grid.
                        let options = register_places
                            .iter()
                            .map(|p| view! { <option value=format!("{}:{}", p.scope.kind.as_str(), p.scope.id)>{p.name.clone()}</option> })
                            .collect::<Vec<_>>();
                        view! {
                            <div class="field">
                                <label for="staff-place">{i18n.text(Msg::RequestPlaceLabel)}</label>
                                <select id="staff-place" aria-invalid=move || place_error.with(Option::is_some).then_some("true")
                                    on:change=move |ev| staff_place.set(event_target_value(&ev))>
                                    <option value="">{i18n.text(Msg::ChooseScope)}</option>
                                    {options}
                                </select>
                                {move || place_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
                            </div>
                        }
                        .into_any()
                    }}
                </fieldset>
            })}
            <div class="field">
                <label for="request-description">{i18n.text(Msg::WhatHappened)}</label>
                <p id="request-description-hint" class="hint">{i18n.text(Msg::WhatHappenedHint)}</p>
                <textarea
                    id="request-description"
                    rows="5"
                    aria-required="true"
                    aria-describedby=move || if description_error.with(Option::is_some) { "request-description-hint request-description-error" } else { "request-description-hint" }
                    aria-invalid=move || description_error.with(Option::is_some).then_some("true")
                    bind:value=description
                ></textarea>
                {move || description_error.get().map(|t| view! { <p id="request-description-error" class="field-error" role="alert">{t}</p> })}
            </div>
            <div class="field">
                <label for="request-kind-search">{i18n.text(Msg::SearchKinds)}</label>
                <input id="request-kind-search" type="search" autocomplete="off" bind:value=search />
                {move || (!search.get().trim().is_empty() && suggestions.with(Vec::is_empty))
                    .then(|| view! { <p class="hint" role="status">{i18n.text(Msg::NoKindFound)}</p> })}
            </div>
            {move || {
                let found = suggestions.get();
                (!found.is_empty()).then(|| view! {
                    <div class="suggestions" role="group" aria-label=i18n.text(Msg::SuggestedKinds)>
                        <p class="hint">{i18n.text(Msg::SuggestedKinds)}</p>
                        {found.into_iter().map(|(id, name)| {
                            let value = id.clone();
                            view! {
                                <button type="button" class="button secondary suggestion"
                                    aria-pressed=move || (sub.get() == id).to_string()
                                    on:click=move |_| sub.set(value.clone())>{name}</button>
                            }
                        }).collect::<Vec<_>>()}
                    </div>
                })
            }}
            <div class="field">
                <label for="request-subcategory">{i18n.text(Msg::SubcategoryLabel)}</label>
                <select
                    id="request-subcategory"
                    aria-required="true"
                    aria-invalid=move || sub_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || sub_error.with(Option::is_some).then_some("request-subcategory-error")
                    prop:value=move || sub.get()
                    on:change=move |ev| sub.set(event_target_value(&ev))
                >
                    <option value="">{i18n.text(Msg::ChooseScope)}</option>
                    {categories.into_iter().map(|c| view! {
                        <optgroup label=c.name.clone()>
                            {c.subcategories.into_iter().filter(|s| s.active).map(|s| view! {
                                <option value=s.id.to_string()>{s.name.clone()}</option>
                            }).collect::<Vec<_>>()}
                        </optgroup>
                    }).collect::<Vec<_>>()}
                </select>
                {move || chosen.get().map(|s| view! { <p class="hint routing">{routing_text(i18n.lang(), &s)}</p> })}
                {move || sub_error.get().map(|t| view! { <p id="request-subcategory-error" class="field-error" role="alert">{t}</p> })}
            </div>
            {(!places.is_empty()).then(|| view! {
                <fieldset id="request-where" class="field" hidden=move || on_behalf.get()
                    aria-invalid=move || place_error.with(Option::is_some).then_some("true")>
                    <legend>{i18n.text(Msg::RequestPlaceLabel)}</legend>
                    {places.into_iter().enumerate().map(|(i, (value, label))| {
                        let v = value.clone();
                        view! {
                            <label class="choice">
                                <input type="radio" name="request-place" checked=i == 0 on:change=move |_| place.set(v.clone()) />
                                {label}
                            </label>
                        }
                    }).collect::<Vec<_>>()}
                    {move || place_error.get().filter(|_| !on_behalf.get()).map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
                </fieldset>
            })}
            <TextField id="request-place" label=Msg::PlaceTextWord value=place_text autocomplete="off"
                required=place_text_needed
                hint=Signal::derive(move || i18n.t(if place_text_needed.get() { Msg::PlaceTextNeeded } else { Msg::PlaceTextOptional }).to_owned())
                error=errors.field("place_text") />
            <div class="field">
                <label for="request-photos">{i18n.text(Msg::PhotosLabel)}</label>
                <p class="hint">{i18n.text(Msg::PhotosHint)}</p>
                <input id="request-photos" type="file" accept="image/jpeg,image/png,image/webp,image/*" multiple
                    on:change=move |ev| files.set(chosen_files(&ev)) />
                {move || photos_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
            </div>
            <label class="choice">
                <input type="checkbox" on:change=move |ev| show_name.set(event_target_checked(&ev)) />
                {i18n.text(Msg::ShowMyName)}
            </label>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    similar.await.filter(|s| !s.requests.is_empty()).map(|s| view! {
                        <section class="similar" aria-labelledby="similar-heading">
                            <h2 id="similar-heading">{i18n.text(Msg::SimilarHeading)}</h2>
                            <p class="hint">{i18n.text(Msg::SimilarHint)}</p>
                            <ul class="requests">
                                {s.requests.into_iter().map(|r| {
                                    let id = r.id.clone();
                                    view! {
                                        <RequestItem r=r />
                                        <li class="join-row">
                                            <button type="button" class="button secondary" on:click=move |_| { join.dispatch(id.clone()); }>
                                                {i18n.text(Msg::JoinRequest)}
                                            </button>
                                        </li>
                                    }
                                }).collect::<Vec<_>>()}
                            </ul>
                        </section>
                    })
                })}
            </Transition>
            <FormAlert id="request-error" message=errors.general() />
            <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                {i18n.text(Msg::SubmitRequest)}
            </button>
            {move || pending.get().then(|| {
                let msg = if uploading.get() { Msg::UploadingPhotos } else { Msg::Submitting };
                view! { <p class="loading" role="status">{i18n.text(msg)}</p> }
            })}
        </form>
    }
    .into_any()
}
