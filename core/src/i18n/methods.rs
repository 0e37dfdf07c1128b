//! The voting methods in plain words: what a council member reads when she starts a vote and what a
//! resident reads on the vote and its result. "舒尔茨方法" means nothing to most people, so each method
//! has a plain name, one sentence on how the ballot is filled in and counted, and its proper name for
//! those who want to look it up, shown in small print.

use super::Lang;
use crate::votes::tally::{Method, RankedRule};

/// A voting method as a reader meets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MethodWords {
    /// What the voter does, in plain words ("排序投票（两两比较）").
    pub name: &'static str,
    /// One sentence: how she fills in the ballot and who wins.
    pub how: &'static str,
    /// The method's proper name, for the small print; none for a plain yes or no.
    pub proper: Option<&'static str>,
}

impl Method {
    /// The method in plain words.
    #[must_use]
    pub fn words(&self, lang: Lang) -> MethodWords {
        let w = |name, how, proper| MethodWords { name, how, proper };
        match (self, lang) {
            (Method::YesNo, Lang::ZhCn) => w(
                "赞成 / 反对 / 弃权",
                "每人投赞成、反对或弃权，赞成票达到通过标准就通过。",
                None,
            ),
            (Method::YesNo, Lang::En) => w(
                "Yes / no / abstain",
                "Each voter says yes, no or abstain, and it passes when enough say yes.",
                None,
            ),
            (Method::Single { .. }, Lang::ZhCn) => w(
                "从几个选项中选一个",
                "每人选一个，得票最多的胜出。",
                Some("相对多数制"),
            ),
            (Method::Single { .. }, Lang::En) => w(
                "Choose one of several options",
                "Each voter picks one, and the option with the most votes wins.",
                Some("plurality voting"),
            ),
            (Method::Multiple { .. }, Lang::ZhCn) => w(
                "从几个选项中选几个",
                "每人最多选规定的几项，得票最多的几项当选。",
                Some("限选连记法"),
            ),
            (Method::Multiple { .. }, Lang::En) => w(
                "Choose several options",
                "Each voter picks up to the number allowed, and that many options with the most votes win.",
                Some("limited approval voting"),
            ),
            (
                Method::Ranked {
                    rule: RankedRule::InstantRunoff,
                },
                Lang::ZhCn,
            ) => w(
                "排序投票（逐轮淘汰）",
                "把选项按喜欢的顺序排好；每轮去掉票最少的一项，它的票转给下一个喜欢的，直到有一项过半。",
                Some("即时决选制"),
            ),
            (
                Method::Ranked {
                    rule: RankedRule::InstantRunoff,
                },
                Lang::En,
            ) => w(
                "Ranking (one out each round)",
                "Put the options in the order you like them; each round the least liked drops out and its votes pass to the next choice, until one has more than half.",
                Some("instant runoff"),
            ),
            (
                Method::Ranked {
                    rule: RankedRule::Schulze,
                },
                Lang::ZhCn,
            ) => w(
                "排序投票（两两比较）",
                "把选项按喜欢的顺序排好；再把选项两两比一比，比其他每一项都更多人喜欢的胜出。",
                Some("舒尔茨方法"),
            ),
            (
                Method::Ranked {
                    rule: RankedRule::Schulze,
                },
                Lang::En,
            ) => w(
                "Ranking (each pair compared)",
                "Put the options in the order you like them; the option that more people prefer to each of the others wins.",
                Some("Schulze method"),
            ),
            (Method::Score { .. }, Lang::ZhCn) => w(
                "给每个选项打分",
                "给每个选项打分，总分最高的胜出。",
                Some("评分投票"),
            ),
            (Method::Score { .. }, Lang::En) => w(
                "Score each option",
                "Give every option a score, and the highest total wins.",
                Some("score voting"),
            ),
            (Method::ApprovalBudget { .. }, Lang::ZhCn) => w(
                "在预算内选项目",
                "勾选您赞成的项目，按票数从多到少依次给钱，预算用完为止。",
                Some("参与式预算（认可投票）"),
            ),
            (Method::ApprovalBudget { .. }, Lang::En) => w(
                "Approve projects within a budget",
                "Tick the projects you approve, and they are funded from the most votes down until the money runs out.",
                Some("participatory budgeting (approval)"),
            ),
            (Method::Knapsack { .. }, Lang::ZhCn) => w(
                "自己搭配一组不超预算的项目",
                "每人选一组加起来不超过预算的项目，按票数从多到少依次给钱，预算用完为止。",
                Some("参与式预算（背包投票）"),
            ),
            (Method::Knapsack { .. }, Lang::En) => w(
                "Choose projects whose total fits the budget",
                "Each voter picks projects that together fit the budget, and they are funded from the most votes down until the money runs out.",
                Some("participatory budgeting (knapsack)"),
            ),
            (Method::EqualShares { .. }, Lang::ZhCn) => w(
                "在预算内选项目，每人一份钱",
                "勾选您赞成的项目。预算平分给每位投票人，一个项目由赞成它的人合起来出钱，出得起就资助，所以人少的一方也能分到自己的那份。",
                Some("均分预算法（Method of Equal Shares）"),
            ),
            (Method::EqualShares { .. }, Lang::En) => w(
                "Approve projects; everyone holds an equal share",
                "Tick the projects you approve. The budget is split equally among the voters, and a project is funded when those who approve it can pay for it together, so a smaller group still gets its share.",
                Some("Method of Equal Shares"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Method> {
        vec![
            Method::YesNo,
            Method::Single { seats: 1 },
            Method::Multiple {
                min: 1,
                max: 2,
                seats: 2,
            },
            Method::Ranked {
                rule: RankedRule::InstantRunoff,
            },
            Method::Ranked {
                rule: RankedRule::Schulze,
            },
            Method::Score { max: 5 },
            Method::ApprovalBudget {
                budget: 10,
                costs: vec![1],
            },
            Method::Knapsack {
                budget: 10,
                costs: vec![1],
            },
            Method::EqualShares {
                budget: 10,
                costs: vec![1],
            },
        ]
    }

    #[test]
    fn plain_names_leave_jargon_to_the_small_print() {
        for method in all() {
            let zh = method.words(Lang::ZhCn);
            for jargon in ["舒尔茨", "即时决选", "Schulze", "孔多塞", "连记"] {
                assert!(!zh.name.contains(jargon), "{}", zh.name);
                assert!(!zh.how.contains(jargon), "{}", zh.how);
            }
            assert!(zh.how.ends_with('。'), "{}", zh.how);
            let en = method.words(Lang::En);
            assert!(en.how.ends_with('.'), "{}", en.how);
            assert!(!en.name.contains("Schulze") && !en.how.contains("runoff"));
            assert_eq!(zh.proper.is_some(), en.proper.is_some());
        }
        assert_eq!(
            Method::Ranked {
                rule: RankedRule::Schulze
            }
            .words(Lang::ZhCn)
            .proper,
            Some("舒尔茨方法")
        );
    }

    #[test]
    fn every_method_has_its_own_plain_name() {
        for lang in Lang::ALL {
            let names: std::collections::HashSet<_> =
                all().iter().map(|m| m.words(lang).name).collect();
            assert_eq!(names.len(), all().len());
        }
    }
}
