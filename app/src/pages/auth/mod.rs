//! Signing in and joining with an invite code.

pub mod join;
pub mod login;

pub use join::JoinPage;
pub use login::LoginPage;
