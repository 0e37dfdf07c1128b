//! A funded project's progress: its milestones, each with a weight, and the share of the weight done.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::text::clean_line;

pub const MILESTONE_MAX: usize = 60;
/// A project has at most 20 milestones.
pub const MILESTONES_MAX: usize = 20;
/// A milestone weighs 1 to 100.
pub const WEIGHT_MAX: u32 = 100;

/// One step of a funded project's work, weighted by how much of the work it is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub title: String,
    pub weight: u32,
    pub done: bool,
}

/// Checks a project's milestones: 1 to [`MILESTONES_MAX`] of them, each titled and weighing 1 to
/// [`WEIGHT_MAX`].
pub fn check_milestones(milestones: Vec<Milestone>) -> DomainResult<Vec<Milestone>> {
    if milestones.is_empty() || milestones.len() > MILESTONES_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Milestones,
            min: 1,
            max: MILESTONES_MAX as u32,
        });
    }
    milestones
        .into_iter()
        .map(|m| {
            if !(1..=WEIGHT_MAX).contains(&m.weight) {
                return Err(DomainError::OutOfRange {
                    field: Field::Weight,
                    min: 1,
                    max: WEIGHT_MAX,
                });
            }
            Ok(Milestone {
                title: clean_line(&m.title, Field::Title, MILESTONE_MAX)?,
                ..m
            })
        })
        .collect()
}

/// The percentage of the milestones' weight that is done, rounded down: 100 only when every milestone
/// is done, 0 when none is (or there are none).
#[must_use]
pub fn progress(milestones: &[Milestone]) -> u8 {
    let total: u64 = milestones.iter().map(|m| u64::from(m.weight)).sum();
    let done: u64 = milestones
        .iter()
        .filter(|m| m.done)
        .map(|m| u64::from(m.weight))
        .sum();
    if total == 0 {
        return 0;
    }
    u8::try_from(done * 100 / total).unwrap_or(100)
}
