//! Resident covenants (居民公约): the list, drafting a new one, and one covenant with its versions.

mod covenant_page;
mod covenants_page;
#[cfg(feature = "office")]
mod new_covenant;

use yishi_core::covenants::VersionState;

pub use covenant_page::CovenantPage;
pub use covenants_page::CovenantsPage;
#[cfg(feature = "office")]
pub use new_covenant::NewCovenantPage;

use crate::i18n::Msg;

#[must_use]
pub fn version_label(s: VersionState) -> Msg {
    match s {
        VersionState::Drafting => Msg::VsDrafting,
        VersionState::Voting => Msg::VsVoting,
        VersionState::Adopted => Msg::VsAdopted,
        VersionState::Rejected => Msg::VsRejected,
        VersionState::Superseded => Msg::VsSuperseded,
    }
}

/// The clauses typed one per line.
#[cfg(feature = "office")]
fn clauses_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}
