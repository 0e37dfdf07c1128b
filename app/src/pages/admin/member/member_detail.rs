use leptos::prelude::*;
use yishi_core::DomainError;
use yishi_core::api::members::{BirthYearRequest, MemberSummary, RoleRequest};
use yishi_core::api::routes::{GrantRole, ResetPasscode, RevokeRole, SetBirthYear};
use yishi_core::error::Field;
use yishi_core::members::{Role, check_birth_year};
use yishi_core::territory::{ScopeKind, ScopeRef};

use crate::api::{self, ApiError};
use crate::format::{home_line, role_line};
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn MemberDetail(member: MemberSummary, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let temporary = RwSignal::new(None::<String>);
    let id = member.id.clone();
    let change = {
        let id = id.clone();
        Action::new_local(move |(req, grant): &(RoleRequest, bool)| {
            let (id, req, grant) = (id.clone(), req.clone(), *grant);
            async move {
                let lang = i18n.lang_untracked();
                let answer = if grant {
                    api::send(lang, &GrantRole { id }, &req).await
                } else {
                    api::send(lang, &RevokeRole { id }, &req).await
                };
                match answer {
                    Ok(_) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let reset = {
        let id = id.clone();
        Action::new_local(move |(): &()| {
            let reset = ResetPasscode { id: id.clone() };
            async move {
                match api::send(i18n.lang_untracked(), &reset, &()).await {
                    Ok(answer) => temporary.set(Some(answer.temporary_passcode)),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let birth_year = RwSignal::new(member.birth_year.map(|y| y.to_string()).unwrap_or_default());
    let year_saved = RwSignal::new(false);
    let save_year = {
        let id = id.clone();
        Action::new_local(move |year: &Option<u16>| {
            let (set, req) = (
                SetBirthYear { id: id.clone() },
                BirthYearRequest { birth_year: *year },
            );
            async move {
                match api::send(i18n.lang_untracked(), &set, &req).await {
                    Ok(_) => year_saved.set(true),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let resident = member.home.is_some();
    // Roles are granted for the member's own home (building roles) or her community.
    let home = member.home.clone();
    let choices: Vec<(Role, ScopeRef, String)> = home
        .as_ref()
        .map(|h| {
            let building = ScopeRef {
                kind: ScopeKind::Building,
                id: h
                    .unit_path
                    .building_id()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            };
            let community = ScopeRef {
                kind: ScopeKind::Community,
                id: h
                    .unit_path
                    .community_id()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            };
            let building_name = format!("{} {}", h.compound_name, h.building_name);
            vec![
                (Role::BuildingHead, building.clone(), building_name.clone()),
                (Role::ResidentGroupLeader, building, building_name),
                (
                    Role::CouncilMember,
                    community.clone(),
                    h.community_name.clone(),
                ),
            ]
        })
        .unwrap_or_default();
    let choice = RwSignal::new(String::from("0"));
    let has_phone = !member.phone.is_empty();
    let roles = member.roles.clone();
    view! {
        <h1>{member.name.clone()}</h1>
        {(!member.phone.is_empty()).then(|| view! { <p class="member-phone">{member.phone.clone()}</p> })}
        {home.as_ref().map(|h| view! { <p class="member-home">{home_line(h)}</p> })}
        <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">{i18n.text(Msg::RolesHeading)}</h2>
            {roles.is_empty().then(|| view! { <p class="empty">{i18n.text(Msg::NoRoles)}</p> })}
            <ul class="member-list">
                {roles
                    .into_iter()
                    .map(|r| {
                        let req = RoleRequest { role: r.role, scope: r.scope.clone() };
                        view! {
                            <li class="member-card">
                                <span>{move || role_line(i18n.lang(), &r)}</span>
                                " "
                                <button type="button" class="button secondary small" on:click=move |_| {
                                    error.set(None);
                                    change.dispatch((req.clone(), false));
                                }>{i18n.text(Msg::RevokeButton)}</button>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()}
            </ul>
            {(!choices.is_empty())
                .then(|| {
                    let options = choices.clone();
                    view! {
                        <form class="inline-form" on:submit=move |ev| {
                            ev.prevent_default();
                            error.set(None);
                            let picked = choice.get_untracked().parse::<usize>().ok().and_then(|i| choices.get(i).cloned());
                            if let Some((role, scope, _)) = picked {
                                change.dispatch((RoleRequest { role, scope }, true));
                            }
                        }>
                            <label for="grant-role">{i18n.text(Msg::GrantRoleHeading)}</label>
                            <select id="grant-role" bind:value=choice>
                                {options
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, (role, _, place))| {
                                        view! { <option value=i.to_string()>{move || format!("{}（{place}）", role.label(i18n.lang()))}</option> }
                                    })
                                    .collect::<Vec<_>>()}
                            </select>
                            <button type="submit" class="button secondary small">{i18n.text(Msg::GrantButton)}</button>
                        </form>
                    }
                })}
        </section>
        {resident
            .then(|| {
                view! {
                    <section aria-labelledby="birth-year-heading">
                        <h2 id="birth-year-heading">{i18n.text(Msg::BirthYearHeading)}</h2>
                        <p class="hint" id="birth-year-hint">{i18n.text(Msg::BirthYearHint)}</p>
                        <form class="inline-form" on:submit=move |ev| {
                            ev.prevent_default();
                            error.set(None);
                            year_saved.set(false);
                            let text = birth_year.get_untracked();
                            let text = text.trim();
                            if text.is_empty() {
                                save_year.dispatch(None);
                                return;
                            }
                            let this_year = u16::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(u16::MAX);
                            match text
                                .parse::<u16>()
                                .map_err(|_| DomainError::Invalid { field: Field::BirthYear })
                                .and_then(|y| check_birth_year(y, this_year))
                            {
                                Ok(y) => {
                                    save_year.dispatch(Some(y));
                                }
                                Err(e) => error.set(Some(ApiError::Invalid(e))),
                            }
                        }>
                            <label for="birth-year">{i18n.text(Msg::BirthYearHeading)}</label>
                            <input id="birth-year" type="text" inputmode="numeric" autocomplete="off" aria-describedby="birth-year-hint" bind:value=birth_year />
                            <button type="submit" class="button secondary small">{i18n.text(Msg::SaveButton)}</button>
                            {move || year_saved.get().then(|| view! { <span role="status">{i18n.text(Msg::Saved)}</span> })}
                        </form>
                    </section>
                }
            })}
        {has_phone
            .then(|| {
                view! {
                    <section aria-labelledby="reset-heading">
                        <h2 id="reset-heading">{i18n.text(Msg::ResetPasscode)}</h2>
                        <button type="button" class="button secondary" on:click=move |_| {
                            error.set(None);
                            reset.dispatch(());
                        }>{i18n.text(Msg::ResetPasscode)}</button>
                        {move || temporary.get().map(|code| view! { <p class="new-code" role="status">{fill(i18n.lang(), Msg::TemporaryPasscode, &[("code", &code)])}</p> })}
                    </section>
                }
            })}
        {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
    }
}
