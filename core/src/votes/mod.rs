//! The voting engine (民决): the arithmetic of every method ([`tally`]), who may vote and for whom
//! ([`electorate`]), a vote's settings with its ballots, receipts and results ([`poll`]), its course
//! from scheduled to closed ([`lifecycle`]), a voter's own part in it ([`mine`]), and their export as
//! files ([`export`]).

pub mod electorate;
pub mod equal_shares;
pub mod export;
pub mod lifecycle;
pub mod mine;
pub mod pabulib;
pub mod poll;
pub mod tally;

pub use equal_shares::{EqualSharesResult, Utility, equal_shares};
pub use lifecycle::{Course, VoteMove, VoteState};
pub use tally::*;
