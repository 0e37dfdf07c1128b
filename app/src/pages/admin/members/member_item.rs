use leptos::prelude::*;
use yishi_core::api::members::{MemberSummary, VerifyRequest};
use yishi_core::api::routes::VerifyMember;
use yishi_core::members::{Verification, VerificationDecision, normalize_reason};

use crate::api::{self, ApiError};
use crate::format::{home_line, role_line};
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn MemberItem(member: MemberSummary, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let reason = RwSignal::new(String::new());
    let id = member.id.to_string();
    let decide = {
        let verify = VerifyMember {
            id: member.id.clone(),
        };
        Action::new_local(move |req: &VerifyRequest| {
            let (verify, req) = (verify.clone(), req.clone());
            async move {
                match api::send(i18n.lang_untracked(), &verify, &req).await {
                    Ok(_) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let pending = member.verification == Some(Verification::Pending);
    let home = member.home.as_ref().map(home_line);
    let roles = member.roles.clone();
    let reason_id = format!("reason-{id}");
    view! {
        <li class="member-card">
            <p class="member-name">
                <a href=format!("/admin/members/{id}")>{member.name.clone()}</a>
                {pending.then(|| view! { <span class="badge warn">{i18n.text(Msg::PendingBadge)}</span> })}
                {member.representative.then(|| view! { <span class="badge">{i18n.text(Msg::Representative)}</span> })}
            </p>
            {(!member.phone.is_empty()).then(|| view! { <p class="member-phone">{member.phone.clone()}</p> })}
            {home.map(|h| view! { <p class="member-home">{h}</p> })}
            {move || roles.iter().map(|r| view! { <p class="member-role">{role_line(i18n.lang(), r)}</p> }).collect::<Vec<_>>()}
            {pending
                .then(|| {
                    view! {
                        <div class="decision">
                            <button type="button" class="button primary" on:click=move |_| {
                                error.set(None);
                                decide.dispatch(VerifyRequest { decision: VerificationDecision::Confirm, reason: None });
                            }>{i18n.text(Msg::ConfirmResident)}</button>
                            <div class="field">
                                <label for=reason_id.clone()>{i18n.text(Msg::ReasonLabel)}</label>
                                <input id=reason_id.clone() type="text" bind:value=reason />
                            </div>
                            <button type="button" class="button secondary" on:click=move |_| {
                                error.set(None);
                                match normalize_reason(&reason.get_untracked()) {
                                    Ok(r) => {
                                        decide.dispatch(VerifyRequest { decision: VerificationDecision::Reject, reason: Some(r) });
                                    }
                                    Err(e) => error.set(Some(ApiError::Invalid(e))),
                                }
                            }>{i18n.text(Msg::RejectResident)}</button>
                        </div>
                    }
                })}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </li>
    }
}
