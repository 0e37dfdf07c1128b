//! Short numbers that people say and type: every request, matter, notice, vote, meeting and covenant
//! has one within its community (诉求 #128, 议题 #12, 公告 #37), or within its street for a record of the
//! whole street, given in order as records are created; each kind counts on its own. A number is
//! written `#128`; a reader may type `128`, `#128`, `＃１２８`, `R-128`, `r128`, `诉求128` or `128号`
//! for a request, and the same with the other kinds' letters and words (see [`RecordKind`]).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The largest number a community reaches (nine digits).
const MAX: u32 = 999_999_999;

/// What kind of record a number belongs to; each kind counts on its own.
///
/// | kind | letter | words a reader may put before the number |
/// |---|---|---|
/// | request | R | 民生诉求, 诉求 |
/// | matter | M | 居民议事, 议题, 议事, 事项 |
/// | notice | N | 公告, 通知, 公示 |
/// | vote | V | 投票, 表决 |
/// | meeting | H (会, huì: M is a matter's) | 居民议事会, 议事会, 会议 |
/// | covenant | C | 居民公约, 一事一约, 公约 |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Request,
    Matter,
    Notice,
    Vote,
    Meeting,
    Covenant,
}

impl RecordKind {
    /// The letter written before the number where kinds are mixed (`R-128`).
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            RecordKind::Request => 'R',
            RecordKind::Matter => 'M',
            RecordKind::Notice => 'N',
            RecordKind::Vote => 'V',
            RecordKind::Meeting => 'H',
            RecordKind::Covenant => 'C',
        }
    }

    /// The Chinese words a reader may put before the number (a longer word before any it starts with).
    fn words(self) -> &'static [&'static str] {
        match self {
            RecordKind::Request => &["民生诉求", "诉求"],
            RecordKind::Matter => &["居民议事", "议题", "议事", "事项"],
            RecordKind::Notice => &["公告", "通知", "公示"],
            RecordKind::Vote => &["投票", "表决"],
            // 议事会 would read as 议事 + 会 for a matter, which is no number there.
            RecordKind::Meeting => &["居民议事会", "议事会", "会议"],
            RecordKind::Covenant => &["居民公约", "一事一约", "公约"],
        }
    }
}

/// A record's number within its community: 1, 2, 3, … Shown as `#128`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct RecordNumber(u32);

impl RecordNumber {
    /// A number from 1 up to 999 999 999.
    #[must_use]
    pub fn new(n: u32) -> Option<RecordNumber> {
        (1..=MAX).contains(&n).then_some(RecordNumber(n))
    }

    #[must_use]
    pub fn get(self) -> u32 {
        self.0
    }

    /// The number the next record of a community gets after the highest one so far.
    #[must_use]
    pub fn after(highest: Option<RecordNumber>) -> Option<RecordNumber> {
        RecordNumber::new(highest.map_or(1, |h| h.0.saturating_add(1)))
    }

    /// Reads what a person typed for a record of `kind`: digits, with at most a `#`, the kind's letter
    /// or words before them (`R-128`, `诉求 #128`) and `号` after; full-width characters and spaces
    /// are fine. Another kind's letter (`M-12` for a request) or anything else is not a number.
    #[must_use]
    pub fn parse(kind: RecordKind, input: &str) -> Option<RecordNumber> {
        let text: String = input
            .trim()
            .chars()
            .map(half_width)
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut rest = text.as_str();
        if let Some(word) = kind.words().iter().find(|w| rest.starts_with(**w)) {
            rest = &rest[word.len()..];
        } else if let Some(r) = rest
            .strip_prefix(kind.letter())
            .or_else(|| rest.strip_prefix(kind.letter().to_ascii_lowercase()))
        {
            // `R-128`: the dash only after the letter (`-5` is no number).
            rest = r.strip_prefix('-').unwrap_or(r);
        }
        rest = rest
            .strip_prefix('#')
            .or_else(|| rest.strip_prefix("No."))
            .or_else(|| rest.strip_prefix("no."))
            .unwrap_or(rest);
        rest = rest.strip_suffix('号').unwrap_or(rest);
        if rest.is_empty() || rest.len() > 9 || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        rest.parse().ok().and_then(RecordNumber::new)
    }

    /// `R-128`: the number with its kind's letter, for places where kinds are mixed (a CSV, an export).
    #[must_use]
    pub fn with_letter(self, kind: RecordKind) -> String {
        format!("{}-{}", kind.letter(), self.0)
    }
}

impl fmt::Display for RecordNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Full-width digits, letters, `＃` and `－` as their ASCII forms (typed with a Chinese keyboard).
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: u32) -> Option<RecordNumber> {
        RecordNumber::new(v)
    }

    #[test]
    fn numbers_are_shown_with_a_hash() {
        let Some(x) = n(128) else { panic!() };
        assert_eq!(x.to_string(), "#128");
        assert_eq!(x.with_letter(RecordKind::Request), "R-128");
        assert_eq!(x.with_letter(RecordKind::Matter), "M-128");
    }

    #[test]
    fn a_number_is_from_one_to_nine_digits() {
        assert_eq!(n(0), None);
        assert!(n(1).is_some());
        assert!(n(999_999_999).is_some());
        assert_eq!(n(1_000_000_000), None);
    }

    #[test]
    fn the_next_number_follows_the_highest() {
        assert_eq!(RecordNumber::after(None), n(1));
        assert_eq!(RecordNumber::after(n(127)), n(128));
        assert_eq!(RecordNumber::after(n(999_999_999)), None);
    }

    #[test]
    fn what_people_type_for_a_request() {
        let r = |s| RecordNumber::parse(RecordKind::Request, s);
        for typed in [
            "128",
            "#128",
            " #128 ",
            "＃１２８",
            "R-128",
            "r-128",
            "R128",
            "r#128",
            "诉求128",
            "诉求 #128",
            "民生诉求#128",
            "128号",
            "No.128",
            "0128",
            "R－128",
        ] {
            assert_eq!(r(typed), n(128), "{typed:?}");
        }
    }

    #[test]
    fn what_is_not_a_number_of_a_request() {
        let r = |s| RecordNumber::parse(RecordKind::Request, s);
        for typed in [
            "",
            "#",
            "R-",
            "0",
            "#0",
            "M-128",
            "议题128",
            "12a",
            "1.5",
            "-5",
            "1 2 8 x",
            "##12",
            "1234567890",
            "req_demo_03",
            "路灯",
        ] {
            assert_eq!(r(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn what_people_type_for_a_matter() {
        let m = |s| RecordNumber::parse(RecordKind::Matter, s);
        assert_eq!(m("M-12"), n(12));
        assert_eq!(m("议题 12"), n(12));
        assert_eq!(m("#12"), n(12));
        assert_eq!(m("R-12"), None);
        assert_eq!(m("诉求12"), None);
    }

    #[test]
    fn each_kind_has_its_own_letter() {
        let kinds = [
            RecordKind::Request,
            RecordKind::Matter,
            RecordKind::Notice,
            RecordKind::Vote,
            RecordKind::Meeting,
            RecordKind::Covenant,
        ];
        let Some(x) = n(7) else { panic!() };
        let letters: Vec<String> = kinds.iter().map(|k| x.with_letter(*k)).collect();
        assert_eq!(letters, ["R-7", "M-7", "N-7", "V-7", "H-7", "C-7"]);
        for (i, k) in kinds.iter().enumerate() {
            for (j, other) in kinds.iter().enumerate() {
                // A kind reads its own letter and words, and no other kind's.
                let with_letter = RecordNumber::parse(*k, &x.with_letter(*other));
                assert_eq!(
                    with_letter.is_some(),
                    i == j,
                    "{k:?} reading {other:?}'s letter"
                );
                for word in other.words() {
                    let typed = format!("{word}7");
                    assert_eq!(
                        RecordNumber::parse(*k, &typed).is_some(),
                        i == j,
                        "{k:?} reading {typed:?}"
                    );
                }
            }
            // A bare number or `#7` reads as any kind's.
            assert_eq!(RecordNumber::parse(*k, "#7"), Some(x));
            assert_eq!(RecordNumber::parse(*k, "7号"), Some(x));
        }
    }

    #[test]
    fn what_people_type_for_a_notice() {
        let p = |s| RecordNumber::parse(RecordKind::Notice, s);
        for typed in [
            "37",
            "#37",
            "N-37",
            "n37",
            "公告37",
            "公告 #37",
            "通知37",
            "公示＃３７",
            "37号",
        ] {
            assert_eq!(p(typed), n(37), "{typed:?}");
        }
        for typed in [
            "V-37",
            "投票37",
            "诉求37",
            "公告",
            "停水通知",
            "2026年第三季度",
        ] {
            assert_eq!(p(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn what_people_type_for_a_vote() {
        let p = |s| RecordNumber::parse(RecordKind::Vote, s);
        for typed in ["5", "#5", "V-5", "v5", "投票5", "表决 #5", "５号"] {
            assert_eq!(p(typed), n(5), "{typed:?}");
        }
        for typed in ["N-5", "公告5", "会议5", "投票", "投票结果"] {
            assert_eq!(p(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn what_people_type_for_a_meeting() {
        let p = |s| RecordNumber::parse(RecordKind::Meeting, s);
        for typed in [
            "3",
            "#3",
            "H-3",
            "h3",
            "会议3",
            "议事会 #3",
            "居民议事会3",
            "3号",
        ] {
            assert_eq!(p(typed), n(3), "{typed:?}");
        }
        for typed in ["M-3", "议题3", "议事3", "V-3", "会议", "三月议事会"] {
            assert_eq!(p(typed), None, "{typed:?}");
        }
        // 议事会 is a meeting, not a matter (议事 + 会).
        assert_eq!(RecordNumber::parse(RecordKind::Matter, "议事会3"), None);
        assert_eq!(RecordNumber::parse(RecordKind::Matter, "议事3"), n(3));
    }

    #[test]
    fn what_people_type_for_a_covenant() {
        let p = |s| RecordNumber::parse(RecordKind::Covenant, s);
        for typed in [
            "2",
            "#2",
            "C-2",
            "c2",
            "公约2",
            "居民公约 #2",
            "一事一约2",
            "2号",
        ] {
            assert_eq!(p(typed), n(2), "{typed:?}");
        }
        for typed in ["R-2", "公告2", "楼道公约", "公约"] {
            assert_eq!(p(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn numbers_travel_as_plain_integers() {
        let Some(x) = n(7) else { panic!() };
        assert_eq!(serde_json::to_string(&x).ok().as_deref(), Some("7"));
        assert_eq!(serde_json::from_str::<RecordNumber>("7").ok(), Some(x));
    }
}
