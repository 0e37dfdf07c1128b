//! The screens, one per route, grouped by area.

pub mod account;
#[cfg(feature = "office")]
pub mod admin;
pub mod auth;
pub mod covenants;
pub mod matters;
pub mod meetings;
pub mod not_found;
pub mod notices;
pub mod notifications;
#[cfg(feature = "home")]
pub mod other_app;
pub mod requests;
pub mod votes;

pub use not_found::NotFoundPage;
#[cfg(feature = "home")]
pub use other_app::OtherAppPage;
