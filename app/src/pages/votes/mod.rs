//! Votes (民决): the list of votes and meetings (投票/会议 in the bottom bar), one vote with its ballot and
//! result, starting a vote. The votes waiting for the member on the home screen are
//! `components::WaitingVotes`; the ballot is `components::BallotForm`.

#[cfg(feature = "office")]
pub mod new_vote;
pub mod vote_page;
pub mod votes_page;

#[cfg(feature = "office")]
pub use new_vote::NewVotePage;
pub use vote_page::VotePage;
pub use votes_page::VotesPage;
