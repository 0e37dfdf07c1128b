//! Who may do what, on what. Every API route asks this module; no route decides on its own.
//! Each check is a pure function of the actor and the resource's scope.

use crate::error::{DomainError, DomainResult};
use crate::members::{Actor, Role};
use crate::territory::ScopePath;

/// Roles that may publish on the notice board, each within the scope of its grant.
const NOTICE_PUBLISHERS: &[Role] = &[Role::StreetAdmin, Role::CommunityStaff, Role::BuildingHead];
/// Roles that see every notice within the scope of their grant.
const NOTICE_OVERSEERS: &[Role] = &[Role::StreetAdmin, Role::CommunityStaff];

fn require_active(actor: &Actor) -> DomainResult<()> {
    if actor.is_active() {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// A notice for `target` may be posted by staff whose community (or street) contains it, and by a
/// building head for her own building.
pub fn can_post_notice(actor: &Actor, target: &ScopePath) -> DomainResult<()> {
    require_active(actor)?;
    if actor
        .grants_of(NOTICE_PUBLISHERS)
        .any(|g| g.scope.contains(target))
    {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// A notice addressed to `scope` is visible to residents who live within it and to staff whose grant
/// covers it.
#[must_use]
pub fn can_read_notice(actor: &Actor, scope: &ScopePath) -> bool {
    actor.is_active()
        && (actor
            .placement
            .as_ref()
            .is_some_and(|p| scope.contains(&p.unit))
            || actor
                .grants_of(NOTICE_OVERSEERS)
                .any(|g| g.scope.contains(scope))
            || actor
                .grants_of(&[Role::BuildingHead])
                .any(|g| g.scope.contains(scope) || scope.contains(&g.scope)))
}

/// The notices an actor sees, as a query: notices addressed to a scope that contains one of `covering`
/// (where she lives, what she heads), or that lies within one of `within` (what she oversees).
/// The worker turns this into SQL; [`can_read_notice`] states the same rule for one notice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeAudience {
    pub covering: Vec<ScopePath>,
    pub within: Vec<ScopePath>,
}

#[must_use]
pub fn notice_audience(actor: &Actor) -> NoticeAudience {
    if !actor.is_active() {
        return NoticeAudience::default();
    }
    let mut covering: Vec<ScopePath> = actor.placement.iter().map(|p| p.unit.clone()).collect();
    let mut within: Vec<ScopePath> = actor
        .grants_of(NOTICE_OVERSEERS)
        .map(|g| g.scope.clone())
        .collect();
    for head in actor.grants_of(&[Role::BuildingHead]) {
        covering.push(head.scope.clone());
        within.push(head.scope.clone());
    }
    covering.dedup();
    within.dedup();
    NoticeAudience { covering, within }
}

impl NoticeAudience {
    /// The same rule as [`can_read_notice`], evaluated on the audience.
    #[must_use]
    pub fn admits(&self, scope: &ScopePath) -> bool {
        self.covering.iter().any(|c| scope.contains(c))
            || self.within.iter().any(|w| w.contains(scope))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::members::MemberStatus;
    use crate::testing::actors::*;
    use crate::testing::territory::*;

    fn all_scopes() -> Vec<ScopePath> {
        vec![
            street(),
            community(),
            compound_a(),
            compound_b(),
            building(3),
            building(5),
            unit_of(3, 1),
            unit_of(5, 1),
        ]
    }

    #[test]
    fn staff_post_anywhere_in_their_community_residents_nowhere() {
        for scope in all_scopes() {
            let expect_staff = community().contains(&scope);
            assert_eq!(
                can_post_notice(&staff(), &scope).is_ok(),
                expect_staff,
                "{scope:?}"
            );
            assert_eq!(
                can_post_notice(&resident_of(3), &scope),
                Err(DomainError::Forbidden)
            );
            assert!(can_post_notice(&street_admin(), &scope).is_ok());
        }
    }

    #[test]
    fn building_heads_post_to_their_own_building_only() {
        let head = building_head_of(3);
        assert!(can_post_notice(&head, &building(3)).is_ok());
        assert!(can_post_notice(&head, &unit_of(3, 1)).is_ok());
        assert!(can_post_notice(&head, &building(5)).is_err());
        assert!(can_post_notice(&head, &compound_a()).is_err());
    }

    #[test]
    fn residents_read_notices_addressed_to_where_they_live() {
        let r3 = resident_of(3);
        assert!(can_read_notice(&r3, &building(3)));
        assert!(can_read_notice(&r3, &compound_a()));
        assert!(can_read_notice(&r3, &community()));
        assert!(can_read_notice(&r3, &street()));
        assert!(!can_read_notice(&r3, &building(5)));
        assert!(!can_read_notice(&r3, &unit_of(3, 2)));
    }

    #[test]
    fn suspended_members_can_do_nothing() {
        let mut s = staff();
        s.status = MemberStatus::Suspended;
        for scope in all_scopes() {
            assert!(can_post_notice(&s, &scope).is_err());
            assert!(!can_read_notice(&s, &scope));
        }
        assert_eq!(notice_audience(&s), NoticeAudience::default());
    }

    /// The query form of the rule must agree with the one-notice form for every actor and scope.
    #[test]
    fn audience_agrees_with_can_read_notice() {
        let actors = [
            staff(),
            street_admin(),
            resident_of(3),
            resident_of(5),
            building_head_of(3),
            outsider_staff(),
        ];
        for actor in &actors {
            let audience = notice_audience(actor);
            for scope in all_scopes() {
                assert_eq!(
                    audience.admits(&scope),
                    can_read_notice(actor, &scope),
                    "{actor:?} {scope:?}"
                );
            }
        }
    }
}
