//! Votes (民决): the list of votes and meetings (`/votes`, 投票/会议 in the bottom bar), her own votes
//! with what she chose and her receipts (`/votes/mine`), one vote with its ballot, her part in it and its
//! result, starting a vote. The votes waiting for the member on the home screen are
//! `components::WaitingVotes`; the ballot is `components::BallotForm`. Both the new vote's form and the vote's page
//! explain its method with `MethodNote`.

pub mod method_note;
pub mod my_part;
pub mod my_votes;
#[cfg(feature = "office")]
pub mod new_vote;
pub mod vote_page;
pub mod votes_page;

pub use method_note::MethodNote;
pub use my_votes::MyVotesPage;
#[cfg(feature = "office")]
pub use new_vote::NewVotePage;
pub use vote_page::VotePage;
pub use votes_page::VotesPage;
