//! Votes (民决): one vote with its ballot and result, starting a vote. The votes waiting for the member
//! on the home screen are `components::WaitingVotes`; the ballot is `components::BallotForm`.

#[cfg(feature = "office")]
pub mod new_vote;
pub mod vote_page;

#[cfg(feature = "office")]
pub use new_vote::NewVotePage;
pub use vote_page::VotePage;
