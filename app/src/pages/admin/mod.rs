//! Community administration: the territory, households and invite codes, residents and roles, the audit
//! log. Links and buttons follow `core::policy`; the API enforces the same rules.

pub mod audit;
pub mod hub;
pub mod invites;
pub mod member;
pub mod members;
pub mod territory;
pub mod unit;

pub use audit::AuditPage;
pub use hub::AdminPage;
pub use invites::InviteSheetPage;
pub use member::MemberPage;
pub use members::MembersPage;
pub use territory::TerritoryPage;
pub use unit::UnitPage;
