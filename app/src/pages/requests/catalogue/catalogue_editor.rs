use chrono::NaiveDate;
use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::api::requests::{
    CalendarRequest, CatalogueImportResponse, CatalogueResponse, CategoryRequest,
    SubcategoryRequest, UnitMemberRequest, UnitRequest,
};
use yishi_core::api::routes::{
    AddUnitMember, CreateHandlingUnit, CreateRequestCategory, CreateSubcategory, ExportCatalogue,
    ImportCatalogue, PutRequestCalendar, RemoveUnitMember, UpdateSubcategory,
};
use yishi_core::ids::{HandlingUnitId, SubcategoryId};
use yishi_core::requests::{TimeLimit, UnitKind};

use super::super::{routing_text, unit_kind_label};
use crate::api::{self, ApiError, Query};
use crate::changes::Change;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn CatalogueEditor(c: CatalogueResponse, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let change = Change::new(reload);
    // The street admin edits the district's categories, subcategories and calendar; community staff
    // see them, and keep their own community's units.
    let (edits, adds_units) = (c.can_edit, c.can_add_unit);
    // Forms.
    let new_category = RwSignal::new(String::new());
    let unit_name = RwSignal::new(String::new());
    let unit_kind = RwSignal::new(UnitKind::PropertyCompany);
    let member_unit = RwSignal::new(String::new());
    let member_phone = RwSignal::new(String::new());
    let sub_category = RwSignal::new(String::new());
    let sub_name = RwSignal::new(String::new());
    let sub_unit = RwSignal::new(String::new());
    let limit_value = RwSignal::new("3".to_owned());
    let limit_unit = RwSignal::new("working_days".to_owned());
    let legal = RwSignal::new(String::new());
    let standard = RwSignal::new(String::new());
    let keywords = RwSignal::new(String::new());
    let active = RwSignal::new(true);
    // The subcategory being edited (none: a new one).
    let editing = RwSignal::new(None::<SubcategoryId>);
    let listing = c
        .categories
        .iter()
        .map(|cat| {
            let subs = cat
                .subcategories
                .iter()
                .map(|s| {
                    let s = s.clone();
                    let routing = {
                        let s = s.clone();
                        move || routing_text(i18n.lang(), &s)
                    };
                    let edit = {
                        let s = s.clone();
                        move |_| {
                            editing.set(Some(s.id.clone()));
                            sub_category.set(s.category.to_string());
                            sub_name.set(s.name.clone());
                            sub_unit.set(s.unit.id.to_string());
                            let (value, unit) = match s.limit {
                                TimeLimit::WorkingDays(n) => (n, "working_days"),
                                TimeLimit::Hours(n) => (n, "hours"),
                            };
                            limit_value.set(value.to_string());
                            limit_unit.set(unit.to_owned());
                            legal.set(s.legal_basis.clone());
                            standard.set(s.standard.clone());
                            keywords.set(s.keywords.join("、"));
                            active.set(s.active);
                            focus_form();
                        }
                    };
                    let name = s.name.clone();
                    view! {
                        <li>
                            <strong>{s.name.clone()}</strong>
                            {(!s.active).then(|| view! { " " <span class="badge">{i18n.text(Msg::Retired)}</span> })}
                            {edits.then(|| view! {
                                " "
                                <button type="button" class="link-button" on:click=edit
                                    aria-label=move || fill(i18n.lang(), Msg::EditNamed, &[("name", &name)])>
                                    {i18n.text(Msg::Edit)}
                                </button>
                            })}
                            <p class="hint">{routing}</p>
                            {(!s.legal_basis.is_empty()).then(|| view! { <p class="hint">{i18n.text(Msg::LegalBasisLabel)}"："{s.legal_basis.clone()}</p> })}
                            {(!s.standard.is_empty()).then(|| view! { <p class="hint">{i18n.text(Msg::StandardLabel)}"："{s.standard.clone()}</p> })}
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <li>
                    <h3>{cat.name.clone()}</h3>
                    <ul class="plain">{subs}</ul>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let units = c
        .units
        .iter()
        .map(|u| {
            let kind = unit_kind_label(u.kind);
            let kept = u.can_edit;
            let members = u
                .members
                .iter()
                .map(|m| {
                    let remove = RemoveUnitMember { id: u.id.clone(), member: m.id.clone() };
                    let name = m.name.clone();
                    view! {
                        <li>
                            {m.name.clone()}" "
                            {kept.then(|| view! {
                                <button type="button" class="link-button"
                                    aria-label=move || fill(i18n.lang(), Msg::RemoveNamed, &[("name", &name)])
                                    on:click=move |_| change.send(&remove, &())>
                                    {i18n.text(Msg::Remove)}
                                </button>
                            })}
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <li>
                    <strong>{u.name.clone()}</strong>" · "{i18n.text(kind)}
                    <ul class="plain">{members}</ul>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let holidays = RwSignal::new(
        c.holidays
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let workdays = RwSignal::new(
        c.workdays
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let confirm_days = RwSignal::new(c.confirm_days.to_string());
    let csv = RwSignal::new(String::new());
    let imported = RwSignal::new(None::<Result<CatalogueImportResponse, ApiError>>);
    let import = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            let answer = api::send_csv(i18n.lang_untracked(), &ImportCatalogue {}, &text).await;
            let ok = answer.is_ok();
            imported.set(Some(answer));
            if ok {
                reload.run(());
            }
        }
    });
    // Dates as the API reads them (`2025-10-01`); one that is not refuses the body, as the API would.
    let dates = |s: String| -> Result<Vec<NaiveDate>, ApiError> {
        s.split(|c: char| c.is_whitespace() || c == ',' || c == '，')
            .filter(|d| !d.is_empty())
            .map(|d| {
                d.parse()
                    .map_err(|_| ApiError::Invalid(DomainError::InvalidJson))
            })
            .collect()
    };
    let category_options = c
        .categories
        .iter()
        .map(|cat| view! { <option value=cat.id.to_string()>{cat.name.clone()}</option> })
        .collect::<Vec<_>>();
    // Members are added only to the units she keeps (her community's; the district's for the street
    // admin).
    let kept_units: Vec<_> = c.units.iter().filter(|u| u.can_edit).cloned().collect();
    let unit_options = move || {
        c.units
            .iter()
            .map(|u| view! { <option value=u.id.to_string()>{u.name.clone()}</option> })
            .collect::<Vec<_>>()
    };
    let unit_options2 = move || {
        kept_units
            .iter()
            .map(|u| view! { <option value=u.id.to_string()>{u.name.clone()}</option> })
            .collect::<Vec<_>>()
    };
    view! {
        <p class="button-row">
            <a class="button secondary" href=api::url(&ExportCatalogue {}, &Query::new()) download="request-catalogue.csv">{i18n.text(Msg::ExportCsv)}</a>
        </p>
        {change.view()}
        <section aria-labelledby="catalogue-list-heading">
            <h2 id="catalogue-list-heading">{i18n.text(Msg::SubcategoriesHeading)}</h2>
            <ul class="plain">{listing}</ul>
        </section>
        {edits.then(|| view! {
            <section aria-labelledby="add-sub-heading">
                <h2 id="add-sub-heading">
                    {move || i18n.t(if editing.get().is_some() { Msg::EditSubcategory } else { Msg::AddSubcategory })}
                </h2>
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    let value = limit_value.get_untracked().trim().parse::<u32>().unwrap_or(0);
                    let limit = if limit_unit.get_untracked() == "hours" { TimeLimit::Hours(value) } else { TimeLimit::WorkingDays(value) };
                    let body = SubcategoryRequest {
                        category: sub_category.get_untracked(), name: sub_name.get_untracked(), unit: sub_unit.get_untracked(),
                        legal_basis: legal.get_untracked(), standard: standard.get_untracked(), keywords: keywords.get_untracked(),
                        limit, active: active.get_untracked(),
                    };
                    match editing.get_untracked() {
                        Some(id) => change.send(&UpdateSubcategory { id }, &body),
                        None => change.send(&CreateSubcategory {}, &body),
                    }
                }>
                    <div class="field">
                        <label for="sub-category">{i18n.text(Msg::CategoryLabel)}</label>
                        <select id="sub-category" prop:value=move || sub_category.get() on:change=move |ev| sub_category.set(event_target_value(&ev))>
                            <option value="">{i18n.text(Msg::ChooseScope)}</option>
                            {category_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="sub-name">{i18n.text(Msg::SubcategoryLabel)}</label>
                        <input id="sub-name" type="text" autocomplete="off" bind:value=sub_name />
                    </div>
                    <div class="field">
                        <label for="sub-unit">{i18n.text(Msg::ResponsibleUnit)}</label>
                        <select id="sub-unit" prop:value=move || sub_unit.get() on:change=move |ev| sub_unit.set(event_target_value(&ev))>
                            <option value="">{i18n.text(Msg::ChooseScope)}</option>
                            {unit_options}
                        </select>
                    </div>
                    <div class="field inline">
                        <label for="sub-limit">{i18n.text(Msg::TimeLimitLabel)}</label>
                        <input id="sub-limit" type="number" min="1" inputmode="numeric" bind:value=limit_value />
                        <select aria-label=i18n.text(Msg::TimeLimitLabel) prop:value=move || limit_unit.get() on:change=move |ev| limit_unit.set(event_target_value(&ev))>
                            <option value="working_days">{i18n.text(Msg::WorkingDaysUnit)}</option>
                            <option value="hours">{i18n.text(Msg::HoursUnit)}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="sub-legal">{i18n.text(Msg::LegalBasisLabel)}</label>
                        <textarea id="sub-legal" rows="2" bind:value=legal></textarea>
                    </div>
                    <div class="field">
                        <label for="sub-standard">{i18n.text(Msg::StandardLabel)}</label>
                        <textarea id="sub-standard" rows="2" bind:value=standard></textarea>
                    </div>
                    <div class="field">
                        <label for="sub-keywords">{i18n.text(Msg::KeywordsLabel)}</label>
                        <input id="sub-keywords" type="text" autocomplete="off" bind:value=keywords />
                    </div>
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || active.get() on:change=move |ev| active.set(event_target_checked(&ev)) />
                        {i18n.text(Msg::InUse)}
                    </label>
                    <button type="submit" class="button primary">
                        {move || i18n.t(if editing.get().is_some() { Msg::SaveChanges } else { Msg::AddSubcategory })}
                    </button>
                    {move || editing.get().is_some().then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| {
                            editing.set(None);
                            sub_name.set(String::new());
                            legal.set(String::new());
                            standard.set(String::new());
                            keywords.set(String::new());
                            active.set(true);
                        }>{i18n.text(Msg::CancelEdit)}</button>
                    })}
                </form>
                <form class="form" on:submit=move |ev| { ev.prevent_default(); change.send(&CreateRequestCategory {}, &CategoryRequest { name: new_category.get_untracked() }); }>
                    <div class="field">
                        <label for="new-category">{i18n.text(Msg::NewCategory)}</label>
                        <input id="new-category" type="text" autocomplete="off" bind:value=new_category />
                    </div>
                    <button type="submit" class="button secondary">{i18n.text(Msg::AddCategory)}</button>
                </form>
            </section>
        })}
        <section aria-labelledby="units-heading">
            <h2 id="units-heading">{i18n.text(Msg::UnitsHeading)}</h2>
            <ul class="plain">{units}</ul>
            {adds_units.then(|| view! {
                <form class="form" on:submit=move |ev| { ev.prevent_default(); change.send(&CreateHandlingUnit {}, &UnitRequest { name: unit_name.get_untracked(), kind: unit_kind.get_untracked(), community: None }); }>
                    <div class="field">
                        <label for="unit-name">{i18n.text(Msg::NewUnit)}</label>
                        <input id="unit-name" type="text" autocomplete="off" bind:value=unit_name />
                    </div>
                    <div class="field">
                        <label for="unit-kind">{i18n.text(Msg::UnitKindLabel)}</label>
                        <select id="unit-kind" on:change=move |ev| if let Some(k) = UnitKind::parse(&event_target_value(&ev)) { unit_kind.set(k) }>
                            {UnitKind::ALL.into_iter().map(|k| view! {
                                <option value=k.as_str() selected=k == UnitKind::PropertyCompany>{i18n.text(unit_kind_label(k))}</option>
                            }).collect::<Vec<_>>()}
                        </select>
                    </div>
                    <button type="submit" class="button secondary">{i18n.text(Msg::AddUnit)}</button>
                </form>
            })}
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                match api::found(HandlingUnitId::parse(&member_unit.get_untracked())) {
                    Ok(id) => change.send(&AddUnitMember { id }, &UnitMemberRequest { phone: member_phone.get_untracked() }),
                    Err(e) => change.error.set(Some(e)),
                }
            }>
                <div class="field">
                    <label for="member-unit">{i18n.text(Msg::ResponsibleUnit)}</label>
                    <select id="member-unit" on:change=move |ev| member_unit.set(event_target_value(&ev))>
                        <option value="">{i18n.text(Msg::ChooseScope)}</option>
                        {unit_options2}
                    </select>
                </div>
                <div class="field">
                    <label for="member-phone">{i18n.text(Msg::HandlerPhone)}</label>
                    <input id="member-phone" type="tel" inputmode="tel" autocomplete="off" bind:value=member_phone />
                </div>
                <button type="submit" class="button secondary">{i18n.text(Msg::AddHandler)}</button>
            </form>
        </section>
        {edits.then(|| view! {
            <section aria-labelledby="calendar-heading">
                <h2 id="calendar-heading">{i18n.text(Msg::CalendarHeading)}</h2>
                <p class="hint">{i18n.text(Msg::CalendarHint)}</p>
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    match (dates(holidays.get_untracked()), dates(workdays.get_untracked())) {
                        (Ok(holidays), Ok(workdays)) => change.send(&PutRequestCalendar {}, &CalendarRequest {
                            holidays, workdays,
                            confirm_days: confirm_days.get_untracked().trim().parse::<u32>().unwrap_or(0),
                        }),
                        (Err(e), _) | (_, Err(e)) => change.error.set(Some(e)),
                    }
                }>
                    <div class="field">
                        <label for="holidays">{i18n.text(Msg::HolidaysLabel)}</label>
                        <textarea id="holidays" rows="4" bind:value=holidays></textarea>
                    </div>
                    <div class="field">
                        <label for="workdays">{i18n.text(Msg::MakeUpDaysLabel)}</label>
                        <textarea id="workdays" rows="2" bind:value=workdays></textarea>
                    </div>
                    <div class="field">
                        <label for="confirm-days">{i18n.text(Msg::ConfirmDaysLabel)}</label>
                        <input id="confirm-days" type="number" min="1" max="30" inputmode="numeric" bind:value=confirm_days />
                    </div>
                    <button type="submit" class="button secondary">{i18n.text(Msg::SaveCalendar)}</button>
                </form>
            </section>
        })}
        {edits.then(|| view! {
            <section aria-labelledby="import-heading">
                <h2 id="import-heading">{i18n.text(Msg::ImportCatalogue)}</h2>
                <p class="hint">{i18n.text(Msg::ImportCatalogueHint)}</p>
                <form class="form" on:submit=move |ev| { ev.prevent_default(); import.dispatch(csv.get_untracked()); }>
                    <div class="field">
                        <label for="catalogue-csv">{i18n.text(Msg::CsvText)}</label>
                        <textarea id="catalogue-csv" rows="6" bind:value=csv></textarea>
                    </div>
                    <button type="submit" class="button secondary">{i18n.text(Msg::ImportCatalogue)}</button>
                </form>
                {move || imported.get().map(|r| match r {
                    Ok(n) => {
                        let (a, b) = (n.subcategories_created.to_string(), n.subcategories_updated.to_string());
                        view! { <p class="outcome" role="status">{fill(i18n.lang(), Msg::ImportedCatalogue, &[("created", &a), ("updated", &b)])}</p> }.into_any()
                    }
                    Err(e) => view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> }.into_any(),
                })}
            </section>
        })}
    }
}

/// Brings the subcategory form into view with its first field focused.
fn focus_form() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("sub-name"))
    {
        el.scroll_into_view();
        if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = input.focus();
        }
    }
}
