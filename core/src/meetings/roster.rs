//! The chair's register of a meeting (签到名单): finding people on it by a few characters of their
//! name, building or flat, or the initials of a name's pinyin, and counting attendance per building. A
//! room of sixty is checked in by typing 「张」 or 「3号楼」 or 「201」 or 「lxm」, not by scrolling.

use crate::api::meetings::Attendee;
pub use crate::api::meetings::BuildingCount;
use crate::ids::BuildingId;
use crate::pinyin::{is_initials_query, matches_initials};

/// How many matches a search shows at most (a building of the demo has up to 23 people): more than
/// this asks for another character.
pub const SHOWN_MAX: usize = 25;

/// Whether `person` matches `query`: every word of it (split on spaces) is found in her name, building
/// or flat, ignoring spaces and case, so 「3号楼201」, 「3号楼 201」 and 「201 3号楼」 all find 3号楼 1单元 201;
/// a word of Latin letters may also be the initials of her name (「lxm」, 「LX」 find 刘晓梅), from the
/// [`Attendee::initials`] the worker sent, so that 「lxm 3号楼」 works too.
#[must_use]
pub fn matches(person: &Attendee, query: &str) -> bool {
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let building = person.building.as_deref().unwrap_or_default();
    let flat = person.flat.as_deref().unwrap_or_default();
    // The door number alone after the building too: people say 「3号楼201」 without the unit.
    let door = flat.split_whitespace().last().unwrap_or_default();
    let haystack = squeeze(&format!(
        "{}|{building}{flat}|{building}{door}",
        person.name
    ));
    let words: Vec<String> = query.split_whitespace().map(squeeze).collect();
    !words.is_empty()
        && words.iter().all(|w| {
            haystack.contains(w.as_str())
                || (is_initials_query(w) && matches_initials(&person.initials, w))
        })
}

/// What a search finds: at most [`SHOWN_MAX`] people in the register's order, and how many more match.
#[must_use]
pub fn search<'a>(people: &'a [Attendee], query: &str) -> (Vec<&'a Attendee>, usize) {
    let found: Vec<&Attendee> = people.iter().filter(|p| matches(p, query)).collect();
    let more = found.len().saturating_sub(SHOWN_MAX);
    (found.into_iter().take(SHOWN_MAX).collect(), more)
}

/// Everyone of one building, or everyone who lives outside the meeting's buildings (`building: None`).
#[must_use]
pub fn in_building<'a>(people: &'a [Attendee], building: Option<&BuildingId>) -> Vec<&'a Attendee> {
    people
        .iter()
        .filter(|p| p.building_id.as_ref() == building)
        .collect()
}

/// Attendance per building, in the register's order of first appearance; those without a building last.
/// The one count of the meeting's buildings: the chair's console counts the register it shows with it,
/// and the worker the same register for the live state that the wall screen shows.
#[must_use]
pub fn by_building(people: &[Attendee]) -> Vec<BuildingCount> {
    let mut counts: Vec<BuildingCount> = Vec::new();
    for p in people {
        let i = match counts.iter().position(|c| c.building == p.building_id) {
            Some(i) => i,
            None => {
                counts.push(BuildingCount {
                    building: p.building_id.clone(),
                    name: p.building.clone(),
                    present: 0,
                    invited: 0,
                });
                counts.len() - 1
            }
        };
        if let Some(c) = counts.get_mut(i) {
            c.invited += 1;
            c.present += u32::from(p.present);
        }
    }
    counts.sort_by_key(|c| c.building.is_none());
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MemberId;

    fn person(id: &str, name: &str, home: Option<(&str, &str)>, present: bool) -> Attendee {
        Attendee {
            member_id: MemberId::from_trusted(id),
            name: name.into(),
            present,
            on_behalf: None,
            building_id: home.map(|(b, _)| BuildingId::from_trusted(format!("bld_{b}"))),
            building: home.map(|(b, _)| format!("{b}号楼")),
            flat: home.map(|(_, f)| f.into()),
            may_undo: false,
            initials: crate::pinyin::initials(name),
        }
    }

    fn register() -> Vec<Attendee> {
        vec![
            person("mbr_1", "张桂芳", Some(("1", "1单元 201")), true),
            person("mbr_2", "张伟", Some(("3", "1单元 201")), false),
            person("mbr_3", "李秀英", Some(("3", "2单元 502")), false),
            person("mbr_4", "刘晓梅", None, true),
            person("mbr_5", "Wang Fang", Some(("1", "2单元 101")), false),
        ]
    }

    fn names(found: &[&Attendee]) -> Vec<String> {
        found.iter().map(|p| p.name.clone()).collect()
    }

    #[test]
    fn a_few_characters_of_a_name_building_or_flat_find_her() {
        let people = register();
        assert_eq!(names(&search(&people, "张").0), ["张桂芳", "张伟"]);
        assert_eq!(names(&search(&people, "3号楼").0), ["张伟", "李秀英"]);
        assert_eq!(names(&search(&people, "502").0), ["李秀英"]);
        assert_eq!(names(&search(&people, "3号楼201").0), ["张伟"]);
        assert_eq!(names(&search(&people, " 201  3号楼 ").0), ["张伟"]);
        assert_eq!(names(&search(&people, "1单元201").0), ["张桂芳", "张伟"]);
        assert_eq!(names(&search(&people, "wang").0), ["Wang Fang"]);
        assert_eq!(names(&search(&people, "刘晓梅").0), ["刘晓梅"]);
        // Nothing typed finds nobody: the register is not a list to scroll.
        assert!(search(&people, "  ").0.is_empty());
        assert!(search(&people, "赵").0.is_empty());
        // A name's characters do not run into her building's: 「伟3」 is nobody.
        assert!(search(&people, "伟3").0.is_empty());
    }

    #[test]
    fn the_initials_of_a_name_find_her_too() {
        let mut people = register();
        people.push(person("mbr_6", "曾桂芳", Some(("3", "1单元 301")), false));
        assert_eq!(names(&search(&people, "lxm").0), ["刘晓梅"]);
        assert_eq!(names(&search(&people, "LXM").0), ["刘晓梅"]);
        assert_eq!(names(&search(&people, "lx").0), ["李秀英", "刘晓梅"]);
        assert_eq!(names(&search(&people, "xm").0), ["刘晓梅"]);
        assert_eq!(names(&search(&people, "zw").0), ["张伟"]);
        // A polyphonic surname either way, and initials with a building.
        assert_eq!(names(&search(&people, "zgf").0), ["张桂芳", "曾桂芳"]);
        assert_eq!(names(&search(&people, "cgf").0), ["曾桂芳"]);
        assert_eq!(names(&search(&people, "zgf 3号楼").0), ["曾桂芳"]);
        assert_eq!(names(&search(&people, "lxy 3号楼502").0), ["李秀英"]);
        // Latin names by their words' initials or letters; digits are not initials.
        assert_eq!(names(&search(&people, "wf").0), ["Wang Fang"]);
        assert_eq!(names(&search(&people, "fang").0), ["Wang Fang"]);
        assert_eq!(names(&search(&people, "201").0), ["张桂芳", "张伟"]);
        assert!(search(&people, "lm").0.is_empty());
        assert!(search(&people, "lxm 3号楼").0.is_empty());
        // A line the worker sent without initials (an older worker) is found by its characters only.
        let mut old = person("mbr_7", "孙丽", None, false);
        old.initials = String::new();
        assert!(!matches(&old, "sl"));
        assert!(matches(&old, "孙"));
    }

    #[test]
    fn a_search_shows_a_screenful_and_says_how_many_more() {
        let people: Vec<Attendee> = (0..40)
            .map(|i| {
                person(
                    &format!("mbr_{i}"),
                    &format!("王{i}"),
                    Some(("2", "1单元 101")),
                    false,
                )
            })
            .collect();
        let (shown, more) = search(&people, "王");
        assert_eq!(shown.len(), SHOWN_MAX);
        assert_eq!(more, 40 - SHOWN_MAX);
        let (shown, more) = search(&people, "王39");
        assert_eq!((shown.len(), more), (1, 0));
    }

    #[test]
    fn attendance_is_counted_per_building_with_those_from_elsewhere_last() {
        let people = register();
        let counts = by_building(&people);
        let seen: Vec<(Option<String>, u32, u32)> = counts
            .iter()
            .map(|c| (c.name.clone(), c.present, c.invited))
            .collect();
        assert_eq!(
            seen,
            [
                (Some("1号楼".into()), 1, 2),
                (Some("3号楼".into()), 0, 2),
                (None, 1, 1)
            ]
        );
        let total: u32 = counts.iter().map(|c| c.invited).sum();
        assert_eq!(total as usize, people.len());
        // As the live state carries them to the wall screen: counts and the building, no name of anyone.
        assert_eq!(
            serde_json::to_value(&counts[0]).unwrap_or_default(),
            serde_json::json!({ "building": "bld_1", "name": "1号楼", "present": 1, "invited": 2 })
        );
        let three = BuildingId::from_trusted("bld_3");
        assert_eq!(
            names(&in_building(&people, Some(&three))),
            ["张伟", "李秀英"]
        );
        assert_eq!(names(&in_building(&people, None)), ["刘晓梅"]);
    }
}
