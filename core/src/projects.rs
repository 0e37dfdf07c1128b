//! Self-governance projects and participatory budgets (居民自治项目化, 微实事): a budget round takes
//! residents' needs to funded projects that a resident team carries out, accounts for and then keeps up.
//!
//! A round runs through up to eight [`Phase`]s, in order, each ending at a date staff set
//! ([`Schedule`]): needs (需求征集), shortlist (初选), plans (编制方案), review and vote (评议), implementation
//! (实施), evaluation (评估), feedback (总结反馈) and self-management (自治管理). A district may skip the
//! phases it does not use, except plans, vote and implementation, without which nothing is funded.
//! A phase starts when the one before it ends, so moving an end moves the next start with it; what may be
//! done in a round at a given time is [`Schedule::allows`]'s answer for that [`Act`].
//!
//! Money is whole fen (分) in integers ([`money`]): the cost lines of a plan, its request against the cap,
//! the funded amount and the spending against it, which no entry may take past the funded amount and the
//! council's recorded additions. A project's progress is its milestones' weights done ([`progress`]).
//! How the vote allocates the budget is the voting engine's (`votes::tally`, `votes::equal_shares`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};

pub mod money;
pub mod progress;
pub mod round;
#[cfg(test)]
mod tests;

pub use money::*;
pub use progress::*;
pub use round::*;

/// The eight steps of a budget round, in the order they run.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 需求征集: residents post needs, or promote a matter or a micro-wish; neighbours support them.
    Needs,
    /// 初选: the council marks needs feasible or not (a public reason for every "no") and merges
    /// duplicates.
    Shortlist,
    /// 编制方案: resident teams draft a plan with cost lines per shortlisted need; staff check the costs.
    Plans,
    /// 评议: the round's electorate votes on the plans; the winners and the count are published.
    Vote,
    /// 实施: funded projects record milestones, progress, spending and photos.
    Implementation,
    /// 评估: residents' representatives accept each project and voters rate it.
    Evaluation,
    /// 总结反馈: a closing report per project and the round's summary.
    Feedback,
    /// 自治管理: the teams keep their projects up; residents report problems to them.
    SelfManagement,
}

impl Phase {
    pub const ALL: [Phase; 8] = [
        Phase::Needs,
        Phase::Shortlist,
        Phase::Plans,
        Phase::Vote,
        Phase::Implementation,
        Phase::Evaluation,
        Phase::Feedback,
        Phase::SelfManagement,
    ];

    /// The phases no round may skip: without them nothing is funded or carried out.
    pub const REQUIRED: [Phase; 3] = [Phase::Plans, Phase::Vote, Phase::Implementation];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Needs => "needs",
            Phase::Shortlist => "shortlist",
            Phase::Plans => "plans",
            Phase::Vote => "vote",
            Phase::Implementation => "implementation",
            Phase::Evaluation => "evaluation",
            Phase::Feedback => "feedback",
            Phase::SelfManagement => "self_management",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// One phase of a round's schedule and the moment it ends (the next phase starts then).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseEnd {
    pub phase: Phase,
    pub ends_at: DateTime<Utc>,
}

/// The longest a round may run from its start to its last phase's end: three years (a yearly budget
/// and the upkeep after it).
pub const ROUND_DAYS_MAX: i64 = 3 * 366;

/// Where a round stands at a moment.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", content = "phase", rename_all = "snake_case")]
pub enum Standing {
    /// Before its start.
    Upcoming,
    /// In a phase.
    In(Phase),
    /// Its last phase has ended.
    Over,
}

/// A round's dates: when it starts and when each phase it uses ends. The phases are in [`Phase`]'s order,
/// each at most once, and their ends strictly increase; a phase runs from the previous end (or the start)
/// to its own end, so there are no gaps and no overlaps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    starts_at: DateTime<Utc>,
    phases: Vec<PhaseEnd>,
}

impl Schedule {
    /// Checks a schedule: phases in order without repeats, none of the required ones skipped, every
    /// phase longer than nothing, and the whole within [`ROUND_DAYS_MAX`].
    pub fn new(starts_at: DateTime<Utc>, phases: Vec<PhaseEnd>) -> DomainResult<Schedule> {
        let invalid = || DomainError::Invalid {
            field: Field::Dates,
        };
        let in_order = phases.windows(2).all(|w| w[0].phase < w[1].phase);
        let has_required = Phase::REQUIRED
            .iter()
            .all(|r| phases.iter().any(|p| p.phase == *r));
        if !in_order || !has_required {
            return Err(invalid());
        }
        let mut previous = starts_at;
        for p in &phases {
            if p.ends_at <= previous {
                return Err(invalid());
            }
            previous = p.ends_at;
        }
        if (previous - starts_at).num_days() >= ROUND_DAYS_MAX {
            return Err(invalid());
        }
        Ok(Schedule { starts_at, phases })
    }

    /// Checks that a new round starts near `now`: at most a year before it (a round entered after it
    /// began) and at most two years after it.
    pub fn starts_near(&self, now: DateTime<Utc>) -> DomainResult<()> {
        let days = (self.starts_at - now).num_days();
        if (-366..=2 * 366).contains(&days) {
            Ok(())
        } else {
            Err(DomainError::Invalid {
                field: Field::Dates,
            })
        }
    }

    #[must_use]
    pub fn starts_at(&self) -> DateTime<Utc> {
        self.starts_at
    }

    #[must_use]
    pub fn phases(&self) -> &[PhaseEnd] {
        &self.phases
    }

    /// Whether the round uses a phase.
    #[must_use]
    pub fn uses(&self, phase: Phase) -> bool {
        self.phases.iter().any(|p| p.phase == phase)
    }

    /// When a phase starts and ends, if the round uses it.
    #[must_use]
    pub fn span(&self, phase: Phase) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let at = self.phases.iter().position(|p| p.phase == phase)?;
        let start = match at {
            0 => self.starts_at,
            _ => self.phases[at - 1].ends_at,
        };
        Some((start, self.phases[at].ends_at))
    }

    /// Where the round stands at `now`: a phase runs from its start, inclusive, to its end, exclusive.
    #[must_use]
    pub fn standing(&self, now: DateTime<Utc>) -> Standing {
        if now < self.starts_at {
            return Standing::Upcoming;
        }
        self.phases
            .iter()
            .find(|p| now < p.ends_at)
            .map_or(Standing::Over, |p| Standing::In(p.phase))
    }

    /// Moves a phase's end, and with it the next phase's start. Only a phase that has not ended may
    /// move, only to a moment still to come, and never so far that the phase or the next one would be
    /// empty; the round's start and every other end stay where they are.
    pub fn move_end(
        &self,
        phase: Phase,
        ends_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> DomainResult<Schedule> {
        let at = self
            .phases
            .iter()
            .position(|p| p.phase == phase)
            .ok_or(DomainError::Invalid {
                field: Field::Dates,
            })?;
        if self.phases[at].ends_at <= now {
            return Err(DomainError::PhaseClosed);
        }
        if ends_at <= now {
            return Err(DomainError::Invalid {
                field: Field::Dates,
            });
        }
        let mut phases = self.phases.clone();
        phases[at].ends_at = ends_at;
        Schedule::new(self.starts_at, phases)
    }

    /// Whether an act may be done at `now`: each act belongs to the phases listed in [`Act::phases`],
    /// and to none that the round skips. After the round's last phase only the upkeep of funded
    /// projects goes on.
    pub fn allows(&self, act: Act, now: DateTime<Utc>) -> DomainResult<()> {
        let ok = match self.standing(now) {
            Standing::Upcoming => false,
            Standing::In(phase) => act.phases().contains(&phase),
            Standing::Over => act.goes_on_after_the_round(),
        };
        if ok {
            Ok(())
        } else {
            Err(DomainError::PhaseClosed)
        }
    }
}

/// What residents, teams, the council and staff do in a round, each in its phases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Act {
    /// Post a need or promote a matter or micro-wish into the round.
    PostNeed,
    /// Support a neighbour's need.
    SupportNeed,
    /// Mark a need feasible or not (the council).
    Shortlist,
    /// Merge a duplicate need into another (the council), while needs are collected or shortlisted.
    MergeNeed,
    /// Draft or revise a plan (a team).
    DraftPlan,
    /// Check a plan's costs, approve it or send it back (staff).
    ReviewPlan,
    /// Cast a ballot, online or recorded from paper.
    Vote,
    /// Publish the count and the winners as a notice (staff), once the vote has ended.
    PublishResult,
    /// Record a milestone, a spending entry, progress photos (a funded project's team).
    RecordProgress,
    /// Accept a project (residents' representatives, 验收).
    Accept,
    /// Rate a project (1 to 5 stars).
    Rate,
    /// Write a project's closing report (its team and staff).
    Report,
    /// Log upkeep, or report a problem to the team.
    Upkeep,
}

impl Act {
    /// The phases in which the act may be done.
    #[must_use]
    pub fn phases(self) -> &'static [Phase] {
        use Phase::*;
        match self {
            Act::PostNeed | Act::SupportNeed => &[Needs],
            Act::Shortlist => &[Shortlist],
            Act::MergeNeed => &[Needs, Shortlist],
            Act::DraftPlan | Act::ReviewPlan => &[Plans],
            Act::Vote => &[Vote],
            Act::PublishResult => &[Implementation, Evaluation, Feedback, SelfManagement],
            // Receipts arrive late, and an evaluation may send work back.
            Act::RecordProgress => &[Implementation, Evaluation],
            Act::Accept | Act::Rate => &[Evaluation],
            Act::Report => &[Evaluation, Feedback],
            Act::Upkeep => &[Feedback, SelfManagement],
        }
    }

    fn goes_on_after_the_round(self) -> bool {
        matches!(self, Act::PublishResult | Act::Upkeep)
    }
}

/// How a round's vote allocates its budget among the plans.
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RoundAllocation")
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Allocation {
    /// Approve any plans; the most approved are funded while the budget lasts.
    ApprovalBudget,
    /// Choose plans whose costs fit the budget; the most chosen are funded while it lasts.
    Knapsack,
    /// Approve any plans; the Method of Equal Shares funds them in proportion to the groups that back
    /// them (each voter holds an equal share of the budget).
    EqualShares,
}

impl Allocation {
    pub const ALL: [Allocation; 3] = [
        Allocation::ApprovalBudget,
        Allocation::Knapsack,
        Allocation::EqualShares,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Allocation::ApprovalBudget => "approval_budget",
            Allocation::Knapsack => "knapsack",
            Allocation::EqualShares => "equal_shares",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Allocation> {
        Allocation::ALL.into_iter().find(|a| a.as_str() == s)
    }
}
