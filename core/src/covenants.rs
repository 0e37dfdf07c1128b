//! Resident covenants (居民公约, 一事一约): rules that residents draft clause by clause, adopt by a vote
//! of the engine, publish as a notice and sign household by household.
//!
//! A covenant is a list of versions. A version is drafted (residents comment clause by clause), put to a
//! vote, then adopted or rejected; an amendment is a new version that must be adopted again. Adopting a
//! version supersedes the one in force; nothing of an earlier version's record (its comments, its vote,
//! its signatures) changes. Each household signs a version once — online by one of its members, or on
//! paper, recorded by staff on its behalf and labelled so.
//!
//! A version's lifecycle has the one shape: [`VersionState::may`] says whether someone may make a
//! [`CovenantMove`] now (who, [`who_may`], then whether the state allows it), and
//! [`VersionState::apply`] makes it, returning the version's new state.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::members::Actor;
use crate::policy::{self, Action, Target};
use crate::territory::ScopePath;

pub const TITLE_MAX: usize = 60;
pub const CLAUSE_MAX: usize = 500;
pub const CLAUSES_MAX: usize = 50;

/// Where a version stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VersionState {
    Drafting,
    Voting,
    Adopted,
    Rejected,
    /// Adopted once, replaced by a later adopted version.
    Superseded,
}

impl VersionState {
    pub const ALL: [VersionState; 5] = [
        VersionState::Drafting,
        VersionState::Voting,
        VersionState::Adopted,
        VersionState::Rejected,
        VersionState::Superseded,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            VersionState::Drafting => "drafting",
            VersionState::Voting => "voting",
            VersionState::Adopted => "adopted",
            VersionState::Rejected => "rejected",
            VersionState::Superseded => "superseded",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<VersionState> {
        VersionState::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Things done to a covenant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CovenantMove {
    /// Change the clauses of the version being drafted.
    EditDraft,
    /// Comment on a clause of the version being drafted.
    Comment,
    PutToVote,
    /// Record the vote's outcome: adopted or not.
    RecordOutcome {
        adopted: bool,
    },
    /// Start a new version from the latest one (an amendment).
    Amend,
    /// A household signs the version in force.
    Sign,
}

impl VersionState {
    /// May `actor` make `mv` on a covenant of `scope` whose latest version is in this state (to sign:
    /// whose version in force is): she is among those who may ([`who_may`]), and the state allows it.
    pub fn may(&self, actor: &Actor, scope: &ScopePath, mv: CovenantMove) -> DomainResult<()> {
        self.next(actor, scope, mv).map(|_| ())
    }

    /// Makes `mv`, if [`VersionState::may`] allows it: the version's state after it. An amendment
    /// leaves the latest version as it is; the new version it starts is drafted.
    pub fn apply(
        self,
        actor: &Actor,
        scope: &ScopePath,
        mv: CovenantMove,
    ) -> DomainResult<VersionState> {
        self.next(actor, scope, mv)
    }

    fn next(
        self,
        actor: &Actor,
        scope: &ScopePath,
        mv: CovenantMove,
    ) -> DomainResult<VersionState> {
        use VersionState::{Adopted, Drafting, Rejected, Superseded, Voting};
        who_may(actor, scope, mv)?;
        match (mv, self) {
            (CovenantMove::EditDraft | CovenantMove::Comment, Drafting) => Ok(Drafting),
            (CovenantMove::PutToVote, Drafting) => Ok(Voting),
            (CovenantMove::RecordOutcome { adopted: true }, Voting) => Ok(Adopted),
            (CovenantMove::RecordOutcome { adopted: false }, Voting) => Ok(Rejected),
            // A new version starts from the one in force or from a rejected draft.
            (CovenantMove::Amend, state @ (Adopted | Rejected | Superseded)) => Ok(state),
            // Households sign the version in force.
            (CovenantMove::Sign, Adopted) => Ok(Adopted),
            _ => Err(DomainError::CovenantStep),
        }
    }
}

/// Who may, whatever the state: staff (and building heads for their building) run covenants (start
/// one, edit its draft, put it to the vote, record the outcome, amend it); residents of the scope
/// comment on drafts and sign for their household; grid workers and staff record a paper signature for
/// a household they cover (the policy's `ActOnBehalf`, checked with the household).
pub fn who_may(actor: &Actor, scope: &ScopePath, mv: CovenantMove) -> DomainResult<()> {
    let on = |action| policy::authorize(actor, action, Target::Scope(scope));
    match mv {
        CovenantMove::Comment | CovenantMove::Sign => on(Action::TakePartInMatter),
        CovenantMove::EditDraft
        | CovenantMove::PutToVote
        | CovenantMove::RecordOutcome { .. }
        | CovenantMove::Amend => on(Action::ManageMatters),
    }
}

/// Clauses as typed: each trimmed, none empty, at most [`CLAUSES_MAX`] of at most [`CLAUSE_MAX`]
/// characters.
pub fn clean_clauses(clauses: &[String]) -> DomainResult<Vec<String>> {
    if clauses.is_empty() {
        return Err(DomainError::Required {
            field: Field::Clauses,
        });
    }
    if clauses.len() > CLAUSES_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Clauses,
            min: 1,
            max: u32::try_from(CLAUSES_MAX).unwrap_or(u32::MAX),
        });
    }
    clauses
        .iter()
        .map(|c| crate::matters::clean_text(c, Field::Clauses, CLAUSE_MAX))
        .collect()
}

/// The text of an adopted version as a notice: its clauses numbered (rich text, see `crate::richtext`).
#[must_use]
pub fn notice_text(title: &str, version: u32, clauses: &[String]) -> (String, String) {
    let title: String = format!("居民公约：{title}（第{version}版）")
        .chars()
        .take(crate::notices::TITLE_MAX)
        .collect();
    let mut body = String::from("经居民投票通过，现予公布。请各户签署，共同遵守。\n\n");
    for (i, clause) in clauses.iter().enumerate() {
        body.push_str(&format!("{}. {}\n", i + 1, clause.replace('\n', " ")));
    }
    (title, body.chars().take(crate::notices::BODY_MAX).collect())
}

/// Signed households over all households, per building, in per-mille.
#[must_use]
pub fn coverage_permille(signed: u32, households: u32) -> u32 {
    if households == 0 {
        0
    } else {
        u32::try_from(u64::from(signed.min(households)) * 1_000 / u64::from(households))
            .unwrap_or(1_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::actors::*;
    use crate::testing::territory::*;
    use VersionState::*;

    #[test]
    fn a_version_goes_from_draft_to_vote_to_adopted_or_rejected() {
        let (chair, s) = (staff(), building(3));
        let apply = |state: VersionState, mv| state.apply(&chair, &s, mv);
        assert_eq!(apply(Drafting, CovenantMove::EditDraft), Ok(Drafting));
        assert_eq!(apply(Drafting, CovenantMove::PutToVote), Ok(Voting));
        assert_eq!(
            apply(Voting, CovenantMove::RecordOutcome { adopted: true }),
            Ok(Adopted)
        );
        assert_eq!(
            apply(Voting, CovenantMove::RecordOutcome { adopted: false }),
            Ok(Rejected)
        );
        // An amendment leaves the latest version as it is.
        assert_eq!(apply(Adopted, CovenantMove::Amend), Ok(Adopted));
        assert_eq!(apply(Rejected, CovenantMove::Amend), Ok(Rejected));
        assert_eq!(apply(Superseded, CovenantMove::Amend), Ok(Superseded));
        // Nothing skips the vote, and a version under vote is not edited.
        for (state, mv) in [
            (Drafting, CovenantMove::RecordOutcome { adopted: true }),
            (Voting, CovenantMove::EditDraft),
            (Adopted, CovenantMove::EditDraft),
            (Adopted, CovenantMove::PutToVote),
            (Drafting, CovenantMove::Amend),
            (Voting, CovenantMove::Amend),
            (Voting, CovenantMove::PutToVote),
            (Rejected, CovenantMove::RecordOutcome { adopted: true }),
        ] {
            assert_eq!(
                apply(state, mv),
                Err(DomainError::CovenantStep),
                "{mv:?} from {state:?}"
            );
        }
    }

    #[test]
    fn residents_comment_on_drafts_and_sign_the_version_in_force() {
        let (her, s) = (resident_of(3), building(3));
        assert_eq!(
            Drafting.apply(&her, &s, CovenantMove::Comment),
            Ok(Drafting)
        );
        assert_eq!(Adopted.apply(&her, &s, CovenantMove::Sign), Ok(Adopted));
        for state in [Voting, Adopted, Rejected, Superseded] {
            assert_eq!(
                state.may(&her, &s, CovenantMove::Comment),
                Err(DomainError::CovenantStep),
                "{state:?}"
            );
        }
        for state in [Drafting, Voting, Rejected, Superseded] {
            assert_eq!(
                state.may(&her, &s, CovenantMove::Sign),
                Err(DomainError::CovenantStep),
                "{state:?}"
            );
        }
        // Who is asked before the state: a resident learns nothing of where a draft stands.
        assert_eq!(
            Voting.may(&her, &s, CovenantMove::PutToVote),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            Drafting.may(&resident_of(5), &s, CovenantMove::Comment),
            Err(DomainError::Forbidden)
        );
    }

    #[test]
    fn who_may() {
        let s = building(3);
        assert_eq!(
            super::who_may(&resident_of(3), &s, CovenantMove::Sign),
            Ok(())
        );
        assert_eq!(
            super::who_may(&resident_of(3), &s, CovenantMove::Comment),
            Ok(())
        );
        assert_eq!(
            super::who_may(&resident_of(3), &s, CovenantMove::PutToVote),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            super::who_may(&resident_of(5), &s, CovenantMove::Sign),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            super::who_may(&staff(), &s, CovenantMove::PutToVote),
            Ok(())
        );
        assert_eq!(
            super::who_may(&staff(), &s, CovenantMove::Sign),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            super::who_may(&building_head_of(3), &s, CovenantMove::Amend),
            Ok(())
        );
        assert_eq!(
            super::who_may(&outsider_staff(), &s, CovenantMove::Amend),
            Err(DomainError::Forbidden)
        );
    }

    #[test]
    fn clauses_and_text() {
        assert!(clean_clauses(&[]).is_err());
        assert!(clean_clauses(&[" ".into()]).is_err());
        assert_eq!(
            clean_clauses(&[" 不在楼道堆放杂物 ".into()]),
            Ok(vec!["不在楼道堆放杂物".into()])
        );
        assert!(clean_clauses(&vec!["x".to_owned(); 51]).is_err());
        let (title, body) = notice_text("楼道公约", 2, &["第一条".into(), "第二条".into()]);
        assert_eq!(title, "居民公约：楼道公约（第2版）");
        assert!(body.ends_with("1. 第一条\n2. 第二条\n"));
        assert_eq!(coverage_permille(3, 4), 750);
        assert_eq!(coverage_permille(0, 0), 0);
        assert_eq!(coverage_permille(5, 4), 1_000);
    }
}
