//! Who may vote: the electorate of a vote, derived from its scope and rule and **snapshotted when the vote
//! opens** (later moves, verifications or role changes do not change it); one vote per person or per
//! household; and proxies (委托), fixed before the vote opens.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::ids::{HouseholdId, MemberId};
use crate::territory::ScopePath;

/// The highest minimum age a vote may ask, in years: a human life's span (nobody older is alive to vote).
pub const MIN_AGE_MAX: u8 = 120;

/// Whom a vote calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ElectorateRule {
    /// Every confirmed resident living within the scope, one vote each.
    Residents,
    /// Confirmed residents within the scope who are at least `min_age` (0 to 120) in the year the vote
    /// opens. Residents whose birth year is not recorded are not included (staff record it first).
    ResidentsAged { min_age: u8 },
    /// One vote per household within the scope that has a confirmed resident (一户一票).
    Households { cast_by: HouseholdCaster },
    /// The resident representatives (居民代表) whose community contains the scope.
    CouncilMembers,
}

impl ElectorateRule {
    /// Checks the rule's numbers: a minimum age of at most [`MIN_AGE_MAX`] (an older one would call
    /// nobody).
    pub fn check(self) -> DomainResult<()> {
        match self {
            ElectorateRule::ResidentsAged { min_age } if min_age > MIN_AGE_MAX => {
                Err(DomainError::OutOfRange {
                    field: Field::MinAge,
                    min: 0,
                    max: u32::from(MIN_AGE_MAX),
                })
            }
            _ => Ok(()),
        }
    }
}

/// Who casts a household's vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HouseholdCaster {
    /// Only the household's representative (户代表).
    Representative,
    /// Any confirmed member; the first ballot counts for the household.
    AnyMember,
}

/// What a vote is counted by: a person, or a household.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum VoterKey {
    Member(MemberId),
    Household(HouseholdId),
}

impl VoterKey {
    /// A stable text form for storage (the database's uniqueness is on it).
    #[must_use]
    pub fn storage_key(&self) -> String {
        match self {
            VoterKey::Member(m) => format!("m:{m}"),
            VoterKey::Household(h) => format!("h:{h}"),
        }
    }
}

/// A member as the electorate rule sees her (the worker loads these for the vote's scope).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub member: MemberId,
    /// Her household and its unit's path, if she is a confirmed resident.
    pub home: Option<(HouseholdId, ScopePath)>,
    pub representative: bool,
    pub birth_year: Option<u16>,
    /// Scopes of her council-member grants.
    pub council_for: Vec<ScopePath>,
    /// Her household's floor area in 0.01 m², if recorded.
    pub floor_area: Option<u32>,
}

/// One entry of a snapshotted electorate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voter {
    pub key: VoterKey,
    /// The members who may cast this vote themselves.
    pub casters: Vec<MemberId>,
    pub weight: u64,
}

/// What a voter weighs in a double majority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weighting {
    /// Every voter weighs 1 (the weight repeats the headcount).
    Head,
    /// A household weighs its floor area in 0.01 m²; one without a recorded area weighs 0.
    FloorArea,
}

/// The electorate of a vote for `scope` opening in `year`, in a stable order.
#[must_use]
pub fn snapshot(
    rule: ElectorateRule,
    weighting: Weighting,
    scope: &ScopePath,
    year: u16,
    candidates: &[Candidate],
) -> Vec<Voter> {
    let lives_in_scope = |c: &&Candidate| {
        c.home
            .as_ref()
            .is_some_and(|(_, unit)| scope.contains(unit))
    };
    let mut voters: Vec<Voter> = match rule {
        ElectorateRule::Residents | ElectorateRule::ResidentsAged { .. } => candidates
            .iter()
            .filter(lives_in_scope)
            .filter(|c| match rule {
                ElectorateRule::ResidentsAged { min_age } => c
                    .birth_year
                    .is_some_and(|born| year.saturating_sub(born) >= u16::from(min_age)),
                _ => true,
            })
            .map(|c| Voter {
                key: VoterKey::Member(c.member.clone()),
                casters: vec![c.member.clone()],
                weight: 1,
            })
            .collect(),
        ElectorateRule::Households { cast_by } => {
            let mut households: Vec<Voter> = Vec::new();
            // Each household's line, found in one step: a street's thousands of households.
            let mut lines: std::collections::HashMap<&HouseholdId, usize> =
                std::collections::HashMap::new();
            for c in candidates.iter().filter(lives_in_scope) {
                let Some((household, _)) = &c.home else {
                    continue;
                };
                let may_cast = match cast_by {
                    HouseholdCaster::Representative => c.representative,
                    HouseholdCaster::AnyMember => true,
                };
                let index = *lines.entry(household).or_insert_with(|| {
                    households.push(Voter {
                        key: VoterKey::Household(household.clone()),
                        casters: Vec::new(),
                        weight: match weighting {
                            Weighting::Head => 1,
                            Weighting::FloorArea => u64::from(c.floor_area.unwrap_or(0)),
                        },
                    });
                    households.len() - 1
                });
                if may_cast {
                    households[index].casters.push(c.member.clone());
                }
            }
            households
        }
        ElectorateRule::CouncilMembers => candidates
            .iter()
            .filter(|c| c.council_for.iter().any(|g| g.contains(scope)))
            .map(|c| Voter {
                key: VoterKey::Member(c.member.clone()),
                casters: vec![c.member.clone()],
                weight: 1,
            })
            .collect(),
    };
    for v in &mut voters {
        v.casters.sort();
    }
    voters.sort_by(|a, b| a.key.cmp(&b.key));
    voters
}

/// What an electorate weighs in all, for a double majority: the sum of its voters' weights, which cannot
/// wrap (floor areas are at most 10,000 m² each; the sum stops at the largest number rather than wrap).
#[must_use]
pub fn total_weight(electorate: &[Voter]) -> u64 {
    electorate
        .iter()
        .fold(0_u64, |sum, v| sum.saturating_add(v.weight))
}

/// A proxy (委托): the vote of `from` is cast by a caster of `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proxy {
    pub from: VoterKey,
    pub to: VoterKey,
}

/// Checks a new proxy against the electorate and the proxies already given: both are voters, nobody
/// delegates twice, a delegate does not pass votes on (no chains), and nobody holds more than `max`.
pub fn check_proxy(
    electorate: &[Voter],
    existing: &[Proxy],
    proxy: &Proxy,
    max: u8,
) -> DomainResult<()> {
    let is_voter = |k: &VoterKey| electorate.iter().any(|v| &v.key == k);
    if !is_voter(&proxy.from) || !is_voter(&proxy.to) || proxy.from == proxy.to {
        return Err(DomainError::Invalid {
            field: Field::Proxy,
        });
    }
    if existing.iter().any(|p| p.from == proxy.from) {
        return Err(DomainError::ProxyTaken);
    }
    if existing
        .iter()
        .any(|p| p.from == proxy.to || p.to == proxy.from)
    {
        return Err(DomainError::ProxyChain);
    }
    let held = existing.iter().filter(|p| p.to == proxy.to).count();
    if held >= usize::from(max) {
        return Err(DomainError::ProxyLimit { max });
    }
    Ok(())
}

/// The vote a delegate casts in her own right, which a proxy names as its `to`: her own as a person if
/// she has one, else her household's.
#[must_use]
pub fn own_vote(electorate: &[Voter], member: &MemberId) -> Option<VoterKey> {
    let hers = || electorate.iter().filter(|v| v.casters.contains(member));
    hers()
        .find(|v| matches!(v.key, VoterKey::Member(_)))
        .or_else(|| hers().next())
        .map(|v| v.key.clone())
}

/// The votes `member` may cast: her own (as a person or for her household) and those delegated to
/// them, each with the key it counts for. A vote she delegated away is not hers to cast.
#[must_use]
pub fn votes_of(electorate: &[Voter], proxies: &[Proxy], member: &MemberId) -> Vec<VoterKey> {
    let own: Vec<&VoterKey> = electorate
        .iter()
        .filter(|v| v.casters.contains(member))
        .map(|v| &v.key)
        .collect();
    let mut keys: Vec<VoterKey> = own
        .iter()
        .filter(|k| !proxies.iter().any(|p| &p.from == **k))
        .map(|k| (*k).clone())
        .collect();
    keys.extend(
        proxies
            .iter()
            .filter(|p| own.contains(&&p.to))
            .map(|p| p.from.clone()),
    );
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::territory::*;

    fn resident(id: &str, building: u8, household: &str, representative: bool) -> Candidate {
        Candidate {
            member: MemberId::from_trusted(id),
            home: Some((HouseholdId::from_trusted(household), unit_of(building, 1))),
            representative,
            birth_year: None,
            council_for: Vec::new(),
            floor_area: None,
        }
    }

    fn ids(voters: &[Voter]) -> Vec<String> {
        voters.iter().map(|v| v.key.storage_key()).collect()
    }

    #[test]
    fn residents_of_the_scope_vote_each_for_herself() {
        let people = [
            resident("a", 3, "h1", true),
            resident("b", 3, "h1", false),
            resident("c", 5, "h2", true),
        ];
        assert_eq!(
            ids(&snapshot(
                ElectorateRule::Residents,
                Weighting::Head,
                &building(3),
                2026,
                &people
            )),
            ["m:a", "m:b"]
        );
        assert_eq!(
            snapshot(
                ElectorateRule::Residents,
                Weighting::Head,
                &community(),
                2026,
                &people
            )
            .len(),
            3
        );
    }

    #[test]
    fn one_household_one_vote_cast_by_its_representative_or_anyone() {
        let mut people = [
            resident("a", 3, "h1", true),
            resident("b", 3, "h1", false),
            resident("c", 3, "h2", false),
        ];
        people[0].floor_area = Some(8_000);
        let by_rep = snapshot(
            ElectorateRule::Households {
                cast_by: HouseholdCaster::Representative,
            },
            Weighting::FloorArea,
            &building(3),
            2026,
            &people,
        );
        assert_eq!(ids(&by_rep), ["h:h1", "h:h2"]);
        assert_eq!(by_rep[0].casters, [MemberId::from_trusted("a")]);
        assert_eq!(by_rep[0].weight, 8_000);
        assert!(by_rep[1].casters.is_empty(), "h2 has no representative yet");
        let anyone = snapshot(
            ElectorateRule::Households {
                cast_by: HouseholdCaster::AnyMember,
            },
            Weighting::Head,
            &building(3),
            2026,
            &people,
        );
        assert_eq!(anyone[0].casters.len(), 2);
        assert_eq!(
            (anyone[0].weight, anyone[1].weight),
            (1, 1),
            "weights are areas only for a double majority by area"
        );
        assert_eq!(by_rep[1].weight, 0, "h2 has no area recorded");
    }

    #[test]
    fn age_and_council_rules() {
        let mut old = resident("old", 3, "h1", true);
        old.birth_year = Some(1950);
        let mut young = resident("young", 3, "h2", true);
        young.birth_year = Some(2010);
        let unknown = resident("unknown", 3, "h3", true);
        let aged = snapshot(
            ElectorateRule::ResidentsAged { min_age: 60 },
            Weighting::Head,
            &community(),
            2026,
            &[old, young, unknown],
        );
        assert_eq!(ids(&aged), ["m:old"]);

        let mut rep = resident("rep", 5, "h9", true);
        rep.council_for = vec![community()];
        let plain = resident("plain", 5, "h8", true);
        let council = snapshot(
            ElectorateRule::CouncilMembers,
            Weighting::Head,
            &building(3),
            2026,
            &[rep, plain],
        );
        assert_eq!(
            ids(&council),
            ["m:rep"],
            "a council member votes wherever her community does"
        );
    }

    #[test]
    fn a_minimum_age_is_one_a_person_can_reach() {
        for min_age in [0, 1, MIN_AGE_MAX - 1, MIN_AGE_MAX] {
            assert_eq!(ElectorateRule::ResidentsAged { min_age }.check(), Ok(()));
        }
        for min_age in [MIN_AGE_MAX + 1, u8::MAX - 1, u8::MAX] {
            assert_eq!(
                ElectorateRule::ResidentsAged { min_age }.check(),
                Err(DomainError::OutOfRange {
                    field: Field::MinAge,
                    min: 0,
                    max: 120
                })
            );
        }
        assert_eq!(ElectorateRule::Residents.check(), Ok(()));
    }

    #[test]
    fn a_delegate_is_named_by_her_own_vote() {
        let people = [
            resident("a", 3, "h1", true),
            resident("b", 3, "h1", false),
            resident("c", 5, "h2", true),
        ];
        let persons = snapshot(
            ElectorateRule::Residents,
            Weighting::Head,
            &building(3),
            2026,
            &people,
        );
        let member = |id: &str| MemberId::from_trusted(id);
        assert_eq!(
            own_vote(&persons, &member("b")),
            Some(VoterKey::Member(member("b")))
        );
        assert_eq!(own_vote(&persons, &member("c")), None, "not in building 3");
        let households = snapshot(
            ElectorateRule::Households {
                cast_by: HouseholdCaster::Representative,
            },
            Weighting::Head,
            &building(3),
            2026,
            &people,
        );
        assert_eq!(
            own_vote(&households, &member("a")),
            Some(VoterKey::Household(HouseholdId::from_trusted("h1")))
        );
        assert_eq!(
            own_vote(&households, &member("b")),
            None,
            "not her household's voice"
        );
    }

    #[test]
    fn proxies_have_limits_and_no_chains() {
        let people: Vec<Candidate> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| resident(id, 3, &format!("h{id}"), true))
            .collect();
        let voters = snapshot(
            ElectorateRule::Residents,
            Weighting::Head,
            &building(3),
            2026,
            &people,
        );
        let key = |id: &str| VoterKey::Member(MemberId::from_trusted(id));
        let proxy = |from: &str, to: &str| Proxy {
            from: key(from),
            to: key(to),
        };
        let mut given = vec![proxy("a", "b")];
        assert_eq!(
            check_proxy(&voters, &given, &proxy("a", "c"), 2),
            Err(DomainError::ProxyTaken)
        );
        assert_eq!(
            check_proxy(&voters, &given, &proxy("b", "c"), 2),
            Err(DomainError::ProxyChain),
            "b holds a's vote"
        );
        assert_eq!(
            check_proxy(&voters, &given, &proxy("c", "a"), 2),
            Err(DomainError::ProxyChain),
            "a gave hers away"
        );
        assert!(check_proxy(&voters, &given, &proxy("x", "b"), 2).is_err());
        assert!(check_proxy(&voters, &given, &proxy("c", "c"), 2).is_err());
        assert!(check_proxy(&voters, &given, &proxy("c", "b"), 2).is_ok());
        given.push(proxy("c", "b"));
        assert_eq!(
            check_proxy(&voters, &given, &proxy("d", "b"), 2),
            Err(DomainError::ProxyLimit { max: 2 })
        );
        // b casts three votes, a none.
        assert_eq!(
            votes_of(&voters, &given, &MemberId::from_trusted("b")),
            [key("a"), key("b"), key("c")]
        );
        assert!(votes_of(&voters, &given, &MemberId::from_trusted("a")).is_empty());
        assert!(votes_of(&voters, &given, &MemberId::from_trusted("zz")).is_empty());
    }
}
