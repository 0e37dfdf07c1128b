use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::DomainError;
use yishi_core::api::matters::ProposeRequest;
use yishi_core::api::routes::ProposeMatter;
use yishi_core::error::Field;
use yishi_core::matters::{
    Category, DESCRIPTION_MAX, PHOTOS_MAX, TITLE_MAX, clean_line, clean_text,
};
use yishi_core::territory::ScopeRef;

use super::super::category_label;
use crate::api;
use crate::components::{FormAlert, TextField};
use crate::forms::{FormError, Named, chosen_files};
use crate::i18n::{Msg, fill, use_i18n};
use crate::photos;

#[component]
pub(super) fn ProposeForm(places: Vec<(ScopeRef, Msg, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let place = RwSignal::new(0_usize);
    let micro_wish = RwSignal::new(false);
    let files = RwSignal::new(Vec::<web_sys::File>::new());
    let uploading = RwSignal::new(false);
    let errors = FormError::new(&[
        ("title", "matter-title"),
        ("description", "matter-description"),
        ("category", "matter-category"),
        ("photos", "matter-photos"),
    ])
    .with_names(&[("category", Named::Chosen(Msg::CategoryWord))]);
    let scopes: Vec<ScopeRef> = places.iter().map(|(s, _, _)| s.clone()).collect();

    let submit = Action::new_local(move |req: &ProposeRequest| {
        let (mut req, navigate) = (req.clone(), navigate.clone());
        let chosen = files.get_untracked();
        async move {
            let uploaded = photos::upload_showing(i18n.lang_untracked(), chosen, uploading).await;
            match uploaded {
                Ok(ids) => req.photos = ids,
                Err(e) => {
                    errors.set(e);
                    return;
                }
            }
            match api::send(i18n.lang_untracked(), &ProposeMatter {}, &req).await {
                Ok(answer) => navigate(
                    &format!("/matters/{}", answer.matter.id),
                    NavigateOptions {
                        replace: true,
                        ..NavigateOptions::default()
                    },
                ),
                Err(e) => errors.set(e),
            }
        }
    });
    let pending = submit.pending();
    let on_submit = errors.on_submit(submit, move || {
        let title = clean_line(&title.get_untracked(), Field::Title, TITLE_MAX)?;
        let description = clean_text(
            &description.get_untracked(),
            Field::Description,
            DESCRIPTION_MAX,
        )?;
        let category = Category::parse(&category.get_untracked()).ok_or(DomainError::Required {
            field: Field::Category,
        })?;
        if files.with_untracked(Vec::len) > PHOTOS_MAX {
            return Err(DomainError::OutOfRange {
                field: Field::Photos,
                min: 0,
                max: u32::try_from(PHOTOS_MAX).unwrap_or(u32::MAX),
            });
        }
        let scope = scopes
            .get(place.get_untracked())
            .cloned()
            .ok_or(DomainError::Required {
                field: Field::Scope,
            })?;
        Ok(ProposeRequest {
            title,
            description,
            category,
            scope,
            micro_wish: micro_wish.get_untracked(),
            photos: Vec::new(),
        })
    });
    let title_hint = Signal::derive(move || {
        let count = title.with(|t| t.chars().count()).to_string();
        fill(
            i18n.lang(),
            Msg::TitleHint,
            &[("max", &TITLE_MAX.to_string()), ("count", &count)],
        )
    });
    let description_hint = move || {
        let count = description.with(|t| t.chars().count()).to_string();
        fill(
            i18n.lang(),
            Msg::DescriptionHint,
            &[("max", &DESCRIPTION_MAX.to_string()), ("count", &count)],
        )
    };
    let description_error = errors.field("description");
    let category_error = errors.field("category");
    let photos_error = errors.field("photos");
    view! {
        <form class="form" novalidate on:submit=on_submit>
            <TextField id="matter-title" label=Msg::Title value=title autocomplete="off" hint=title_hint error=errors.field("title") />
            <div class="field">
                <label for="matter-description">{i18n.text(Msg::DescriptionLabel)}</label>
                <p id="matter-description-hint" class="hint">{description_hint}</p>
                <textarea
                    id="matter-description"
                    rows="6"
                    aria-required="true"
                    aria-describedby="matter-description-hint"
                    aria-invalid=move || description_error.with(Option::is_some).then_some("true")
                    bind:value=description
                ></textarea>
                {move || description_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
            </div>
            <div class="field">
                <label for="matter-category">{i18n.text(Msg::CategoryLabel)}</label>
                <select
                    id="matter-category"
                    aria-required="true"
                    aria-invalid=move || category_error.with(Option::is_some).then_some("true")
                    on:change=move |ev| category.set(event_target_value(&ev))
                >
                    <option value="" selected>{i18n.text(Msg::ChooseScope)}</option>
                    {Category::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.as_str()>{i18n.text(category_label(c))}</option> })
                        .collect::<Vec<_>>()}
                </select>
                {move || category_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
            </div>
            <fieldset class="field">
                <legend>{i18n.text(Msg::MatterScopeLabel)}</legend>
                {places
                    .into_iter()
                    .enumerate()
                    .map(|(i, (_, msg, name))| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="matter-scope"
                                    checked=i == 0
                                    on:change=move |_| place.set(i)
                                />
                                {move || fill(i18n.lang(), msg, &[("name", &name)])}
                            </label>
                        }
                    })
                    .collect::<Vec<_>>()}
            </fieldset>
            <label class="choice">
                <input type="checkbox" on:change=move |ev| micro_wish.set(event_target_checked(&ev)) />
                {i18n.text(Msg::MicroWishLabel)}
            </label>
            <div class="field">
                <label for="matter-photos">{i18n.text(Msg::PhotosLabel)}</label>
                <p class="hint">{i18n.text(Msg::PhotosHint)}</p>
                <input
                    id="matter-photos"
                    type="file"
                    accept="image/jpeg,image/png,image/webp,image/*"
                    multiple
                    on:change=move |ev| files.set(chosen_files(&ev))
                />
                {move || photos_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
            </div>
            <FormAlert id="matter-error" message=errors.general() />
            <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                {i18n.text(Msg::SubmitMatter)}
            </button>
            {move || {
                pending
                    .get()
                    .then(|| {
                        let msg = if uploading.get() { Msg::UploadingPhotos } else { Msg::Submitting };
                        view! { <p class="loading" role="status">{i18n.text(msg)}</p> }
                    })
            }}
        </form>
    }
}
