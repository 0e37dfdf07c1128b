use leptos::prelude::*;
use yishi_core::api::endpoint::Token;
use yishi_core::api::invites::IssueInvitesRequest;
use yishi_core::api::members::{AddHouseholdMemberRequest, RepresentativeRequest};
use yishi_core::api::routes::{
    AddHouseholdMember, IssueHouseholdInvite, SetRepresentative, UpdatePlace,
};
use yishi_core::api::territory::{HouseholdView, UpdatePlaceRequest};
use yishi_core::auth::normalize_name;
use yishi_core::ids::MemberId;
use yishi_core::members::Verification;
use yishi_core::territory::PlaceKind;

use crate::api::{self, ApiError};
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn HouseholdItem(
    household: HouseholdView,
    in_person: RwSignal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let new_code = RwSignal::new(None::<String>);
    let new_member = RwSignal::new(String::new());
    let id = household.id.clone();
    let issue = {
        let id = id.clone();
        Action::new_local(move |(): &()| {
            let issue = IssueHouseholdInvite { id: id.clone() };
            async move {
                let req = IssueInvitesRequest {
                    in_person: in_person.get_untracked(),
                };
                match api::send(i18n.lang_untracked(), &issue, &req).await {
                    Ok(answer) => new_code.set(Some(answer.invite.code)),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let add = {
        let id = id.clone();
        Action::new_local(move |name: &String| {
            let (add, name) = (AddHouseholdMember { id: id.clone() }, name.clone());
            async move {
                match api::send(
                    i18n.lang_untracked(),
                    &add,
                    &AddHouseholdMemberRequest { name },
                )
                .await
                {
                    Ok(_) => {
                        new_member.set(String::new());
                        reload.run(());
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let make_rep = {
        let id = id.clone();
        Action::new_local(move |member: &MemberId| {
            let (set, member_id) = (SetRepresentative { id: id.clone() }, member.clone());
            async move {
                match api::send(
                    i18n.lang_untracked(),
                    &set,
                    &RepresentativeRequest { member_id },
                )
                .await
                {
                    Ok(_) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let area = RwSignal::new(
        household
            .floor_area
            .map(yishi_core::territory::format_floor_area)
            .unwrap_or_default(),
    );
    let area_saved = RwSignal::new(false);
    let save_area = {
        let id = id.clone();
        Action::new_local(move |text: &String| {
            let (update, req) = (
                UpdatePlace {
                    kind: PlaceKind::Household,
                    id: Token::from_trusted(id.to_string()),
                },
                UpdatePlaceRequest {
                    name: None,
                    code: None,
                    floor_area: Some(text.clone()),
                },
            );
            async move {
                match api::send(i18n.lang_untracked(), &update, &req).await {
                    Ok(_) => area_saved.set(true),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let area_id = format!("floor-area-{id}");
    let input_id = format!("add-member-{id}");
    let door = household.name.clone();
    let live = household.live_invites;
    view! {
        <li class="household">
            <h2 class="household-name">{move || fill(i18n.lang(), Msg::Door, &[("name", &door)])}</h2>
            {if household.members.is_empty() {
                view! { <p class="empty">{i18n.text(Msg::NoMembers)}</p> }.into_any()
            } else {
                view! {
                    <ul class="member-chips">
                        {household
                            .members
                            .into_iter()
                            .map(|m| {
                                let member_id = m.id.clone();
                                let confirmed = m.verification == Verification::Confirmed;
                                view! {
                                    <li>
                                        <span>{m.name.clone()}</span>
                                        {m.representative.then(|| view! { <span class="badge">{i18n.text(Msg::Representative)}</span> })}
                                        {(!m.has_phone).then(|| view! { <span class="badge">{i18n.text(Msg::NoPhone)}</span> })}
                                        {(!confirmed).then(|| view! { <span class="badge warn">{i18n.text(Msg::PendingBadge)}</span> })}
                                        {(confirmed && !m.representative)
                                            .then(|| {
                                                view! {
                                                    <button type="button" class="button secondary small" on:click=move |_| {
                                                        error.set(None);
                                                        make_rep.dispatch(member_id.clone());
                                                    }>{i18n.text(Msg::MakeRepresentative)}</button>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()}
                    </ul>
                }
                    .into_any()
            }}
            <p class="hint">{move || fill(i18n.lang(), Msg::LiveInvites, &[("count", &live.to_string())])}</p>
            <button type="button" class="button secondary" on:click=move |_| {
                error.set(None);
                issue.dispatch(());
            }>{i18n.text(Msg::IssueInvite)}</button>
            {move || {
                new_code
                    .get()
                    .map(|code| {
                        view! {
                            <p class="new-code" role="status">
                                {fill(i18n.lang(), Msg::NewInvite, &[("code", &code)])}
                            </p>
                        }
                    })
            }}
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                error.set(None);
                area_saved.set(false);
                let text = area.get_untracked();
                match yishi_core::territory::parse_floor_area(&text) {
                    Ok(_) => {
                        save_area.dispatch(text);
                    }
                    Err(e) => error.set(Some(ApiError::Invalid(e))),
                }
            }>
                <label for=area_id.clone()>{i18n.text(Msg::FloorAreaLabel)}</label>
                <input id=area_id type="text" inputmode="decimal" autocomplete="off" bind:value=area />
                <button type="submit" class="button secondary small">{i18n.text(Msg::SaveButton)}</button>
                {move || area_saved.get().then(|| view! { <span role="status">{i18n.text(Msg::Saved)}</span> })}
            </form>
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                error.set(None);
                match normalize_name(&new_member.get_untracked()) {
                    Ok(name) => {
                        add.dispatch(name);
                    }
                    Err(e) => error.set(Some(ApiError::Invalid(e))),
                }
            }>
                <label for=input_id.clone()>{i18n.text(Msg::AddMemberNoPhone)}</label>
                <input id=input_id type="text" autocomplete="off" bind:value=new_member />
                <button type="submit" class="button secondary small">{i18n.text(Msg::AddButton)}</button>
            </form>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </li>
    }
}
