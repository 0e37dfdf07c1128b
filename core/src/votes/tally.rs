//! The voting engine's arithmetic: what a valid choice is for each method, and how a set of ballots is
//! counted. Pure functions over ballots that the caller has already checked for eligibility; electorates,
//! proxies, secrecy and receipts build on these.
//!
//! Every count is exact integer arithmetic (weights are integers too, e.g. floor area in 0.01 m²), so a
//! recount of the same ballots in any order gives the same result. Ties are never resolved silently: each
//! result says whether a tie occurred and which documented rule resolved it.
//!
//! No sum can wrap around. The numbers a vote is created with are bounded ([`MONEY_MAX`],
//! [`QUORUM_COUNT_MAX`], [`Quorum::check`]), so its sums stay far within 64 bits; and the count itself adds
//! weights and counts with saturating arithmetic, costs with checked arithmetic (a sum that would not fit
//! is over any budget), and compares shares in 128 bits. A ballot list altered to hold absurd figures
//! therefore gives a wrong count that a recount exposes, never a panic or a budget overspent.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};

/// How a tie between options is resolved; recorded with the result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// Nobody wins a tied decision: a yes/no tie rejects the motion, a tie for a place leaves it open
    /// and the result says so.
    #[default]
    NoWinner,
    /// The option listed first on the ballot wins (announced before voting opens).
    BallotOrder,
}

/// The largest budget, and so the largest cost of one project, in whole yuan: 100,000,000 (一亿元), more
/// than any community's budget. The costs of [`crate::votes::poll::OPTIONS_MAX`] projects then add up to
/// far less than 64 bits hold, and stay exact in a browser's numbers.
pub const MONEY_MAX: u32 = 100_000_000;

/// The voting methods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Method {
    /// 赞成 / 反对 / 弃权 on one motion.
    YesNo,
    /// One option (or abstain); `seats` options win.
    Single { seats: u32 },
    /// Between `min` and `max` options; `seats` options win.
    Multiple { min: u32, max: u32, seats: u32 },
    /// Every option in order of preference (a prefix may be given).
    Ranked { rule: RankedRule },
    /// A score from 0 to `max` for every option.
    Score { max: u8 },
    /// Approve any options; the most approved are funded while the budget lasts. The budget is 1 to
    /// 100,000,000 yuan, each option's cost 1 yuan to the budget.
    ApprovalBudget { budget: u64, costs: Vec<u64> },
    /// Choose options whose costs fit the budget; the most chosen are funded while the budget lasts. The
    /// budget is 1 to 100,000,000 yuan, each option's cost 1 yuan to the budget.
    Knapsack { budget: u64, costs: Vec<u64> },
    /// Approve any options; the Method of Equal Shares funds them (each voter holds an equal share of
    /// the budget, and a project is funded when its supporters can pay for it together), with the
    /// completion raising each share by 1 yuan ([`crate::votes::equal_shares`]). The budget is 1 to
    /// 100,000,000 yuan, each option's cost 1 yuan to the budget.
    EqualShares { budget: u64, costs: Vec<u64> },
}

/// How ranked ballots are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankedRule {
    /// Instant runoff (即时决选): the weakest option is eliminated until one has a majority.
    InstantRunoff,
    /// Schulze (Condorcet): the option that beats every other by its strongest path.
    Schulze,
}

/// One voter's choice, as cast.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
    /// Option indices (single, multiple, approval, knapsack): sorted, without repeats.
    Options {
        options: Vec<usize>,
    },
    /// Option indices in order of preference, without repeats.
    Ranking {
        ranking: Vec<usize>,
    },
    /// One score per option.
    Scores {
        scores: Vec<u8>,
    },
}

fn invalid() -> DomainError {
    DomainError::Invalid {
        field: Field::Choice,
    }
}

impl Method {
    /// A participatory budget's total and its options' costs (approval budget, knapsack or equal
    /// shares); `None` for any other method.
    #[must_use]
    pub fn budget_and_costs(&self) -> Option<(u64, &[u64])> {
        match self {
            Method::ApprovalBudget { budget, costs }
            | Method::Knapsack { budget, costs }
            | Method::EqualShares { budget, costs } => Some((*budget, costs)),
            _ => None,
        }
    }

    /// Checks the method itself against its options: seats, bounds and costs make sense. A budget is 1 to
    /// [`MONEY_MAX`] yuan, and a project costs 1 yuan to the whole budget (a dearer one could never be
    /// funded).
    pub fn validate(&self, options: usize) -> DomainResult<()> {
        let ok = match self {
            Method::YesNo => options == 0,
            Method::Single { seats } => {
                options >= 2 && (1..options as u64).contains(&u64::from(*seats))
            }
            Method::Multiple { min, max, seats } => {
                options >= 2
                    && min <= max
                    && *max >= 1
                    && (*max as usize) <= options
                    && *seats >= 1
                    && (*seats as usize) < options
            }
            Method::Ranked { .. } => options >= 2,
            Method::Score { max } => options >= 2 && *max >= 1 && *max <= 10,
            Method::ApprovalBudget { budget, costs }
            | Method::Knapsack { budget, costs }
            | Method::EqualShares { budget, costs } => {
                if !(options >= 2 && costs.len() == options) {
                    return Err(invalid());
                }
                if !(1..=u64::from(MONEY_MAX)).contains(budget) {
                    return Err(DomainError::OutOfRange {
                        field: Field::Budget,
                        min: 1,
                        max: MONEY_MAX,
                    });
                }
                if costs.iter().any(|c| !(1..=*budget).contains(c)) {
                    return Err(DomainError::OutOfRange {
                        field: Field::Costs,
                        min: 1,
                        max: u32::try_from(*budget).unwrap_or(MONEY_MAX),
                    });
                }
                true
            }
        };
        if ok { Ok(()) } else { Err(invalid()) }
    }

    /// Checks a voter's choice and puts it in canonical form (options sorted, repeats refused).
    pub fn check_choice(&self, options: usize, choice: Choice) -> DomainResult<Choice> {
        let distinct = |list: &[usize]| {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            let unique = sorted.windows(2).all(|w| w[0] != w[1]);
            (unique && sorted.iter().all(|o| *o < options)).then_some(sorted)
        };
        match (self, choice) {
            (_, Choice::Abstain) => Ok(Choice::Abstain),
            (Method::YesNo, c @ (Choice::Yes | Choice::No)) => Ok(c),
            (Method::Single { .. }, Choice::Options { options: o }) if o.len() == 1 => distinct(&o)
                .map(|options| Choice::Options { options })
                .ok_or_else(invalid),
            (Method::Multiple { min, max, .. }, Choice::Options { options: o })
                if (*min as usize..=*max as usize).contains(&o.len()) =>
            {
                distinct(&o)
                    .map(|options| Choice::Options { options })
                    .ok_or_else(invalid)
            }
            (
                Method::ApprovalBudget { .. } | Method::EqualShares { .. },
                Choice::Options { options: o },
            ) if !o.is_empty() => distinct(&o)
                .map(|options| Choice::Options { options })
                .ok_or_else(invalid),
            (Method::Knapsack { budget, costs }, Choice::Options { options: o })
                if !o.is_empty() =>
            {
                let options = distinct(&o).ok_or_else(invalid)?;
                // A sum past 64 bits is over any budget (created votes cannot reach it).
                let total = options
                    .iter()
                    .try_fold(0_u64, |sum, i| sum.checked_add(*costs.get(*i)?));
                if total.is_some_and(|total| total <= *budget) {
                    Ok(Choice::Options { options })
                } else {
                    Err(DomainError::OverBudget)
                }
            }
            (Method::Ranked { .. }, Choice::Ranking { ranking }) if !ranking.is_empty() => {
                distinct(&ranking).ok_or_else(invalid)?;
                Ok(Choice::Ranking { ranking })
            }
            (Method::Score { max }, Choice::Scores { scores })
                if scores.len() == options && scores.iter().all(|s| s <= max) =>
            {
                Ok(Choice::Scores { scores })
            }
            _ => Err(invalid()),
        }
    }
}

/// A counted ballot: a checked choice and the voter's weight for a double majority (1 when unused).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub choice: Choice,
    pub weight: u64,
}

/// The largest count a quorum may ask for: a million voters, more than any street has.
pub const QUORUM_COUNT_MAX: u32 = 1_000_000;

/// Who must take part for a vote to count. A share is 1 to 100 percent, a count 1 to 1,000,000; for no
/// quorum, say `none`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Quorum {
    None,
    /// At least this many ballots (abstentions included), 1 to 1,000,000.
    Count {
        ballots: u64,
    },
    /// At least this share of the eligible voters, in percent (1 to 100).
    PercentOfEligible {
        percent: u8,
    },
    /// At least this many eligible voters present (checked in at the meeting where the vote is taken), 1
    /// to 1,000,000.
    PresentCount {
        present: u64,
    },
    /// Eligible voters present of at least this share of the eligible voters, in percent (1 to 100).
    PresentPercent {
        percent: u8,
    },
}

impl Quorum {
    /// Checks that the quorum is one that can be met: a share of 1 to 100 percent (more could never be
    /// met), a count of 1 to [`QUORUM_COUNT_MAX`]. Nought is no quorum, which is said as `none`.
    pub fn check(self) -> DomainResult<()> {
        let (value, max) = match self {
            Quorum::None => return Ok(()),
            Quorum::Count { ballots: n } | Quorum::PresentCount { present: n } => {
                (n, QUORUM_COUNT_MAX)
            }
            Quorum::PercentOfEligible { percent } | Quorum::PresentPercent { percent } => {
                (u64::from(percent), 100)
            }
        };
        if (1..=u64::from(max)).contains(&value) {
            Ok(())
        } else {
            Err(DomainError::OutOfRange {
                field: Field::Quorum,
                min: 1,
                max,
            })
        }
    }
}

/// The electorate a vote is counted against: the voters of its snapshot, their total weight, and for a
/// vote taken in a meeting, how many of them were present. Outside a meeting those present are those
/// who took part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Turnout {
    pub eligible: u64,
    pub eligible_weight: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<u64>,
}

impl Turnout {
    /// An electorate counted outside a meeting.
    #[must_use]
    pub fn of(eligible: u64, eligible_weight: u64) -> Turnout {
        Turnout {
            eligible,
            eligible_weight,
            present: None,
        }
    }

    /// Whether the quorum is met when `taking_part` voters cast a ballot (abstentions included).
    #[must_use]
    pub fn meets(&self, quorum: Quorum, taking_part: u64) -> bool {
        let share = |count: u64, percent: u8| {
            u128::from(count) * 100 >= u128::from(self.eligible) * u128::from(percent)
        };
        let present = self.present.unwrap_or(taking_part);
        match quorum {
            Quorum::None => true,
            Quorum::Count { ballots } => taking_part >= ballots,
            Quorum::PercentOfEligible { percent } => share(taking_part, percent),
            Quorum::PresentCount { present: needed } => present >= needed,
            Quorum::PresentPercent { percent } => share(present, percent),
        }
    }
}

/// What "adopted" means for a yes/no vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    /// More yes than half of the votes counted.
    SimpleMajority,
    /// More yes than half of all eligible voters.
    AbsoluteMajority,
    /// At least two thirds of the votes counted.
    TwoThirds,
    /// At least three quarters of the votes counted.
    ThreeQuarters,
}

/// The rules of a yes/no vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rules {
    pub quorum: Quorum,
    pub threshold: Threshold,
    /// Abstentions count in the base of the threshold (so they act like "no").
    pub count_abstentions: bool,
    /// The threshold must also be reached by weight (e.g. households' floor area), as owners' matters
    /// require (双过半 / 双三分之二).
    pub double_majority: bool,
}

/// The outcome of a yes/no vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "YesNoOutcome")
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    Rejected,
    /// Too few took part: no decision.
    QuorumNotMet,
}

/// Sums of a yes/no vote, by head and by weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YesNoCount {
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    pub yes_weight: u64,
    pub no_weight: u64,
    pub abstain_weight: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YesNoResult {
    pub count: YesNoCount,
    pub outcome: Outcome,
    /// Yes and no are level: as many yes as no ballots (by head, at least one of each), whatever the
    /// abstentions, the threshold, the weights and the quorum. No threshold adopts a tie (each needs more
    /// yes than no), so a tie is rejected, or undecided without its quorum, and the result says so.
    pub tie: bool,
}

/// Whether `yes` out of `base` reaches the threshold.
fn reaches(threshold: Threshold, yes: u64, base: u128) -> bool {
    let yes = u128::from(yes);
    match threshold {
        Threshold::SimpleMajority | Threshold::AbsoluteMajority => yes * 2 > base,
        Threshold::TwoThirds => base > 0 && yes * 3 >= base * 2,
        Threshold::ThreeQuarters => base > 0 && yes * 4 >= base * 3,
    }
}

/// Counts a yes/no vote against its electorate.
#[must_use]
pub fn tally_yes_no(ballots: &[Ballot], rules: &Rules, turnout: Turnout) -> YesNoResult {
    let Turnout {
        eligible,
        eligible_weight,
        ..
    } = turnout;
    let mut c = YesNoCount::default();
    for b in ballots {
        let (heads, weight) = match b.choice {
            Choice::Yes => (&mut c.yes, &mut c.yes_weight),
            Choice::No => (&mut c.no, &mut c.no_weight),
            _ => (&mut c.abstain, &mut c.abstain_weight),
        };
        *heads = heads.saturating_add(1);
        *weight = weight.saturating_add(b.weight);
    }
    let tie = c.yes == c.no && c.yes > 0;
    let taking_part = c.yes.saturating_add(c.no).saturating_add(c.abstain);
    if !turnout.meets(rules.quorum, taking_part) {
        return YesNoResult {
            count: c,
            outcome: Outcome::QuorumNotMet,
            tie,
        };
    }
    let base = |yes: u64, no: u64, abstain: u64, all: u64| match rules.threshold {
        Threshold::AbsoluteMajority => u128::from(all),
        _ if rules.count_abstentions => u128::from(yes) + u128::from(no) + u128::from(abstain),
        _ => u128::from(yes) + u128::from(no),
    };
    let by_head = reaches(
        rules.threshold,
        c.yes,
        base(c.yes, c.no, c.abstain, eligible),
    );
    let by_weight = !rules.double_majority
        || reaches(
            rules.threshold,
            c.yes_weight,
            base(c.yes_weight, c.no_weight, c.abstain_weight, eligible_weight),
        );
    YesNoResult {
        count: c,
        outcome: if by_head && by_weight {
            Outcome::Adopted
        } else {
            Outcome::Rejected
        },
        tie,
    }
}

/// The winners of a vote among options, in order, and whether a tie decided the last place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ranking {
    /// Per option: the figure it was ranked by (votes, approvals, score sum, …).
    pub totals: Vec<u64>,
    /// Winning options, best first.
    pub winners: Vec<usize>,
    /// Options tied for the last winning place; resolved by `tie_break` (or left open with
    /// [`TieBreak::NoWinner`], in which case they are not among `winners`).
    pub tied: Vec<usize>,
    pub abstained: u64,
}

/// The `seats` options with the highest totals; a tie across the last seat is resolved by `tie_break`.
fn top(totals: Vec<u64>, seats: usize, tie_break: TieBreak, abstained: u64) -> Ranking {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    // Highest first; equal totals in ballot order (stable).
    order.sort_by(|a, b| totals[*b].cmp(&totals[*a]));
    let mut winners: Vec<usize> = order.iter().copied().take(seats).collect();
    let mut tied = Vec::new();
    if let (Some(&last), Some(&next)) = (winners.last(), order.get(seats))
        && totals[last] == totals[next]
    {
        let level = totals[last];
        tied = order
            .iter()
            .copied()
            .filter(|o| totals[*o] == level)
            .collect();
        if tie_break == TieBreak::NoWinner {
            winners.retain(|w| totals[*w] != level);
        }
    }
    Ranking {
        totals,
        winners,
        tied,
        abstained,
    }
}

/// Counts single- and multiple-choice ballots: the options with the most votes win.
#[must_use]
pub fn tally_choices(
    ballots: &[Ballot],
    options: usize,
    seats: usize,
    tie_break: TieBreak,
) -> Ranking {
    let mut totals = vec![0_u64; options];
    let mut abstained = 0_u64;
    for b in ballots {
        match &b.choice {
            Choice::Options { options: chosen } => {
                for o in chosen {
                    if let Some(t) = totals.get_mut(*o) {
                        *t = t.saturating_add(1);
                    }
                }
            }
            _ => abstained = abstained.saturating_add(1),
        }
    }
    top(totals, seats, tie_break, abstained)
}

/// Counts score ballots: the highest sum of scores wins.
#[must_use]
pub fn tally_scores(ballots: &[Ballot], options: usize, tie_break: TieBreak) -> Ranking {
    let mut totals = vec![0_u64; options];
    let mut abstained = 0_u64;
    for b in ballots {
        match &b.choice {
            Choice::Scores { scores } => {
                for (t, s) in totals.iter_mut().zip(scores) {
                    *t = t.saturating_add(u64::from(*s));
                }
            }
            _ => abstained = abstained.saturating_add(1),
        }
    }
    top(totals, 1, tie_break, abstained)
}

/// A participatory budget's result: which options are funded, in the order they were considered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Allocation {
    /// Approvals (or selections) per option.
    pub totals: Vec<u64>,
    pub funded: Vec<usize>,
    pub spent: u64,
    /// Options with as many votes as another that was considered before them (ballot order decided).
    pub ties: Vec<(usize, usize)>,
    pub abstained: u64,
}

/// Funds options from most to fewest approvals while they fit the budget, skipping any that does not fit
/// (greedy allocation, as most participatory budgets use). Equal approvals are considered in ballot
/// order, and reported. What is spent never passes the budget: a cost that would take the sum past 64
/// bits does not fit.
#[must_use]
pub fn allocate_budget(ballots: &[Ballot], costs: &[u64], budget: u64) -> Allocation {
    let mut totals = vec![0_u64; costs.len()];
    let mut abstained = 0_u64;
    for b in ballots {
        match &b.choice {
            Choice::Options { options } => {
                for o in options {
                    if let Some(t) = totals.get_mut(*o) {
                        *t = t.saturating_add(1);
                    }
                }
            }
            _ => abstained = abstained.saturating_add(1),
        }
    }
    let mut order: Vec<usize> = (0..costs.len()).collect();
    order.sort_by(|a, b| totals[*b].cmp(&totals[*a]));
    let ties = order
        .windows(2)
        .filter(|w| totals[w[0]] == totals[w[1]] && totals[w[0]] > 0)
        .map(|w| (w[0], w[1]))
        .collect();
    let mut funded = Vec::new();
    let mut spent = 0_u64;
    for o in order {
        if totals[o] > 0
            && let Some(after) = spent.checked_add(costs[o])
            && after <= budget
        {
            spent = after;
            funded.push(o);
        }
    }
    Allocation {
        totals,
        funded,
        spent,
        ties,
        abstained,
    }
}

/// The rounds of an instant-runoff count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RunoffResult {
    /// Per round, each option's votes (0 once eliminated).
    pub rounds: Vec<Vec<u64>>,
    /// Eliminated options, in order.
    pub eliminated: Vec<usize>,
    pub winner: Option<usize>,
    /// Rounds in which the weakest options were level (decided by the earlier rounds, then ballot order).
    pub tie_rounds: Vec<usize>,
    /// Ballots that ranked no remaining option by the last round.
    pub exhausted: u64,
    pub abstained: u64,
}

/// Instant runoff: each ballot counts for its highest-ranked remaining option; while no option has more
/// than half of the ballots still counting, the option with the fewest is eliminated. A tie for fewest is
/// broken by the fewest votes in the latest earlier round where they differ, then by ballot order (the
/// later-listed option goes), and reported.
#[must_use]
pub fn instant_runoff(ballots: &[Ballot], options: usize) -> RunoffResult {
    let rankings: Vec<&[usize]> = ballots
        .iter()
        .filter_map(|b| match &b.choice {
            Choice::Ranking { ranking } => Some(ranking.as_slice()),
            _ => None,
        })
        .collect();
    let abstained = (ballots.len() - rankings.len()) as u64;
    let mut remaining = vec![true; options];
    let mut rounds: Vec<Vec<u64>> = Vec::new();
    let mut eliminated = Vec::new();
    let mut tie_rounds = Vec::new();
    loop {
        let mut votes = vec![0_u64; options];
        let mut exhausted = 0_u64;
        for ranking in &rankings {
            match ranking
                .iter()
                .find(|o| remaining.get(**o).copied().unwrap_or(false))
            {
                Some(o) => votes[*o] = votes[*o].saturating_add(1),
                None => exhausted = exhausted.saturating_add(1),
            }
        }
        let counting = votes.iter().fold(0_u64, |sum, v| sum.saturating_add(*v));
        rounds.push(votes.clone());
        let alive: Vec<usize> = (0..options).filter(|o| remaining[*o]).collect();
        let leader = alive
            .iter()
            .copied()
            .max_by(|a, b| votes[*a].cmp(&votes[*b]).then(b.cmp(a)));
        if let Some(l) = leader
            && (u128::from(votes[l]) * 2 > u128::from(counting) || alive.len() == 1)
        {
            return RunoffResult {
                rounds,
                eliminated,
                winner: (counting > 0).then_some(l),
                tie_rounds,
                exhausted,
                abstained,
            };
        }
        let fewest = alive.iter().map(|o| votes[*o]).min().unwrap_or(0);
        let mut weakest: Vec<usize> = alive
            .iter()
            .copied()
            .filter(|o| votes[*o] == fewest)
            .collect();
        if weakest.len() > 1 {
            tie_rounds.push(rounds.len() - 1);
            for earlier in rounds.iter().rev().skip(1) {
                let low = weakest.iter().map(|o| earlier[*o]).min().unwrap_or(0);
                weakest.retain(|o| earlier[*o] == low);
                if weakest.len() == 1 {
                    break;
                }
            }
        }
        // Still level: the option listed last goes.
        let out = weakest.iter().copied().max().unwrap_or(0);
        remaining[out] = false;
        eliminated.push(out);
        if alive.len() <= 1 {
            return RunoffResult {
                rounds,
                eliminated,
                winner: None,
                tie_rounds,
                exhausted,
                abstained,
            };
        }
    }
}

/// A Schulze count: pairwise preferences, strongest paths and the resulting order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SchulzeResult {
    /// `d[i][j]`: ballots preferring option i to option j (an option ranked beats one left unranked).
    pub pairwise: Vec<Vec<u64>>,
    /// `p[i][j]`: the strength of the strongest path from i to j (winning votes).
    pub strongest: Vec<Vec<u64>>,
    /// Options by how many others they beat by strongest path, best first; level options in ballot order.
    pub order: Vec<usize>,
    /// The option that beats every other, if one does (otherwise the Schulze winners are tied).
    pub winner: Option<usize>,
    pub abstained: u64,
}

/// The Schulze method (M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
/// Condorcet-consistent single-winner election method", Social Choice and Welfare 36 (2011) 267–303),
/// with winning votes as the strength of a link.
#[must_use]
pub fn schulze(ballots: &[Ballot], options: usize) -> SchulzeResult {
    let mut d = vec![vec![0_u64; options]; options];
    let mut abstained = 0_u64;
    for b in ballots {
        let Choice::Ranking { ranking } = &b.choice else {
            abstained = abstained.saturating_add(1);
            continue;
        };
        let mut rank = vec![usize::MAX; options];
        for (position, o) in ranking.iter().enumerate() {
            if let Some(r) = rank.get_mut(*o) {
                *r = position;
            }
        }
        for i in 0..options {
            for j in 0..options {
                if i != j && rank[i] < rank[j] {
                    d[i][j] = d[i][j].saturating_add(1);
                }
            }
        }
    }
    let mut p = vec![vec![0_u64; options]; options];
    for i in 0..options {
        for j in 0..options {
            if i != j && d[i][j] > d[j][i] {
                p[i][j] = d[i][j];
            }
        }
    }
    for k in 0..options {
        for i in 0..options {
            if i == k {
                continue;
            }
            for j in 0..options {
                if j != i && j != k {
                    p[i][j] = p[i][j].max(p[i][k].min(p[k][j]));
                }
            }
        }
    }
    let beats = |i: usize| {
        (0..options)
            .filter(|j| *j != i && p[i][*j] > p[*j][i])
            .count()
    };
    let mut order: Vec<usize> = (0..options).collect();
    order.sort_by_key(|o| std::cmp::Reverse(beats(*o)));
    let winner = order
        .first()
        .copied()
        .filter(|w| options > 0 && beats(*w) == options - 1);
    SchulzeResult {
        pairwise: d,
        strongest: p,
        order,
        winner,
        abstained,
    }
}

#[cfg(test)]
mod tests;
