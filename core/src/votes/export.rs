//! A closed (or live) vote as files anyone can open in a spreadsheet: the published ballot list and the
//! result's figures, as CSV. UTF-8 with a byte-order mark, so spreadsheet programs read Chinese; CRLF
//! line ends, fields quoted as RFC 4180 says. Choices are written with option names, so the file reads
//! without the vote's settings; the JSON forms carry option indices for recounting. A participatory
//! budget's ballots are also written in Pabulib's `.pb` format ([`ballots_pb`]), for its tools.

use super::pabulib::{Pabulib, Project, Vote};
use super::poll::{Channel, PollResult, PollSettings, PublishedBallot};
use super::tally::{Choice, Method, Outcome, Turnout};
use crate::csv::write as csv;
use crate::i18n::Lang;

fn option_name(settings: &PollSettings, i: usize) -> String {
    settings.options.get(i).cloned().unwrap_or_default()
}

/// A choice in words: option names joined by ` | ` (a set), ` > ` (a ranking), or `name=score`.
#[must_use]
pub fn choice_text(settings: &PollSettings, choice: &Choice) -> String {
    let names = |list: &[usize], sep: &str| {
        list.iter()
            .map(|o| option_name(settings, *o))
            .collect::<Vec<_>>()
            .join(sep)
    };
    match choice {
        Choice::Yes => "yes".into(),
        Choice::No => "no".into(),
        Choice::Abstain => "abstain".into(),
        Choice::Options { options } => names(options, " | "),
        Choice::Ranking { ranking } => names(ranking, " > "),
        Choice::Scores { scores } => scores
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}={s}", option_name(settings, i)))
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// The published ballot list: receipt, choice, weight, channel, and for named votes the voter and who
/// cast it.
#[must_use]
pub fn ballots_csv(settings: &PollSettings, ballots: &[PublishedBallot]) -> String {
    let mut rows = vec![
        ["receipt", "choice", "weight", "channel", "voter", "cast_by"]
            .map(String::from)
            .to_vec(),
    ];
    for b in ballots {
        let channel = match b.channel {
            Channel::Online => "online",
            Channel::Paper => "paper",
            Channel::ShowOfHands => "show_of_hands",
        };
        rows.push(vec![
            b.receipt.clone(),
            choice_text(settings, &b.choice),
            b.weight.to_string(),
            channel.into(),
            b.voter.clone().unwrap_or_default(),
            b.cast_by.clone().unwrap_or_default(),
        ]);
    }
    csv(&rows)
}

/// The result's figures as a table, headed in the reader's language: per option (or per answer for
/// yes/no) the figures it was decided by, then the electorate and the outcome.
#[must_use]
pub fn result_rows(
    settings: &PollSettings,
    result: &PollResult,
    turnout: Turnout,
    participated: u64,
    lang: Lang,
) -> Vec<Vec<String>> {
    let zh = lang == Lang::ZhCn;
    let t = |zh_text: &str, en: &str| -> String { if zh { zh_text } else { en }.to_owned() };
    let yes_no_word = |b: bool| if b { t("是", "yes") } else { t("否", "no") };
    let mut rows: Vec<Vec<String>> = Vec::new();
    match result {
        PollResult::YesNo(r) => {
            rows.push(vec![
                t("表决", "answer"),
                t("票数", "votes"),
                t("权重", "weight"),
            ]);
            let c = r.count;
            for (answer, votes, weight) in [
                (t("赞成", "yes"), c.yes, c.yes_weight),
                (t("反对", "no"), c.no, c.no_weight),
                (t("弃权", "abstain"), c.abstain, c.abstain_weight),
            ] {
                rows.push(vec![answer, votes.to_string(), weight.to_string()]);
            }
            let outcome = match r.outcome {
                Outcome::Adopted => t("通过", "adopted"),
                Outcome::Rejected => t("未通过", "not adopted"),
                Outcome::QuorumNotMet => t("参与人数不足", "quorum not met"),
            };
            rows.push(vec![t("结果", "outcome"), outcome]);
            rows.push(vec![t("票数相同", "tied"), yes_no_word(r.tie)]);
        }
        PollResult::Choices(r) | PollResult::Scores(r) => {
            let figure = if matches!(result, PollResult::Scores(_)) {
                t("总分", "score")
            } else {
                t("票数", "votes")
            };
            rows.push(vec![
                t("选项", "option"),
                figure,
                t("当选", "chosen"),
                t("并列", "tied"),
            ]);
            for (i, total) in r.totals.iter().enumerate() {
                rows.push(vec![
                    option_name(settings, i),
                    total.to_string(),
                    yes_no_word(r.winners.contains(&i)),
                    yes_no_word(r.tied.contains(&i)),
                ]);
            }
            rows.push(vec![t("弃权", "abstained"), r.abstained.to_string()]);
        }
        PollResult::InstantRunoff(r) => {
            let mut head = vec![t("选项", "option")];
            head.extend((1..=r.rounds.len()).map(|n| {
                if zh {
                    format!("第{n}轮")
                } else {
                    format!("round {n}")
                }
            }));
            head.push(t("当选", "chosen"));
            rows.push(head);
            for i in 0..settings.options.len() {
                let mut row = vec![option_name(settings, i)];
                row.extend(
                    r.rounds
                        .iter()
                        .map(|round| round.get(i).copied().unwrap_or(0).to_string()),
                );
                row.push(yes_no_word(r.winner == Some(i)));
                rows.push(row);
            }
            rows.push(vec![t("用尽的选票", "exhausted"), r.exhausted.to_string()]);
            rows.push(vec![t("弃权", "abstained"), r.abstained.to_string()]);
        }
        PollResult::Schulze(r) => {
            let mut head = vec![t("选项", "option"), t("名次", "place")];
            head.extend((0..settings.options.len()).map(|j| {
                if zh {
                    format!("优于「{}」的票数", option_name(settings, j))
                } else {
                    format!("preferred to {}", option_name(settings, j))
                }
            }));
            head.push(t("当选", "chosen"));
            rows.push(head);
            for i in 0..settings.options.len() {
                let place = r.order.iter().position(|o| *o == i).map_or(0, |p| p + 1);
                let mut row = vec![option_name(settings, i), place.to_string()];
                row.extend(
                    r.pairwise
                        .get(i)
                        .into_iter()
                        .flatten()
                        .map(ToString::to_string),
                );
                row.push(yes_no_word(r.winner == Some(i)));
                rows.push(row);
            }
            rows.push(vec![t("弃权", "abstained"), r.abstained.to_string()]);
        }
        PollResult::Budget(a) => {
            let costs = settings
                .method
                .budget_and_costs()
                .map_or(&[][..], |(_, c)| c);
            rows.push(vec![
                t("项目", "project"),
                t("费用", "cost"),
                t("票数", "votes"),
                t("获得资助", "funded"),
            ]);
            for (i, total) in a.totals.iter().enumerate() {
                rows.push(vec![
                    option_name(settings, i),
                    costs.get(i).copied().unwrap_or(0).to_string(),
                    total.to_string(),
                    yes_no_word(a.funded.contains(&i)),
                ]);
            }
            rows.push(vec![t("已分配", "spent"), a.spent.to_string()]);
            rows.push(vec![t("弃权", "abstained"), a.abstained.to_string()]);
        }
    }
    rows.push(vec![t("应投", "eligible"), turnout.eligible.to_string()]);
    rows.push(vec![t("实投", "took part"), participated.to_string()]);
    if let Some(present) = turnout.present {
        rows.push(vec![t("到会", "present"), present.to_string()]);
    }
    rows
}

/// [`result_rows`] as a CSV file.
#[must_use]
pub fn result_csv(
    settings: &PollSettings,
    result: &PollResult,
    turnout: Turnout,
    participated: u64,
    lang: Lang,
) -> String {
    csv(&result_rows(settings, result, turnout, participated, lang))
}

/// A participatory budget's published ballots as a Pabulib `.pb` file: the vote's settings, the projects
/// (numbered from 1 in ballot order) with their costs in yuan, approvals and whether the count funded
/// them, and one line per ballot with its receipt in place of the voter. `None` for a vote that is not a
/// budget (approval budget, knapsack or equal shares).
#[must_use]
pub fn ballots_pb(
    settings: &PollSettings,
    place: &str,
    ballots: &[PublishedBallot],
    result: &PollResult,
) -> Option<String> {
    let (budget, costs) = settings.method.budget_and_costs()?;
    let rule = if matches!(settings.method, Method::EqualShares { .. }) {
        "equalshares/add1"
    } else {
        "greedy"
    };
    let funded: &[usize] = match result {
        PollResult::Budget(a) => &a.funded,
        _ => &[],
    };
    let approvals = |i: usize| {
        ballots
            .iter()
            .filter(|b| matches!(&b.choice, Choice::Options { options } if options.contains(&i)))
            .count()
    };
    let date = |t| crate::time::china_format(t, "%d.%m.%Y");
    let mut meta = vec![
        ("description", settings.title.clone()),
        ("country", "China".to_owned()),
        ("unit", place.to_owned()),
        ("num_projects", costs.len().to_string()),
        ("num_votes", ballots.len().to_string()),
        ("budget", budget.to_string()),
        ("vote_type", "approval".to_owned()),
        ("rule", rule.to_owned()),
        ("date_begin", date(settings.opens_at)),
        ("date_end", date(settings.closes_at)),
        ("currency", "CNY".to_owned()),
        ("comment", "voter_id is the ballot's receipt".to_owned()),
    ];
    // A knapsack ballot's projects fit the budget together: Pabulib's bound on a vote's cost.
    if matches!(settings.method, Method::Knapsack { .. }) {
        meta.push(("max_sum_cost", budget.to_string()));
    }
    let pb = Pabulib {
        meta: meta.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        project_columns: ["votes", "name", "selected"].map(String::from).to_vec(),
        projects: costs
            .iter()
            .enumerate()
            .map(|(i, cost)| Project {
                id: (i + 1).to_string(),
                cost: *cost,
                values: vec![
                    approvals(i).to_string(),
                    option_name(settings, i),
                    u8::from(funded.contains(&i)).to_string(),
                ],
            })
            .collect(),
        votes: ballots
            .iter()
            .map(|b| Vote {
                voter: b.receipt.clone(),
                approvals: match &b.choice {
                    Choice::Options { options } => {
                        options.iter().map(|o| (o + 1).to_string()).collect()
                    }
                    _ => Vec::new(),
                },
            })
            .collect(),
    };
    Some(pb.write())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::votes::electorate::ElectorateRule;
    use crate::votes::poll::{ResultsShown, Secrecy, count};
    use crate::votes::tally::{Ballot, Method, Quorum, RankedRule, Rules, Threshold, TieBreak};

    fn settings(method: Method, options: &[&str]) -> PollSettings {
        PollSettings {
            title: "小区停车方案".into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            method,
            rules: Rules {
                quorum: Quorum::None,
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
                double_majority: false,
            },
            tie_break: TieBreak::NoWinner,
            electorate: ElectorateRule::Residents,
            secrecy: Secrecy::Secret,
            results: ResultsShown::AfterClose,
            changeable: false,
            max_proxies: 0,
            opens_at: Utc.timestamp_opt(0, 0).single().unwrap_or_default(),
            closes_at: Utc.timestamp_opt(3600, 0).single().unwrap_or_default(),
        }
    }

    fn ballot(choice: Choice) -> Ballot {
        Ballot { choice, weight: 1 }
    }

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        use crate::csv::field;
        assert_eq!(field("甲"), "甲");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn the_ballot_list_names_options() {
        let s = settings(
            Method::Ranked {
                rule: RankedRule::InstantRunoff,
            },
            &["东门", "西门,北门"],
        );
        let list = vec![PublishedBallot {
            receipt: "7K2M-Q9XD-4HTB".into(),
            choice: Choice::Ranking {
                ranking: vec![1, 0],
            },
            weight: 1,
            channel: Channel::Paper,
            voter: None,
            cast_by: None,
        }];
        assert_eq!(
            ballots_csv(&s, &list),
            "\u{feff}receipt,choice,weight,channel,voter,cast_by\r\n7K2M-Q9XD-4HTB,\"西门,北门 > 东门\",1,paper,,\r\n"
        );
    }

    #[test]
    fn a_yes_no_result_as_a_table() {
        let s = settings(Method::YesNo, &[]);
        let ballots = [Choice::Yes, Choice::Yes, Choice::No, Choice::Abstain].map(ballot);
        let turnout = Turnout::of(10, 10);
        let result = count(&s, &ballots, turnout);
        let text = result_csv(&s, &result, turnout, 4, Lang::ZhCn);
        assert_eq!(
            text,
            "\u{feff}表决,票数,权重\r\n赞成,2,2\r\n反对,1,1\r\n弃权,1,1\r\n结果,通过\r\n票数相同,否\r\n应投,10\r\n实投,4\r\n"
        );
        assert!(
            result_csv(&s, &result, turnout, 4, Lang::En)
                .starts_with("\u{feff}answer,votes,weight\r\nyes,2,2")
        );
    }

    #[test]
    fn every_method_has_a_row_per_option() {
        let methods = [
            (
                Method::Single { seats: 1 },
                Choice::Options { options: vec![0] },
            ),
            (
                Method::Score { max: 5 },
                Choice::Scores {
                    scores: vec![5, 2, 0],
                },
            ),
            (
                Method::Ranked {
                    rule: RankedRule::InstantRunoff,
                },
                Choice::Ranking {
                    ranking: vec![2, 0],
                },
            ),
            (
                Method::Ranked {
                    rule: RankedRule::Schulze,
                },
                Choice::Ranking {
                    ranking: vec![2, 0],
                },
            ),
            (
                Method::Knapsack {
                    budget: 100,
                    costs: vec![60, 50, 40],
                },
                Choice::Options {
                    options: vec![0, 2],
                },
            ),
        ];
        for (method, choice) in methods {
            let s = settings(method, &["甲", "乙", "丙"]);
            let result = count(&s, &[ballot(choice)], Turnout::of(3, 3));
            let rows = result_rows(&s, &result, Turnout::of(3, 3), 1, Lang::ZhCn);
            for (i, name) in ["甲", "乙", "丙"].iter().enumerate() {
                assert_eq!(rows[i + 1][0], *name, "{:?}", s.method);
            }
            assert_eq!(rows.last(), Some(&vec!["实投".to_owned(), "1".to_owned()]));
        }
    }

    /// A budget's ballots as a `.pb` file that Pabulib's reader takes back whole: the receipts as voters,
    /// the approvals, the costs, and the funded projects marked; the equal-shares count of the file is
    /// the vote's.
    #[test]
    fn a_budget_vote_is_written_as_pabulib_reads_it() {
        let method = Method::EqualShares {
            budget: 90,
            costs: vec![30, 30, 30, 30],
        };
        let s = settings(
            method.clone(),
            &["装雨棚", "修车棚; 二期", "添座椅", "种树"],
        );
        let choices = [vec![0, 1, 2], vec![0, 1, 2], vec![3]];
        let published: Vec<PublishedBallot> = choices
            .iter()
            .enumerate()
            .map(|(i, options)| PublishedBallot {
                receipt: format!("7K2M-Q9XD-000{i}"),
                choice: Choice::Options {
                    options: options.clone(),
                },
                weight: 1,
                channel: Channel::Online,
                voter: None,
                cast_by: None,
            })
            .collect();
        let ballots: Vec<Ballot> = published.iter().map(|b| ballot(b.choice.clone())).collect();
        let result = count(&s, &ballots, Turnout::of(3, 3));
        let Some(text) = ballots_pb(&s, "3号楼", &published, &result) else {
            panic!("a budget vote has a .pb file");
        };
        let pb = match Pabulib::parse(&text) {
            Ok(pb) => pb,
            Err(e) => panic!("{e:?}\n{text}"),
        };
        assert_eq!(pb.meta("rule"), Some("equalshares/add1"));
        assert_eq!(pb.meta("unit"), Some("3号楼"));
        assert_eq!(pb.budget(), Some(90));
        assert_eq!(pb.votes[2].voter, "7K2M-Q9XD-0002");
        assert_eq!(pb.votes[0].approvals, ["1", "2", "3"]);
        assert_eq!(pb.value(&pb.projects[1], "name"), Some("修车棚; 二期"));
        let selected: Vec<&str> = pb
            .projects
            .iter()
            .filter(|p| pb.value(p, "selected") == Some("1"))
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(selected, ["1", "2", "4"]);
        assert_eq!(pb.value(&pb.projects[0], "votes"), Some("2"));
        // Recounted from the file, the same projects.
        let (costs, again) = pb.ballots();
        let recount =
            crate::votes::equal_shares(&again, &costs, 90, crate::votes::Utility::Cost, Some(1));
        assert_eq!(recount.funded, vec![0, 1, 3]);
        // Only budgets have such a file.
        assert!(ballots_pb(&settings(Method::YesNo, &[]), "3号楼", &[], &result).is_none());
    }
}
