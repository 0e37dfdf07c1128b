use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::api::notices::CreateNoticeRequest;
use yishi_core::api::routes::CreateNotice;
use yishi_core::api::territory::PostableScopesResponse;
use yishi_core::error::Field;
use yishi_core::notices::{BODY_MAX, Category, TITLE_MAX, validate_text};
use yishi_core::{DomainError, Lang};

use crate::api;
use crate::components::scope_select::{parse_scope, scope_groups};
use crate::components::{FormAlert, TextField};
use crate::format::parse_local;
use crate::forms::{FormError, chosen_files};
use crate::i18n::{Msg, fill, t, use_i18n};

/// The form of `/notices/new`: title, text and audience.
#[component]
pub fn NoticeForm(scopes: PostableScopesResponse) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    // Preselected when there is only one place to choose.
    let only_choice = {
        let groups = scope_groups(Lang::default(), &scopes);
        match groups.as_slice() {
            [group] if group.options.len() == 1 => group.options.first().map(|(v, _)| v.clone()),
            _ => None,
        }
    };
    let scope = RwSignal::new(only_choice.unwrap_or_default());
    let category = RwSignal::new(String::from("community_affairs"));
    let period = RwSignal::new(String::from("0"));
    let pinned = RwSignal::new(false);
    let draft = RwSignal::new(false);
    let publish_at = RwSignal::new(String::new());
    let expires = RwSignal::new(String::new());
    let errors = FormError::new(&[
        ("title", "notice-title"),
        ("body", "notice-body"),
        ("scope", "notice-scope"),
        ("days", "notice-period"),
        ("expires_at", "notice-expires"),
    ]);

    let files = RwSignal::new(Vec::<web_sys::File>::new());
    let publish = Action::new_local(move |req: &CreateNoticeRequest| {
        let (mut req, navigate) = (req.clone(), navigate.clone());
        let chosen = files.get_untracked();
        async move {
            match crate::photos::upload_all(i18n.lang_untracked(), chosen).await {
                Ok(ids) => req.attachments = ids,
                Err(err) => {
                    errors.set(err);
                    return;
                }
            }
            match api::send(i18n.lang_untracked(), &CreateNotice {}, &req).await {
                Ok(answer) => navigate(
                    &format!("/notices/{}", answer.notice.id),
                    // "Back" then returns to the list, not to an empty form.
                    NavigateOptions {
                        replace: true,
                        ..NavigateOptions::default()
                    },
                ),
                Err(err) => errors.set(err),
            }
        }
    });
    let pending = publish.pending();

    let on_submit = errors.on_submit(publish, move || {
        let (title, body) = validate_text(&title.get_untracked(), &body.get_untracked())?;
        let scope = parse_scope(&scope.get_untracked()).ok_or(DomainError::Required {
            field: Field::Scope,
        })?;
        let bad = |field| DomainError::Invalid { field };
        let period_days = period.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let publish_at = match publish_at.get_untracked().trim() {
            "" => None,
            v => Some(parse_local(v).ok_or(bad(Field::ClosesAt))?),
        };
        let expires_at = match expires.get_untracked().trim() {
            "" => None,
            v => Some(parse_local(v).ok_or(bad(Field::ExpiresAt))?),
        };
        Ok(CreateNoticeRequest {
            title,
            body,
            scope,
            category: Category::parse(&category.get_untracked()).unwrap_or_default(),
            pinned: pinned.get_untracked(),
            draft: draft.get_untracked(),
            publish_at,
            expires_at,
            period_days,
            attachments: Vec::new(),
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
    let body_hint = Signal::derive(move || {
        let count = body.with(|b| b.chars().count()).to_string();
        fill(
            i18n.lang(),
            Msg::BodyHint,
            &[("max", &BODY_MAX.to_string()), ("count", &count)],
        )
    });
    let body_error = errors.field("body");
    let days_error = errors.field("days");
    let expires_error = errors.field("expires_at");
    let scope_error = errors.field("scope");
    let described_by = |id: &'static str, error: Signal<Option<String>>| {
        move || {
            if error.with(Option::is_some) {
                format!("{id}-hint {id}-error")
            } else {
                format!("{id}-hint")
            }
        }
    };
    let options = move || {
        scope_groups(i18n.lang(), &scopes)
            .into_iter()
            .map(|group| {
                view! {
                    <optgroup label=group.community>
                        {group
                            .options
                            .into_iter()
                            .map(|(value, label)| {
                                let selected = {
                                    let value = value.clone();
                                    move || scope.with(|s| *s == value)
                                };
                                view! {
                                    <option value=value selected=selected>
                                        {label}
                                    </option>
                                }
                            })
                            .collect::<Vec<_>>()}
                    </optgroup>
                }
            })
            .collect::<Vec<_>>()
    };

    view! {
        <form class="form" novalidate on:submit=on_submit>
            <TextField
                id="notice-title"
                label=Msg::Title
                value=title
                autocomplete="off"
                hint=title_hint
                error=errors.field("title")
            />
            <div class="field">
                <label for="notice-body">{i18n.text(Msg::Body)}</label>
                <p id="notice-body-hint" class="hint">{move || body_hint.get()}</p>
                <textarea
                    id="notice-body"
                    name="notice-body"
                    rows="10"
                    aria-required="true"
                    aria-invalid=move || body_error.with(Option::is_some).then_some("true")
                    aria-describedby=described_by("notice-body", body_error)
                    bind:value=body
                ></textarea>
                {move || {
                    body_error
                        .get()
                        .map(|text| view! { <p id="notice-body-error" class="field-error" role="alert">{text}</p> })
                }}
            </div>
            <div class="field">
                <label for="notice-scope">{i18n.text(Msg::ScopeLabel)}</label>
                <p id="notice-scope-hint" class="hint">{i18n.text(Msg::ScopeHint)}</p>
                <select
                    id="notice-scope"
                    name="notice-scope"
                    aria-required="true"
                    aria-invalid=move || scope_error.with(Option::is_some).then_some("true")
                    aria-describedby=described_by("notice-scope", scope_error)
                    prop:value=move || scope.get()
                    on:change=move |ev| scope.set(event_target_value(&ev))
                >
                    <option value="" disabled selected=move || scope.with(String::is_empty)>
                        {move || t(i18n.lang(), Msg::ChooseScope)}
                    </option>
                    {options}
                </select>
                {move || {
                    scope_error
                        .get()
                        .map(|text| view! { <p id="notice-scope-error" class="field-error" role="alert">{text}</p> })
                }}
            </div>
            <div class="field">
                <label for="notice-category">{i18n.text(Msg::NoticeCategoryLabel)}</label>
                <select id="notice-category" on:change=move |ev| category.set(event_target_value(&ev))>
                    {Category::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.as_str()>{i18n.text(super::category_label(c))}</option> })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="notice-period">{i18n.text(Msg::PeriodDaysLabel)}</label>
                <input id="notice-period" type="number" min="0" max="30" inputmode="numeric" bind:value=period />
                {move || days_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
            </div>
            <div class="field">
                <label for="notice-publish-at">{i18n.text(Msg::PublishAtLabel)}</label>
                <input id="notice-publish-at" type="datetime-local" bind:value=publish_at />
            </div>
            <div class="field">
                <label for="notice-expires">{i18n.text(Msg::ExpiresLabel)}</label>
                <input id="notice-expires" type="date" bind:value=expires />
                {move || expires_error.get().map(|t| view! { <p class="field-error" role="alert">{t}</p> })}
            </div>
            <div class="field">
                <label for="notice-files">{i18n.text(Msg::AttachmentsLabel)}</label>
                <input
                    id="notice-files"
                    type="file"
                    accept="image/jpeg,image/png,image/webp,application/pdf"
                    multiple
                    on:change=move |ev| files.set(chosen_files(&ev))
                />
            </div>
            <label class="choice">
                <input type="checkbox" on:change=move |ev| pinned.set(event_target_checked(&ev)) />
                {i18n.text(Msg::PinnedLabel)}
            </label>
            <label class="choice">
                <input type="checkbox" on:change=move |ev| draft.set(event_target_checked(&ev)) />
                {i18n.text(Msg::DraftLabel)}
            </label>
            <FormAlert id="notice-error" message=errors.general() />
            <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                {i18n.text(Msg::PublishButton)}
            </button>
            {move || pending.get().then(|| view! { <p class="loading" role="status">{i18n.text(Msg::Publishing)}</p> })}
        </form>
    }
}
