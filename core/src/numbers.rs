//! Short numbers that people say and type: every request and matter has one within its community
//! (诉求 #128, 议题 #12), given in order as records are created. A number is written `#128`; a reader
//! may type `128`, `#128`, `＃１２８`, `R-128`, `r128`, `诉求128` or `128号` for a request, and the
//! same with `M` or 议题 for a matter.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The largest number a community reaches (nine digits).
const MAX: u32 = 999_999_999;

/// What kind of record a number belongs to; each kind counts on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Request,
    Matter,
}

impl RecordKind {
    /// The letter written before the number where kinds are mixed (`R-128`).
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            RecordKind::Request => 'R',
            RecordKind::Matter => 'M',
        }
    }

    /// The Chinese words a reader may put before the number.
    fn words(self) -> &'static [&'static str] {
        match self {
            RecordKind::Request => &["民生诉求", "诉求"],
            RecordKind::Matter => &["居民议事", "议题", "议事", "事项"],
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
    fn numbers_travel_as_plain_integers() {
        let Some(x) = n(7) else { panic!() };
        assert_eq!(serde_json::to_string(&x).ok().as_deref(), Some("7"));
        assert_eq!(serde_json::from_str::<RecordNumber>("7").ok(), Some(x));
    }
}
