use leptos::prelude::*;
use yishi_core::Lang;
use yishi_core::api::auth::{MemberView, ProfileUpdate};
use yishi_core::api::routes::UpdateProfile;
use yishi_core::members::NameDisplay;

use crate::api::{self, ApiError};
use crate::i18n::{Msg, use_i18n};
use crate::prefs::use_large_type;
use crate::session::use_session;

#[component]
pub(super) fn ProfileForm(member: MemberView) -> impl IntoView {
    let i18n = use_i18n();
    let large = use_large_type();
    let session = use_session();
    let initials = RwSignal::new(member.profile.name_display == NameDisplay::Initials);
    let lang = RwSignal::new(
        member
            .profile
            .lang
            .unwrap_or(i18n.lang_untracked())
            .tag()
            .to_owned(),
    );
    let large_type = RwSignal::new(member.profile.large_type || large.get());
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let save = Action::new_local(move |req: &ProfileUpdate| {
        let req = req.clone();
        async move {
            match api::send(i18n.lang_untracked(), &UpdateProfile {}, &req).await {
                Ok(answer) => {
                    if let Some(lang) = answer.member.profile.lang {
                        i18n.set_lang(lang);
                    }
                    large.set(answer.member.profile.large_type);
                    session.signed_in(answer.member);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        error.set(None);
        save.dispatch(ProfileUpdate {
            name_display: Some(if initials.get_untracked() {
                NameDisplay::Initials
            } else {
                NameDisplay::Full
            }),
            lang: Some(Lang::from_tag(&lang.get_untracked())),
            large_type: Some(large_type.get_untracked()),
            notifications: None,
        });
    };
    view! {
        <form class="form compact" on:submit=on_submit aria-labelledby="profile-heading">
            <h2 id="profile-heading">{i18n.text(Msg::ProfileHeading)}</h2>
            <fieldset class="field">
                <legend>{i18n.text(Msg::NameDisplayLabel)}</legend>
                <label class="check">
                    <input type="radio" name="name-display" prop:checked=move || !initials.get() on:change=move |_| initials.set(false) />
                    {i18n.text(Msg::NameFull)}
                </label>
                <label class="check">
                    <input type="radio" name="name-display" prop:checked=move || initials.get() on:change=move |_| initials.set(true) />
                    {i18n.text(Msg::NameInitials)}
                </label>
            </fieldset>
            <div class="field">
                <label for="profile-lang">{i18n.text(Msg::LanguageLabel)}</label>
                <select id="profile-lang" bind:value=lang>
                    <option value="zh-CN">"中文"</option>
                    <option value="en">"English"</option>
                </select>
            </div>
            <label class="check">
                <input type="checkbox" bind:checked=large_type />
                {i18n.text(Msg::LargeType)}
            </label>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            {move || saved.get().then(|| view! { <p role="status">{i18n.text(Msg::Saved)}</p> })}
            <button type="submit" class="button primary">{i18n.text(Msg::SaveButton)}</button>
        </form>
    }
}
