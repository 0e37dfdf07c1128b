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
