//! The member's own account: how her name is shown, language and large type, her passcode, her signed-in
//! devices; her notification settings.

pub mod account_page;
pub mod notification_settings;
pub mod passcode_form;
pub mod sessions;

pub use account_page::AccountPage;
pub use notification_settings::NotificationSettingsPage;
pub use passcode_form::PasscodeForm;
pub use sessions::SessionList;

use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::api::routes::Me;

use crate::api::{self, ApiError};
use crate::i18n::I18n;
use crate::session::Session;

/// Her account as the server has it, read afresh for the account's pages (which also bring the
/// session's copy up to date).
fn my_account(i18n: I18n, session: Session) -> LocalResource<Result<MemberView, ApiError>> {
    LocalResource::new(move || async move {
        let answer = api::get(i18n.lang_untracked(), &Me {}).await?;
        session.signed_in(answer.member.clone());
        Ok::<_, ApiError>(answer.member)
    })
}
