//! A community's settings for matters: how many supports put a matter on the council's list, and how
//! long residents rate an accepted one.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::territory::ScopeKind;

/// A community's settings for matters: the supports that put a matter on the council's list, by the
/// level it concerns, and how long residents may rate an accepted matter.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatterSettings {
    pub building_supports: u32,
    pub compound_supports: u32,
    pub community_supports: u32,
    pub evaluation_days: u32,
}

impl Default for MatterSettings {
    fn default() -> Self {
        MatterSettings {
            building_supports: 5,
            compound_supports: 10,
            community_supports: 20,
            evaluation_days: 14,
        }
    }
}

pub const SUPPORTS_MAX: u32 = 1_000;
pub const EVALUATION_DAYS_MAX: u32 = 90;

impl MatterSettings {
    pub fn validate(self) -> DomainResult<MatterSettings> {
        for n in [
            self.building_supports,
            self.compound_supports,
            self.community_supports,
        ] {
            if !(1..=SUPPORTS_MAX).contains(&n) {
                return Err(DomainError::OutOfRange {
                    field: Field::Threshold,
                    min: 1,
                    max: SUPPORTS_MAX,
                });
            }
        }
        if !(1..=EVALUATION_DAYS_MAX).contains(&self.evaluation_days) {
            return Err(DomainError::OutOfRange {
                field: Field::Days,
                min: 1,
                max: EVALUATION_DAYS_MAX,
            });
        }
        Ok(self)
    }

    /// The supports a matter for a place of `kind` needs (the proposer's own counts).
    #[must_use]
    pub fn threshold(&self, kind: ScopeKind) -> u32 {
        match kind {
            ScopeKind::Unit | ScopeKind::Building => self.building_supports,
            ScopeKind::Compound => self.compound_supports,
            ScopeKind::Community | ScopeKind::Street => self.community_supports,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_thresholds_by_level() {
        let s = MatterSettings::default();
        assert_eq!(s.threshold(ScopeKind::Building), 5);
        assert_eq!(s.threshold(ScopeKind::Compound), 10);
        assert_eq!(s.threshold(ScopeKind::Community), 20);
        assert!(
            MatterSettings {
                building_supports: 0,
                ..s
            }
            .validate()
            .is_err()
        );
        assert!(
            MatterSettings {
                evaluation_days: 91,
                ..s
            }
            .validate()
            .is_err()
        );
    }
}
