use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use yishi_core::DomainResult;
use yishi_core::api::auth::JoinRequest;
use yishi_core::api::endpoint::Token;
use yishi_core::api::routes::{InvitePlace, Join};
use yishi_core::auth::{
    RESIDENT_PASSCODE_MIN, normalize_invite_code, normalize_name, normalize_phone,
    validate_new_password,
};

use crate::api;
use crate::components::{AppShell, DocumentTitle, FormAlert, TextField};
use crate::forms::FormError;
use crate::i18n::{Msg, fill, use_i18n};
use crate::session::session_action;

/// `/join?code=…`: a resident joins her household with the printed invite code (the QR code on the letter
/// opens this address with the code filled in) and chooses a passcode.
#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let invite_code = RwSignal::new(query.with_untracked(|q| q.get("code")).unwrap_or_default());
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let passcode = RwSignal::new(String::new());
    let errors = FormError::new(&[
        ("invite_code", "join-invite-code"),
        ("name", "join-name"),
        ("phone", "join-phone"),
        ("password", "join-passcode"),
    ])
    .with_code_fields(&[
        ("invite_code_invalid", "invite_code"),
        ("phone_taken", "phone"),
    ]);

    // Once the code is whole (typed, or from the letter's link), the flat it opens is named: she sees she
    // joins the right home before she gives her name. Only the place is told, never who lives there.
    let place = LocalResource::new(move || {
        let code = normalize_invite_code(&invite_code.get()).ok();
        async move {
            let code = code?;
            Some(
                api::get(
                    i18n.lang_untracked(),
                    &InvitePlace {
                        code: Token::from_trusted(code),
                    },
                )
                .await,
            )
        }
    });

    let join = session_action(errors, |lang, req: JoinRequest| async move {
        api::send(lang, &Join {}, &req).await
    });
    let pending = join.pending();

    let on_submit = errors.on_submit(join, move || -> DomainResult<JoinRequest> {
        let invite_code = normalize_invite_code(&invite_code.get_untracked())?;
        let name = normalize_name(&name.get_untracked())?;
        let phone = normalize_phone(&phone.get_untracked())?;
        let passcode = passcode.get_untracked();
        validate_new_password(&passcode, RESIDENT_PASSCODE_MIN)?;
        Ok(JoinRequest {
            invite_code,
            name,
            phone,
            passcode,
        })
    });

    let passcode_hint = Signal::derive(move || {
        fill(
            i18n.lang(),
            Msg::PasscodeHint,
            &[("min", &RESIDENT_PASSCODE_MIN.to_string())],
        )
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::JoinHeading).to_owned()) />
        <AppShell>
            <h1>{i18n.text(Msg::JoinHeading)}</h1>
            <p class="intro">{i18n.text(Msg::JoinIntro)}</p>
            <form class="form" novalidate on:submit=on_submit>
                <TextField
                    id="join-invite-code"
                    label=Msg::InviteCode
                    value=invite_code
                    autocomplete="off"
                    code=true
                    hint=Signal::derive(move || i18n.t(Msg::InviteCodeHint).to_owned())
                    error=errors.field("invite_code")
                />
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        place.await.map(|answer| match answer {
                            Ok(found) => view! {
                                <p class="notice-box done invite-place" role="status">
                                    {move || fill(i18n.lang(), Msg::InviteFor, &[("place", &found.place)])}
                                </p>
                            }
                            .into_any(),
                            // A wrong code is said when she joins; a network hiccup is not hers to read here.
                            Err(e) if e.code() == Some("invite_code_invalid") => view! {
                                <p class="hint invite-place" role="status">{i18n.text(Msg::InviteUnknown)}</p>
                            }
                            .into_any(),
                            Err(_) => ().into_any(),
                        })
                    })}
                </Transition>
                <TextField
                    id="join-name"
                    label=Msg::Name
                    value=name
                    autocomplete="name"
                    error=errors.field("name")
                />
                <TextField
                    id="join-phone"
                    label=Msg::Phone
                    value=phone
                    kind="tel"
                    autocomplete="tel"
                    inputmode="tel"
                    hint=Signal::derive(move || i18n.t(Msg::PhoneHint).to_owned())
                    error=errors.field("phone")
                />
                <TextField
                    id="join-passcode"
                    label=Msg::SetPasscode
                    value=passcode
                    kind="password"
                    autocomplete="new-password"
                    hint=passcode_hint
                    error=errors.field("password")
                />
                <FormAlert id="join-error" message=errors.general() />
                <button
                    type="submit"
                    class="button primary"
                    aria-disabled=move || pending.get().then_some("true")
                >
                    {i18n.text(Msg::JoinButton)}
                </button>
                {move || {
                    pending.get().then(|| view! { <p class="loading" role="status">{i18n.text(Msg::Joining)}</p> })
                }}
            </form>
            <p class="alt-action">
                <a href="/login">{i18n.text(Msg::HaveAccount)}</a>
            </p>
        </AppShell>
    }
}
