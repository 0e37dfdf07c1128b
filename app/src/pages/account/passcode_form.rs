use leptos::prelude::*;
use yishi_core::api::auth::ChangePasscodeRequest;
use yishi_core::api::routes::ChangePasscode;
use yishi_core::auth::{RESIDENT_PASSCODE_MIN, require_password, validate_new_password};

use crate::api;
use crate::components::{FormAlert, TextField};
use crate::forms::FormError;
use crate::i18n::{Msg, use_i18n};

/// Changing one's own passcode; her other devices are signed out.
#[component]
pub fn PasscodeForm() -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let errors = FormError::new(&[("password", "new-passcode")])
        .with_code_fields(&[("invalid_credentials", "current")]);
    let change = Action::new_local(move |req: &ChangePasscodeRequest| {
        let req = req.clone();
        async move {
            match api::send(i18n.lang_untracked(), &ChangePasscode {}, &req).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    done.set(true);
                }
                Err(e) => errors.set(e),
            }
        }
    });
    let on_submit = errors.on_submit(change, move || {
        done.set(false);
        let current = current.get_untracked();
        require_password(&current)?;
        let new = new.get_untracked();
        validate_new_password(&new, RESIDENT_PASSCODE_MIN)?;
        Ok(ChangePasscodeRequest { current, new })
    });
    view! {
        <form class="form compact" on:submit=on_submit novalidate aria-labelledby="passcode-heading">
            <h2 id="passcode-heading">{i18n.text(Msg::ChangePasscodeHeading)}</h2>
            <FormAlert id="passcode-error" message=errors.general() />
            <TextField id="current-passcode" label=Msg::CurrentPasscode value=current kind="password" autocomplete="current-password" error=errors.field("current") />
            <TextField id="new-passcode" label=Msg::NewPasscode value=new kind="password" autocomplete="new-password" error=errors.field("password") />
            {move || done.get().then(|| view! { <p role="status">{i18n.text(Msg::PasscodeChanged)}</p> })}
            <button type="submit" class="button primary">{i18n.text(Msg::ChangePasscodeHeading)}</button>
        </form>
    }
}
