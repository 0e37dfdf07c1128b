//! The voting engine (民决): the arithmetic of every method ([`tally`]), who may vote and for whom
//! ([`electorate`]), and a vote's lifecycle with its ballots, receipts and results ([`poll`]), and their export as files ([`export`]).

pub mod electorate;
pub mod export;
pub mod poll;
pub mod tally;

pub use tally::*;
