use leptos::prelude::*;
use yishi_core::api::endpoint::Token;
use yishi_core::api::routes::{ArchivePlace, RestorePlace, UpdatePlace};
use yishi_core::api::territory::{PlaceNode, UpdatePlaceRequest};
use yishi_core::territory::PlaceKind;

use super::figures_line;
use crate::api::{self, ApiError};
use crate::i18n::{Msg, use_i18n};

/// A compound, building or unit, with its children and actions.
#[component]
pub(super) fn PlaceItem(node: PlaceNode, manageable: bool, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let (kind, id, archived) = (
        node.kind,
        Token::from_trusted(node.id.clone()),
        node.archived,
    );
    let toggle = Action::new_local(move |(): &()| {
        let id = id.clone();
        async move {
            let lang = i18n.lang_untracked();
            let answer = if archived {
                api::send(lang, &RestorePlace { kind, id }, &()).await
            } else {
                api::send(lang, &ArchivePlace { kind, id }, &()).await
            };
            match answer {
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
        let id = Token::from_trusted(node.id.clone());
        Action::new_local(move |name: &String| {
            let (update, req) = (
                UpdatePlace {
                    kind,
                    id: id.clone(),
                },
                UpdatePlaceRequest {
                    name: Some(name.clone()),
                    code: None,
                    floor_area: None,
                },
            );
            async move {
                match api::send(i18n.lang_untracked(), &update, &req).await {
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
