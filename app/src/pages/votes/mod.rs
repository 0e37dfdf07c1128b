//! Votes (民决): one vote with its ballot and result, starting a vote. The votes waiting for the member
//! on the home screen are `components::WaitingVotes`; the ballot is `components::BallotForm`. Both the
//! new vote's form and the vote's page explain its method with `MethodNote`.

pub mod method_note;
#[cfg(feature = "office")]
pub mod new_vote;
pub mod vote_page;

pub use method_note::MethodNote;
#[cfg(feature = "office")]
pub use new_vote::NewVotePage;
pub use vote_page::VotePage;
