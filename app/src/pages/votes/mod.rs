//! Votes (民决): the ones waiting for the member, one vote with its ballot and result, starting a vote.

pub mod new_vote;
pub mod vote_page;
pub mod waiting_votes;

pub use new_vote::NewVotePage;
pub use vote_page::VotePage;
pub use waiting_votes::WaitingVotes;
