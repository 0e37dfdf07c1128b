//! Votes (民决): one vote with its ballot, her part in it and its result; the votes page (waiting for her,
//! and her history with receipts); starting a vote. The votes waiting for the member
//! on the home screen are `components::WaitingVotes`; the ballot is `components::BallotForm`.

pub mod my_part;
pub mod my_votes;
#[cfg(feature = "office")]
pub mod new_vote;
pub mod vote_page;

pub use my_votes::MyVotesPage;
#[cfg(feature = "office")]
pub use new_vote::NewVotePage;
pub use vote_page::VotePage;
