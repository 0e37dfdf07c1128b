//! A vote (投票) as residents meet it: its settings, when ballots are accepted, receipts, what is
//! published, and the count — which anyone can repeat from the published ballot list.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::electorate::{ElectorateRule, Weighting};
use super::equal_shares::Utility;
use super::tally::{
    Allocation, Ballot, Choice, Method, RankedRule, Ranking, Rules, RunoffResult, SchulzeResult,
    TieBreak, Turnout, YesNoResult, allocate_budget, instant_runoff, schulze, tally_choices,
    tally_scores, tally_yes_no,
};
use crate::error::{DomainError, DomainResult, Field};

/// Whether who voted what can be seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    /// Those allowed see each voter's choice (记名投票).
    Named,
    /// Only that a voter voted is kept with her name; the choice is stored apart, under its receipt
    /// (无记名投票).
    Secret,
}

/// When results are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResultsShown {
    Live,
    AfterClose,
}

/// How a ballot reached the count; one voter counts once across all channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "BallotChannel")
)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// On her phone.
    Online,
    /// A paper ballot entered by staff.
    Paper,
    /// A show of hands in a meeting, entered by the chair or staff.
    ShowOfHands,
}

pub const TITLE_MAX: usize = 80;
pub const OPTION_MAX: usize = 60;
pub const OPTIONS_MAX: usize = 200;
pub const PROXIES_MAX: u8 = 5;
/// A start chosen "for now" may lie this far behind the server's clock (the form was filled in slowly, a
/// phone's clock is late); earlier is a mistake.
pub const OPENS_LATE_GRACE_MINUTES: i64 = 60;
/// How far ahead a vote may be scheduled.
pub const OPENS_AHEAD_MAX_DAYS: i64 = 180;
/// How long a vote may stay open, from its opening to its closing: a vote that never closes never
/// decides.
pub const OPEN_FOR_MAX_DAYS: u32 = 60;

/// Checks when a vote opens: now (`None`) or a chosen time, not in the past, at most
/// [`OPENS_AHEAD_MAX_DAYS`] ahead.
pub fn opening(chosen: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DomainResult<DateTime<Utc>> {
    let Some(at) = chosen else {
        return Ok(now);
    };
    if at < now - chrono::Duration::minutes(OPENS_LATE_GRACE_MINUTES)
        || at > now + chrono::Duration::days(OPENS_AHEAD_MAX_DAYS)
    {
        return Err(DomainError::Invalid {
            field: Field::OpensAt,
        });
    }
    Ok(at)
}

/// Everything fixed when a vote is created. Its numbers are bounded, each refused at its field when out
/// of bounds: a budget (1 to 100,000,000 yuan) and its costs (1 yuan to the budget), a quorum (1 to 100
/// percent, or 1 to 1,000,000), a minimum age (0 to 120), the proxies one voter holds (0 to 5) and how
/// long it stays open (at most 60 days).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PollSettings {
    pub title: String,
    /// The options (empty for yes/no).
    pub options: Vec<String>,
    pub method: Method,
    /// For yes/no votes.
    pub rules: Rules,
    pub tie_break: TieBreak,
    pub electorate: ElectorateRule,
    pub secrecy: Secrecy,
    pub results: ResultsShown,
    /// A voter may change her ballot until the vote closes.
    pub changeable: bool,
    /// Proxies one voter may hold (0: no proxies), at most 5.
    pub max_proxies: u8,
    pub opens_at: DateTime<Utc>,
    /// After `opens_at`, and at most 60 days after it.
    pub closes_at: DateTime<Utc>,
}

impl PollSettings {
    /// Checks and cleans the settings, refusing any number a vote could not work with (a quorum that
    /// could never be met, an age nobody reaches, a cost past the budget, a vote that never closes), each
    /// at its field.
    pub fn validate(mut self) -> DomainResult<PollSettings> {
        self.title = self.title.trim().to_owned();
        if self.title.is_empty() {
            return Err(DomainError::Required {
                field: Field::Title,
            });
        }
        if self.title.chars().count() > TITLE_MAX {
            return Err(DomainError::TooLong {
                field: Field::Title,
                max: TITLE_MAX,
            });
        }
        for option in &mut self.options {
            *option = option.trim().to_owned();
            if option.is_empty() || option.chars().count() > OPTION_MAX {
                return Err(DomainError::Invalid {
                    field: Field::Options,
                });
            }
        }
        if self.options.len() > OPTIONS_MAX {
            return Err(DomainError::Invalid {
                field: Field::Options,
            });
        }
        self.method.validate(self.options.len())?;
        self.rules.quorum.check()?;
        self.electorate.check()?;
        if self.closes_at <= self.opens_at {
            return Err(DomainError::Invalid {
                field: Field::ClosesAt,
            });
        }
        if self.closes_at - self.opens_at > chrono::Duration::days(i64::from(OPEN_FOR_MAX_DAYS)) {
            return Err(DomainError::OutOfRange {
                field: Field::ClosesAt,
                min: 0,
                max: OPEN_FOR_MAX_DAYS,
            });
        }
        if self.changeable && self.secrecy == Secrecy::Secret {
            // Changing a secret ballot would need a stored link between the voter and her choice.
            return Err(DomainError::Invalid {
                field: Field::Secrecy,
            });
        }
        if self.rules.double_majority
            && (self.method != Method::YesNo
                || !matches!(self.electorate, ElectorateRule::Households { .. }))
        {
            // The weight of a double majority is a household's floor area.
            return Err(DomainError::Invalid {
                field: Field::Rules,
            });
        }
        if self.max_proxies > PROXIES_MAX {
            return Err(DomainError::OutOfRange {
                field: Field::Proxy,
                min: 0,
                max: u32::from(PROXIES_MAX),
            });
        }
        Ok(self)
    }

    /// What voters weigh: households their floor area when a yes/no vote needs a double majority.
    #[must_use]
    pub fn weighting(&self) -> Weighting {
        if self.rules.double_majority {
            Weighting::FloorArea
        } else {
            Weighting::Head
        }
    }

    /// Whether a ballot is accepted now.
    pub fn accepts_ballots(&self, closed_early: bool, now: DateTime<Utc>) -> DomainResult<()> {
        if now < self.opens_at {
            Err(DomainError::VotingNotOpen)
        } else if closed_early || now >= self.closes_at {
            Err(DomainError::VotingClosed)
        } else {
            Ok(())
        }
    }

    /// Whether proxies may still be given (only before the vote opens, so the electorate and its
    /// delegations are fixed together).
    pub fn accepts_proxies(&self, now: DateTime<Utc>) -> DomainResult<()> {
        if self.max_proxies == 0 {
            Err(DomainError::Invalid {
                field: Field::Proxy,
            })
        } else if now >= self.opens_at {
            Err(DomainError::VotingOpen)
        } else {
            Ok(())
        }
    }

    /// Whether results may be shown now.
    #[must_use]
    pub fn shows_results(&self, closed_early: bool, now: DateTime<Utc>) -> bool {
        match self.results {
            ResultsShown::Live => now >= self.opens_at,
            ResultsShown::AfterClose => closed_early || now >= self.closes_at,
        }
    }
}

/// Projects with their costs as staff type them, one per line: 「楼道照明，3000」 (a comma, Chinese or
/// not, or a tab before the cost, in whole yuan). Blank lines are skipped.
pub fn parse_priced_options(text: &str) -> DomainResult<(Vec<String>, Vec<u64>)> {
    let invalid = || DomainError::Invalid {
        field: Field::Options,
    };
    let mut names = Vec::new();
    let mut costs = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (name, cost) = line.rsplit_once([',', '，', '\t']).ok_or_else(invalid)?;
        let cost: u64 = cost
            .trim()
            .trim_end_matches('元')
            .trim()
            .parse()
            .map_err(|_| invalid())?;
        names.push(name.trim().to_owned());
        costs.push(cost);
    }
    Ok((names, costs))
}

/// A receipt code: 12 characters of Crockford base32 in three groups, e.g. `7K2M-Q9XD-4HTB`.
#[must_use]
pub fn receipt_from_random(random: [u8; 8]) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let value = u64::from_be_bytes(random);
    let chars: Vec<char> = (0..12)
        .map(|i| char::from(ALPHABET[((value >> (5 * i)) & 0x1F) as usize]))
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// One line of the published ballot list: what anyone may recount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublishedBallot {
    pub receipt: String,
    pub choice: Choice,
    pub weight: u64,
    pub channel: Channel,
    /// The voter's name, for named votes only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voter: Option<String>,
    /// Who cast it when that was someone else (a proxy, or staff entering a paper ballot), for named
    /// votes only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cast_by: Option<String>,
}

/// The result of a vote, by method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PollResult {
    YesNo(YesNoResult),
    Choices(Ranking),
    Scores(Ranking),
    InstantRunoff(RunoffResult),
    Schulze(SchulzeResult),
    Budget(Allocation),
}

/// Counts the ballots of a vote against its snapshotted electorate.
#[must_use]
pub fn count(settings: &PollSettings, ballots: &[Ballot], turnout: Turnout) -> PollResult {
    let options = settings.options.len();
    match &settings.method {
        Method::YesNo => PollResult::YesNo(tally_yes_no(ballots, &settings.rules, turnout)),
        Method::Single { seats } | Method::Multiple { seats, .. } => PollResult::Choices(
            tally_choices(ballots, options, *seats as usize, settings.tie_break),
        ),
        Method::Score { .. } => {
            PollResult::Scores(tally_scores(ballots, options, settings.tie_break))
        }
        Method::Ranked {
            rule: RankedRule::InstantRunoff,
        } => PollResult::InstantRunoff(instant_runoff(ballots, options)),
        Method::Ranked {
            rule: RankedRule::Schulze,
        } => PollResult::Schulze(schulze(ballots, options)),
        Method::ApprovalBudget { budget, costs } | Method::Knapsack { budget, costs } => {
            PollResult::Budget(allocate_budget(ballots, costs, *budget))
        }
        Method::EqualShares { budget, costs } => {
            let r = super::equal_shares(ballots, costs, *budget, Utility::Cost, Some(1));
            PollResult::Budget(Allocation {
                totals: r.totals,
                funded: r.funded,
                spent: r.spent,
                ties: r.ties,
                abstained: r.abstained,
            })
        }
    }
}

/// The text of a result notice (公示): the question, the figures, the outcome, in plain words.
#[must_use]
pub fn result_text(
    settings: &PollSettings,
    result: &PollResult,
    participated: u64,
    eligible: u64,
    lang: crate::i18n::Lang,
) -> (String, String) {
    use crate::i18n::Lang;
    let zh = lang == Lang::ZhCn;
    let title = if zh {
        format!("投票结果：{}", settings.title)
    } else {
        format!("Result: {}", settings.title)
    };
    let mut lines = vec![if zh {
        format!("应投 {eligible} 票，实投 {participated} 票。")
    } else {
        format!("{participated} of {eligible} voters took part.")
    }];
    let option_name = |i: usize| settings.options.get(i).cloned().unwrap_or_default();
    match result {
        PollResult::YesNo(r) => {
            let c = r.count;
            lines.push(if zh {
                format!(
                    "赞成 {} 票，反对 {} 票，弃权 {} 票。",
                    c.yes, c.no, c.abstain
                )
            } else {
                format!("Yes {}, no {}, abstain {}.", c.yes, c.no, c.abstain)
            });
            lines.push(match (r.outcome, zh) {
                (super::tally::Outcome::Adopted, true) => "结果：通过。".into(),
                (super::tally::Outcome::Adopted, false) => "Outcome: adopted.".into(),
                (super::tally::Outcome::Rejected, true) => "结果：未通过。".into(),
                (super::tally::Outcome::Rejected, false) => "Outcome: not adopted.".into(),
                (super::tally::Outcome::QuorumNotMet, true) => "参与人数不足，不作决定。".into(),
                (super::tally::Outcome::QuorumNotMet, false) => {
                    "Too few took part: no decision.".into()
                }
            });
            if r.tie {
                lines.push(if zh {
                    "赞成与反对票数相同。".into()
                } else {
                    "Yes and no were tied.".into()
                });
            }
        }
        PollResult::Choices(r) | PollResult::Scores(r) => {
            for (i, total) in r.totals.iter().enumerate() {
                lines.push(format!("{}：{total}", option_name(i)));
            }
            let winners: Vec<String> = r.winners.iter().map(|w| option_name(*w)).collect();
            lines.push(if zh {
                format!(
                    "当选：{}",
                    if winners.is_empty() {
                        "无（票数相同）".into()
                    } else {
                        winners.join("、")
                    }
                )
            } else {
                format!(
                    "Chosen: {}",
                    if winners.is_empty() {
                        "none (tied)".into()
                    } else {
                        winners.join(", ")
                    }
                )
            });
        }
        PollResult::InstantRunoff(r) => lines.push(match r.winner {
            Some(w) if zh => format!("当选：{}（共 {} 轮）", option_name(w), r.rounds.len()),
            Some(w) => format!("Chosen: {} ({} rounds)", option_name(w), r.rounds.len()),
            None if zh => "没有选出结果。".into(),
            None => "No option was chosen.".into(),
        }),
        PollResult::Schulze(r) => lines.push(match r.winner {
            Some(w) if zh => format!("当选：{}", option_name(w)),
            Some(w) => format!("Chosen: {}", option_name(w)),
            None if zh => "没有唯一的胜出选项。".into(),
            None => "No single option beats all others.".into(),
        }),
        PollResult::Budget(a) => {
            let funded: Vec<String> = a.funded.iter().map(|f| option_name(*f)).collect();
            lines.push(if zh {
                format!("获得资助：{}（共 {}）", funded.join("、"), a.spent)
            } else {
                format!("Funded: {} (total {})", funded.join(", "), a.spent)
            });
        }
    }
    // How it was counted, in plain words, with the method's proper name for those who look it up.
    let method = settings.method.words(lang);
    if let Some(proper) = method.proper {
        lines.push(if zh {
            format!("计票方法：{}（{proper}）", method.how)
        } else {
            format!("How it was counted: {} ({proper})", method.how)
        });
    }
    lines.push(if zh {
        "投票清单已公布，可以凭回执核对。".into()
    } else {
        "The ballot list is published; check your receipt in it.".into()
    });
    (title, lines.join("\n"))
}

/// Recounts a published ballot list: the same result as the official count, or the list was altered.
#[must_use]
pub fn recount(
    settings: &PollSettings,
    published: &[PublishedBallot],
    turnout: Turnout,
) -> PollResult {
    let ballots: Vec<Ballot> = published
        .iter()
        .map(|p| Ballot {
            choice: p.choice.clone(),
            weight: p.weight,
        })
        .collect();
    count(settings, &ballots, turnout)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::votes::electorate::{ElectorateRule, HouseholdCaster};
    use crate::votes::tally::{Outcome, QUORUM_COUNT_MAX, Quorum, Threshold};

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, hour, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn a_vote_opens_now_or_at_a_chosen_time_not_in_the_past() {
        let now = at(8);
        assert_eq!(opening(None, now), Ok(now));
        assert_eq!(opening(Some(at(10)), now), Ok(at(10)));
        // A start a few minutes ago (the form took a while) is still now-ish.
        let late = now - chrono::Duration::minutes(20);
        assert_eq!(opening(Some(late), now), Ok(late));
        let invalid = Err(DomainError::Invalid {
            field: Field::OpensAt,
        });
        assert_eq!(opening(Some(at(6)), now), invalid);
        assert_eq!(
            opening(
                Some(now + chrono::Duration::days(OPENS_AHEAD_MAX_DAYS + 1)),
                now
            ),
            invalid
        );
    }

    fn settings(method: Method, options: &[&str]) -> PollSettings {
        PollSettings {
            title: " 是否在3号楼加装电梯 ".into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            method,
            rules: Rules {
                quorum: Quorum::None,
                threshold: Threshold::TwoThirds,
                count_abstentions: false,
                double_majority: true,
            },
            tie_break: TieBreak::NoWinner,
            electorate: ElectorateRule::Households {
                cast_by: HouseholdCaster::Representative,
            },
            secrecy: Secrecy::Secret,
            results: ResultsShown::AfterClose,
            changeable: false,
            max_proxies: 1,
            opens_at: at(8),
            closes_at: at(20),
        }
    }

    #[test]
    fn priced_options_read_as_typed() {
        assert_eq!(
            parse_priced_options("楼道照明，3000\n\n 健身器材, 12000元 \n长椅,2,500\t800"),
            Ok((
                vec!["楼道照明".into(), "健身器材".into(), "长椅,2,500".into()],
                vec![3000, 12_000, 800]
            ))
        );
        for bad in ["楼道照明", "楼道照明，三千", "楼道照明，-5"] {
            assert_eq!(
                parse_priced_options(bad),
                Err(DomainError::Invalid {
                    field: Field::Options
                })
            );
        }
    }

    #[test]
    fn settings_are_checked() -> DomainResult<()> {
        let ok = settings(Method::YesNo, &[]).validate()?;
        assert_eq!(ok.title, "是否在3号楼加装电梯");
        assert_eq!(ok.weighting(), Weighting::FloorArea);
        let rules = Err(DomainError::Invalid {
            field: Field::Rules,
        });
        let mut by_person = settings(Method::YesNo, &[]);
        by_person.electorate = ElectorateRule::Residents;
        assert_eq!(
            by_person.validate(),
            rules,
            "floor area weighs households, not persons"
        );
        assert_eq!(
            settings(Method::Single { seats: 1 }, &["甲", "乙"]).validate(),
            rules
        );
        let mut bad = settings(Method::YesNo, &[]);
        bad.closes_at = at(8);
        assert_eq!(
            bad.validate(),
            Err(DomainError::Invalid {
                field: Field::ClosesAt
            })
        );
        assert!(
            settings(Method::Single { seats: 1 }, &["甲", " "])
                .validate()
                .is_err()
        );
        assert!(
            settings(Method::Single { seats: 1 }, &["甲"])
                .validate()
                .is_err()
        );
        assert!(settings(Method::YesNo, &["甲", "乙"]).validate().is_err());
        let mut changeable = settings(Method::YesNo, &[]);
        changeable.changeable = true;
        assert!(
            changeable.clone().validate().is_err(),
            "a secret ballot cannot be changed"
        );
        changeable.secrecy = Secrecy::Named;
        assert!(changeable.validate().is_ok());
        let mut proxies = settings(Method::YesNo, &[]);
        proxies.max_proxies = 9;
        assert!(proxies.validate().is_err());
        Ok(())
    }

    #[test]
    fn numbers_a_vote_could_not_work_with_are_refused_at_their_field() {
        let yes_no = || {
            let mut s = settings(Method::YesNo, &[]);
            s.rules.double_majority = false;
            s
        };
        let with_quorum = |quorum| {
            let mut s = yes_no();
            s.rules.quorum = quorum;
            s.validate()
        };
        let quorum = |max| {
            Err(DomainError::OutOfRange {
                field: Field::Quorum,
                min: 1,
                max,
            })
        };
        assert_eq!(
            with_quorum(Quorum::PercentOfEligible { percent: 255 }),
            quorum(100),
            "a quorum of 255 % could never be met"
        );
        assert_eq!(
            with_quorum(Quorum::PresentPercent { percent: 0 }),
            quorum(100)
        );
        assert_eq!(
            with_quorum(Quorum::Count { ballots: u64::MAX }),
            quorum(QUORUM_COUNT_MAX)
        );
        assert!(with_quorum(Quorum::PercentOfEligible { percent: 100 }).is_ok());

        let aged = |min_age| {
            let mut s = yes_no();
            s.electorate = ElectorateRule::ResidentsAged { min_age };
            s.validate()
        };
        for min_age in [121, 255] {
            assert_eq!(
                aged(min_age),
                Err(DomainError::OutOfRange {
                    field: Field::MinAge,
                    min: 0,
                    max: 120
                }),
                "nobody is {min_age}"
            );
        }
        for min_age in [0, 18, 120] {
            assert!(aged(min_age).is_ok(), "{min_age}");
        }

        let lasting = |duration: chrono::Duration| {
            let mut s = yes_no();
            s.closes_at = s.opens_at + duration;
            s.validate()
        };
        let days = |d| chrono::Duration::days(d);
        assert!(lasting(days(60)).is_ok());
        for too_long in [days(60) + chrono::Duration::seconds(1), days(365 * 7_000)] {
            assert_eq!(
                lasting(too_long),
                Err(DomainError::OutOfRange {
                    field: Field::ClosesAt,
                    min: 0,
                    max: OPEN_FOR_MAX_DAYS
                })
            );
        }

        let mut budget = settings(
            Method::Knapsack {
                budget: 100,
                costs: vec![60, u64::MAX - 49],
            },
            &["楼道照明", "健身器材"],
        );
        budget.rules.double_majority = false;
        assert_eq!(
            budget.validate(),
            Err(DomainError::OutOfRange {
                field: Field::Costs,
                min: 1,
                max: 100
            })
        );
    }

    #[test]
    fn ballots_are_accepted_only_while_open() {
        let s = settings(Method::YesNo, &[]);
        assert_eq!(
            s.accepts_ballots(false, at(7)),
            Err(DomainError::VotingNotOpen)
        );
        assert_eq!(s.accepts_ballots(false, at(8)), Ok(()));
        assert_eq!(
            s.accepts_ballots(true, at(9)),
            Err(DomainError::VotingClosed)
        );
        assert_eq!(
            s.accepts_ballots(false, at(20)),
            Err(DomainError::VotingClosed)
        );
        assert!(s.accepts_proxies(at(7)).is_ok());
        assert_eq!(s.accepts_proxies(at(8)), Err(DomainError::VotingOpen));
        assert!(!s.shows_results(false, at(12)));
        assert!(s.shows_results(true, at(12)));
        assert!(s.shows_results(false, at(20)));
        let live = PollSettings {
            results: ResultsShown::Live,
            ..s
        };
        assert!(live.shows_results(false, at(12)));
    }

    #[test]
    fn a_result_reads_as_a_notice() {
        let s = settings(Method::YesNo, &[])
            .validate()
            .unwrap_or_else(|e| panic!("{e}"));
        let ballots = vec![
            Ballot {
                choice: Choice::Yes,
                weight: 1,
            },
            Ballot {
                choice: Choice::Yes,
                weight: 1,
            },
            Ballot {
                choice: Choice::No,
                weight: 1,
            },
        ];
        let result = count(&s, &ballots, Turnout::of(5, 5));
        let (title, body) = result_text(&s, &result, 3, 5, crate::i18n::Lang::ZhCn);
        assert_eq!(title, "投票结果：是否在3号楼加装电梯");
        assert!(body.contains("应投 5 票，实投 3 票。"), "{body}");
        assert!(body.contains("赞成 2 票，反对 1 票，弃权 0 票。"), "{body}");
        assert!(body.contains("结果：通过。"), "{body}");
    }

    #[test]
    fn a_ranked_result_says_how_it_was_counted_in_plain_words() {
        let s = settings(
            Method::Ranked {
                rule: RankedRule::Schulze,
            },
            &["甲", "乙", "丙"],
        );
        let ballots: Vec<Ballot> = [vec![1, 0, 2], vec![1, 2, 0], vec![0, 1, 2]]
            .into_iter()
            .map(|ranking| Ballot {
                choice: Choice::Ranking { ranking },
                weight: 1,
            })
            .collect();
        let result = count(&s, &ballots, Turnout::of(3, 3));
        let (_, body) = result_text(&s, &result, 3, 3, crate::i18n::Lang::ZhCn);
        assert!(body.contains("当选：乙\n"), "{body}");
        assert!(
            body.contains("计票方法：把选项按喜欢的顺序排好；再把选项两两比一比，比其他每一项都更多人喜欢的胜出。（舒尔茨方法）"),
            "{body}"
        );
        let (_, body) = result_text(&s, &result, 3, 3, crate::i18n::Lang::En);
        assert!(
            body.contains("How it was counted: Put the options"),
            "{body}"
        );
        assert!(body.contains("(Schulze method)"), "{body}");
    }

    #[test]
    fn receipts_are_readable_and_distinct() {
        let a = receipt_from_random([1, 2, 3, 4, 5, 6, 7, 8]);
        let b = receipt_from_random([1, 2, 3, 4, 5, 6, 7, 9]);
        assert_eq!(a.len(), 14);
        assert_eq!(a.matches('-').count(), 2);
        assert_ne!(a, b);
    }

    #[test]
    fn the_count_follows_the_method_and_rules() {
        let s = settings(Method::YesNo, &[]);
        let ballots = vec![
            Ballot {
                choice: Choice::Yes,
                weight: 9_000,
            },
            Ballot {
                choice: Choice::Yes,
                weight: 9_000,
            },
            Ballot {
                choice: Choice::No,
                weight: 9_000,
            },
        ];
        match count(&s, &ballots, Turnout::of(3, 27_000)) {
            PollResult::YesNo(r) => assert_eq!(r.outcome, Outcome::Adopted),
            other => panic!("{other:?}"),
        }
        let ranked = settings(
            Method::Ranked {
                rule: RankedRule::InstantRunoff,
            },
            &["甲", "乙", "丙"],
        );
        assert!(matches!(
            count(&ranked, &[], Turnout::default()),
            PollResult::InstantRunoff(RunoffResult { winner: None, .. })
        ));
    }

    fn published_strategy() -> impl Strategy<Value = Vec<PublishedBallot>> {
        prop::collection::vec(
            (
                prop_oneof![Just(Choice::Yes), Just(Choice::No), Just(Choice::Abstain)],
                1_u64..20_000,
                any::<[u8; 8]>(),
                prop_oneof![
                    Just(Channel::Online),
                    Just(Channel::Paper),
                    Just(Channel::ShowOfHands)
                ],
            ),
            0..80,
        )
        .prop_map(|rows| {
            rows.into_iter()
                .map(|(choice, weight, random, channel)| PublishedBallot {
                    receipt: receipt_from_random(random),
                    choice,
                    weight,
                    channel,
                    voter: None,
                    cast_by: None,
                })
                .collect()
        })
    }

    proptest! {
        /// Anyone recounting the published list, in any order, gets the official result.
        #[test]
        fn a_recount_of_the_published_list_equals_the_result(
            published in published_strategy(),
            rotate in any::<prop::sample::Index>(),
        ) {
            let s = settings(Method::YesNo, &[]);
            let official: Vec<Ballot> = published
                .iter()
                .map(|p| Ballot { choice: p.choice.clone(), weight: p.weight })
                .collect();
            let mut shuffled = published.clone();
            if !shuffled.is_empty() {
                let k = rotate.index(shuffled.len());
                shuffled.rotate_left(k);
            }
            shuffled.sort_by(|a, b| a.receipt.cmp(&b.receipt));
            prop_assert_eq!(
                count(&s, &official, Turnout::of(100, 2_000_000)),
                recount(&s, &shuffled, Turnout::of(100, 2_000_000))
            );
        }
    }
}
