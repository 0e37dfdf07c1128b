//! Votes (民决): the ones waiting for the member, one vote with its ballot and result, starting a vote.

#[cfg(feature = "office")]
pub mod new_vote;
pub mod vote_page;
pub mod waiting_votes;

#[cfg(feature = "office")]
pub use new_vote::NewVotePage;
pub use vote_page::VotePage;
pub use waiting_votes::WaitingVotes;
