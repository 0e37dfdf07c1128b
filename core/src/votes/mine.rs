//! A voter's own part in a vote, as she is shown it: how many have voted of how many may (the one
//! figure every screen shows), what she may see of her own ballot, and her choice in words.
//!
//! What she may see follows the vote's secrecy. In a named vote her choice and its receipt are already
//! published with her name, so she is shown both, wherever she signs in. In a secret vote nothing
//! stored links her to her ballot (`vote_ballots` keeps no voter): she is shown only that her vote was
//! counted, by which channel and by whom; the receipt she was given when she voted stays on her own
//! phone, and she checks it against the published list there, without telling the server which one
//! she looks for.

use serde::{Deserialize, Serialize};

use super::poll::{Channel, Secrecy};
use super::tally::{Choice, Method, Turnout};

/// How many of a vote's voters have voted, of how many may: the figure of the vote page, the home
/// screen's waiting votes, the matters list and a meeting's motion, counted the same way everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Participation {
    /// Voters whose ballot is recorded, by any channel (online, paper, show of hands).
    pub cast: u64,
    /// Voters of the snapshot: everyone who may vote (for a meeting's motion, those present when it
    /// was put).
    pub voters: u64,
}

impl Participation {
    /// The figure of a vote counted against `turnout` (its snapshot), with `cast` ballots recorded.
    #[must_use]
    pub fn of(turnout: Turnout, cast: u64) -> Participation {
        Participation {
            cast,
            voters: turnout.present.unwrap_or(turnout.eligible),
        }
    }
}

/// Whether a vote waits for her: it is open and one of her votes (her own, her household's, one
/// delegated to her) is not cast yet.
#[must_use]
pub fn waits_for_her(state: super::VoteState, uncast: usize) -> bool {
    state == super::VoteState::Open && uncast > 0
}

/// One of her votes as it was recorded: by which channel, whether she cast it herself, and (in the
/// stored row, for named votes only) its receipt and choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedBallot {
    pub channel: Channel,
    /// Someone else cast it: a member of her household, the neighbour she delegated it to, or staff
    /// entering a paper ballot.
    pub cast_by_other: Option<String>,
    /// Her receipt and choice, found only where the ballot is stored with its voter (named votes).
    pub named: Option<(String, Choice)>,
}

/// Her ballot as she is shown it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MyBallot {
    pub channel: Channel,
    /// Who cast it, when someone else did (a member of her household, her proxy, staff entering a paper
    /// ballot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cast_by: Option<String>,
    /// Named votes only: the receipt under which the ballot is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// Named votes only: what was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
}

/// What she is shown of a recorded ballot: in a named vote, everything; in a secret vote, never the
/// receipt or the choice, even if a caller found them.
#[must_use]
pub fn shown_to_voter(secrecy: Secrecy, recorded: RecordedBallot) -> MyBallot {
    let (receipt, choice) = match (secrecy, recorded.named) {
        (Secrecy::Named, Some((receipt, choice))) => (Some(receipt), Some(choice)),
        _ => (None, None),
    };
    MyBallot {
        channel: recorded.channel,
        cast_by: recorded.cast_by_other,
        receipt,
        choice,
    }
}

/// A choice as a voter reads it back: an answer, the options chosen (with their costs and the total
/// for a budget), a ranking in order, or a score per option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoiceLines {
    Yes,
    No,
    /// An abstention, of any method.
    Abstain,
    /// The options chosen, by name.
    Chosen(Vec<String>),
    /// Projects chosen within a budget: each with its cost, the total spent and the budget.
    Priced {
        items: Vec<(String, u64)>,
        total: u64,
        budget: u64,
    },
    /// Options in her order of preference, first the one she likes best.
    Ranked(Vec<String>),
    /// A score for every option, of `max`.
    Scored {
        scores: Vec<(String, u8)>,
        max: u8,
    },
}

/// Her choice in the vote's own words: option names instead of numbers, in the order she gave them.
#[must_use]
pub fn choice_lines(method: &Method, options: &[String], choice: &Choice) -> ChoiceLines {
    let name = |i: &usize| options.get(*i).cloned().unwrap_or_default();
    match (choice, method) {
        (Choice::Yes, _) => ChoiceLines::Yes,
        (Choice::No, _) => ChoiceLines::No,
        (Choice::Abstain, _) => ChoiceLines::Abstain,
        (Choice::Options { options: chosen }, _) if chosen.is_empty() => ChoiceLines::Abstain,
        (
            Choice::Options { options: chosen },
            Method::ApprovalBudget { budget, costs }
            | Method::Knapsack { budget, costs }
            | Method::EqualShares { budget, costs },
        ) => {
            let items: Vec<(String, u64)> = chosen
                .iter()
                .map(|i| (name(i), costs.get(*i).copied().unwrap_or(0)))
                .collect();
            ChoiceLines::Priced {
                total: items.iter().map(|(_, c)| *c).sum(),
                items,
                budget: *budget,
            }
        }
        (Choice::Options { options: chosen }, _) => {
            ChoiceLines::Chosen(chosen.iter().map(name).collect())
        }
        (Choice::Ranking { ranking }, _) => ChoiceLines::Ranked(ranking.iter().map(name).collect()),
        (Choice::Scores { scores }, method) => ChoiceLines::Scored {
            scores: scores
                .iter()
                .enumerate()
                .map(|(i, s)| (name(&i), *s))
                .collect(),
            max: match method {
                Method::Score { max } => *max,
                _ => scores.iter().copied().max().unwrap_or(0),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::VoteState;
    use crate::votes::tally::RankedRule;

    fn options() -> Vec<String> {
        ["种树", "修花坛", "加座椅"].map(String::from).to_vec()
    }

    #[test]
    fn the_count_is_of_the_snapshot_in_a_vote_and_of_those_present_for_a_motion() {
        assert_eq!(
            Participation::of(Turnout::of(30, 30), 12),
            Participation {
                cast: 12,
                voters: 30
            }
        );
        // A motion: 62 invited (the base of its majority), 20 present when it was put, who may vote.
        let motion = Turnout {
            present: Some(20),
            ..Turnout::of(62, 62)
        };
        assert_eq!(Participation::of(motion, 3).voters, 20);
    }

    #[test]
    fn a_vote_waits_for_her_only_while_open_and_while_one_of_her_votes_is_uncast() {
        assert!(waits_for_her(VoteState::Open, 1));
        assert!(!waits_for_her(VoteState::Open, 0));
        assert!(!waits_for_her(VoteState::Scheduled, 2));
        assert!(!waits_for_her(VoteState::Closed, 1));
    }

    #[test]
    fn a_named_ballot_shows_its_receipt_and_choice_and_a_secret_one_never_does() {
        let recorded = RecordedBallot {
            channel: Channel::Online,
            cast_by_other: None,
            named: Some(("7K2M-Q9XD-4HTB".into(), Choice::Yes)),
        };
        let named = shown_to_voter(Secrecy::Named, recorded.clone());
        assert_eq!(named.receipt.as_deref(), Some("7K2M-Q9XD-4HTB"));
        assert_eq!(named.choice, Some(Choice::Yes));
        let secret = shown_to_voter(Secrecy::Secret, recorded);
        assert_eq!(
            secret,
            MyBallot {
                channel: Channel::Online,
                cast_by: None,
                receipt: None,
                choice: None,
            }
        );
        let json = serde_json::to_string(&secret).unwrap_or_default();
        assert!(
            !json.contains("receipt") && !json.contains("choice"),
            "{json}"
        );
    }

    #[test]
    fn who_cast_it_is_shown_in_either_secrecy() {
        let paper = RecordedBallot {
            channel: Channel::Paper,
            cast_by_other: Some("王敏".into()),
            named: None,
        };
        let shown = shown_to_voter(Secrecy::Secret, paper);
        assert_eq!(shown.channel, Channel::Paper);
        assert_eq!(shown.cast_by.as_deref(), Some("王敏"));
    }

    #[test]
    fn choices_read_back_in_the_votes_own_words() {
        let opts = options();
        assert_eq!(
            choice_lines(&Method::YesNo, &[], &Choice::No),
            ChoiceLines::No
        );
        assert_eq!(
            choice_lines(
                &Method::Multiple {
                    min: 1,
                    max: 2,
                    seats: 2
                },
                &opts,
                &Choice::Options {
                    options: vec![0, 2]
                }
            ),
            ChoiceLines::Chosen(vec!["种树".into(), "加座椅".into()])
        );
        // A ranking keeps her order, not the options' order.
        assert_eq!(
            choice_lines(
                &Method::Ranked {
                    rule: RankedRule::InstantRunoff
                },
                &opts,
                &Choice::Ranking {
                    ranking: vec![2, 0]
                }
            ),
            ChoiceLines::Ranked(vec!["加座椅".into(), "种树".into()])
        );
        assert_eq!(
            choice_lines(
                &Method::Score { max: 5 },
                &opts,
                &Choice::Scores {
                    scores: vec![5, 0, 3]
                }
            ),
            ChoiceLines::Scored {
                scores: vec![
                    ("种树".into(), 5),
                    ("修花坛".into(), 0),
                    ("加座椅".into(), 3)
                ],
                max: 5
            }
        );
        assert_eq!(
            choice_lines(
                &Method::Single { seats: 1 },
                &opts,
                &Choice::Options { options: vec![] }
            ),
            ChoiceLines::Abstain
        );
    }

    #[test]
    fn a_budget_ballot_reads_back_as_amounts_with_their_total() {
        let method = Method::ApprovalBudget {
            budget: 10_000,
            costs: vec![3_000, 5_000, 4_000],
        };
        assert_eq!(
            choice_lines(
                &method,
                &options(),
                &Choice::Options {
                    options: vec![0, 2]
                }
            ),
            ChoiceLines::Priced {
                items: vec![("种树".into(), 3_000), ("加座椅".into(), 4_000)],
                total: 7_000,
                budget: 10_000
            }
        );
    }
}
