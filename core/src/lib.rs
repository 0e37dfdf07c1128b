//! Yishi's domain: the rules of neighbourhood self-governance, the permissions, and the API contract.
//!
//! Pure Rust without I/O: no clock, no random numbers, no network. Callers pass `now` and fresh ids in.
//! Areas have the same shape in every crate (`notices` here, `routes/notices.rs` and `db/notices.rs` in the
//! worker, `pages/notices/` in the app).

pub mod api;
pub mod audit;
pub mod auth;
pub mod covenants;
pub mod csv;
pub mod error;
pub mod i18n;
pub mod ics;
pub mod ids;
pub mod live;
pub mod matters;
pub mod meetings;
pub mod members;
pub mod notices;
pub mod notifications;
pub mod numbers;
pub mod photos;
pub mod pinyin;
pub mod policy;
pub mod projects;
#[cfg(feature = "push")]
pub mod push;
pub mod requests;
pub mod richtext;
pub mod territory;
pub mod text;
pub mod time;
pub mod votes;

#[cfg(any(test, feature = "test-util"))]
pub mod testing;

pub use error::{DomainError, DomainResult};
pub use i18n::Lang;

/// The version of the whole workspace, reported by the health route and shown in the app.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
