//! The red and black board (红黑榜) of matters: residents' ratings summed exactly, places ranked by
//! participation and then by satisfaction.

use serde::{Deserialize, Serialize};

/// Ratings of an evaluated matter: how many, the distribution of stars and the average in hundredths
/// (4.67 is 467), rounded half up; exact integers so that every reader sees the same figure.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingSummary {
    pub count: u32,
    /// `stars[0]` counts one-star ratings … `stars[4]` five-star ones.
    pub stars: [u32; 5],
    pub average_hundredths: Option<u32>,
}

impl RatingSummary {
    #[must_use]
    pub fn of(ratings: impl IntoIterator<Item = u8>) -> RatingSummary {
        let mut s = RatingSummary::default();
        for r in ratings {
            if let Some(slot) = (1..=5)
                .contains(&r)
                .then(|| usize::from(r - 1))
                .and_then(|i| s.stars.get_mut(i))
            {
                *slot += 1;
                s.count += 1;
            }
        }
        let sum: u64 = s
            .stars
            .iter()
            .zip(1u64..)
            .map(|(n, stars)| u64::from(*n) * stars)
            .sum();
        if s.count > 0 {
            let count = u64::from(s.count);
            let avg = (sum * 100 * 2 + count) / (count * 2);
            s.average_hundredths = u32::try_from(avg).ok();
        }
        s
    }
}

impl RatingSummary {
    /// The summary of two sets of ratings together.
    #[must_use]
    pub fn merge(self, other: RatingSummary) -> RatingSummary {
        let mut stars = Vec::new();
        for (n, (a, b)) in self.stars.iter().zip(other.stars).enumerate() {
            let star = u8::try_from(n + 1).unwrap_or(5);
            stars.extend(std::iter::repeat_n(star, (*a + b) as usize));
        }
        RatingSummary::of(stars)
    }
}

/// The figures of several places together (a compound from its buildings).
#[must_use]
pub fn combine(place: &str, name: &str, parts: &[BoardFigures]) -> BoardFigures {
    BoardFigures {
        place: place.to_owned(),
        name: name.to_owned(),
        residents: parts.iter().map(|p| p.residents).sum(),
        participants: parts.iter().map(|p| p.participants).sum(),
        ratings: parts
            .iter()
            .fold(RatingSummary::default(), |acc, p| acc.merge(p.ratings)),
    }
}

/// One place's figures for the red/black board (红黑榜).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFigures {
    pub place: String,
    pub name: String,
    /// Confirmed residents living there.
    pub residents: u32,
    /// Of them, those who proposed, supported, discussed or rated a matter in the period.
    pub participants: u32,
    /// Stars given by its residents to matters in the period.
    pub ratings: RatingSummary,
}

/// A ranked place of the board.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEntry {
    pub rank: u32,
    #[serde(flatten)]
    pub figures: BoardFigures,
    /// Participants per thousand residents.
    pub participation_permille: u32,
    pub list: BoardList,
}

/// The red list honours the most engaged places, the black list names those to visit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardList {
    Red,
    Black,
    Neither,
}

/// What the board ranks by: participation, then satisfaction.
fn board_key(e: &BoardEntry) -> (u32, u32) {
    (
        e.participation_permille,
        e.figures.ratings.average_hundredths.unwrap_or(0),
    )
}

/// Places on each of the red and black lists.
pub const BOARD_LIST_SIZE: usize = 3;

/// Ranks places by participation (per thousand residents), then by average satisfaction, then by
/// name. The first [`BOARD_LIST_SIZE`] with any participation are on the red list, the last as many
/// (never one already red) on the black list, with every place level with the last of them (equal
/// figures, equal list). Places without residents are left out.
#[must_use]
pub fn rank_board(places: Vec<BoardFigures>) -> Vec<BoardEntry> {
    let mut entries: Vec<BoardEntry> = places
        .into_iter()
        .filter(|p| p.residents > 0)
        .map(|p| {
            let permille =
                (u64::from(p.participants.min(p.residents)) * 1_000) / u64::from(p.residents);
            BoardEntry {
                rank: 0,
                participation_permille: u32::try_from(permille).unwrap_or(1_000),
                figures: p,
                list: BoardList::Neither,
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        b.participation_permille
            .cmp(&a.participation_permille)
            .then_with(|| {
                b.figures
                    .ratings
                    .average_hundredths
                    .unwrap_or(0)
                    .cmp(&a.figures.ratings.average_hundredths.unwrap_or(0))
            })
            .then_with(|| a.figures.name.cmp(&b.figures.name))
            .then_with(|| a.figures.place.cmp(&b.figures.place))
    });
    let n = entries.len();
    for (i, e) in entries.iter_mut().enumerate() {
        e.rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if i < BOARD_LIST_SIZE && e.participation_permille > 0 {
            e.list = BoardList::Red;
        }
    }
    let reds = entries.iter().filter(|e| e.list == BoardList::Red).count();
    let blacks = BOARD_LIST_SIZE.min(n.saturating_sub(reds));
    // Places level with the last black one are black too: equal figures, equal treatment.
    if let Some(boundary) = n
        .checked_sub(blacks)
        .and_then(|i| entries.get(i))
        .map(board_key)
    {
        for e in entries.iter_mut() {
            if e.list != BoardList::Red && blacks > 0 && board_key(e) <= boundary {
                e.list = BoardList::Black;
            }
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn ratings_summary_is_exact() {
        let s = RatingSummary::of([5, 5, 4]);
        assert_eq!(s.count, 3);
        assert_eq!(s.stars, [0, 0, 0, 1, 2]);
        assert_eq!(s.average_hundredths, Some(467));
        assert_eq!(RatingSummary::of([]).average_hundredths, None);
        // Out-of-range stars are not counted.
        assert_eq!(RatingSummary::of([0, 6, 3]).count, 1);
        assert_eq!(RatingSummary::of([1, 2]).average_hundredths, Some(150));
    }

    fn figures(place: &str, residents: u32, participants: u32, ratings: &[u8]) -> BoardFigures {
        BoardFigures {
            place: place.into(),
            name: place.into(),
            residents,
            participants,
            ratings: RatingSummary::of(ratings.iter().copied()),
        }
    }

    #[test]
    fn the_board_ranks_by_participation_then_satisfaction() {
        let board = rank_board(vec![
            figures("b1", 10, 5, &[3]),
            figures("b2", 10, 5, &[5]),
            figures("b3", 20, 2, &[]),
            figures("b4", 10, 0, &[]),
            figures("b5", 0, 0, &[]),
            figures("b6", 8, 8, &[4, 5]),
            figures("b7", 10, 1, &[1]),
        ]);
        let order: Vec<&str> = board.iter().map(|e| e.figures.place.as_str()).collect();
        // b7 and b3 both reached one resident in ten; b7's residents are the more satisfied (unrated counts as 0).
        assert_eq!(order, ["b6", "b2", "b1", "b7", "b3", "b4"]);
        let lists: Vec<BoardList> = board.iter().map(|e| e.list).collect();
        use BoardList::{Black, Red};
        assert_eq!(lists, [Red, Red, Red, Black, Black, Black]);
        assert_eq!(board[0].participation_permille, 1_000);
        assert_eq!(board[3].participation_permille, 100);
        // Two places: one red, one black; none with participation: nobody is red.
        let two = rank_board(vec![figures("x", 5, 1, &[]), figures("y", 5, 0, &[])]);
        assert_eq!(two.iter().map(|e| e.list).collect::<Vec<_>>(), [Red, Black]);
        let idle = rank_board(vec![figures("x", 5, 0, &[])]);
        assert_eq!(idle[0].list, Black);
        // Four places level at the bottom are all black, not three of them by name.
        let level = rank_board(vec![
            figures("a", 5, 5, &[]),
            figures("b", 5, 0, &[]),
            figures("c", 5, 0, &[]),
            figures("d", 5, 0, &[]),
            figures("e", 5, 0, &[]),
        ]);
        assert_eq!(
            level.iter().map(|e| e.list).collect::<Vec<_>>(),
            [Red, Black, Black, Black, Black]
        );
    }

    #[test]
    fn compounds_add_up_their_buildings() {
        let c = combine(
            "cpd",
            "阳光小区",
            &[figures("b1", 10, 5, &[5, 4]), figures("b2", 20, 1, &[1])],
        );
        assert_eq!((c.residents, c.participants), (30, 6));
        assert_eq!(c.ratings, RatingSummary::of([5, 4, 1]));
        assert_eq!(c.ratings.average_hundredths, Some(333));
    }

    proptest! {
        #[test]
        fn rating_average_lies_between_the_extremes(stars in proptest::collection::vec(1u8..=5, 1..200)) {
            let s = RatingSummary::of(stars.iter().copied());
            prop_assert_eq!(s.count as usize, stars.len());
            prop_assert_eq!(s.stars.iter().sum::<u32>(), s.count);
            let avg = s.average_hundredths.unwrap_or(0);
            let min = u32::from(*stars.iter().min().unwrap_or(&1)) * 100;
            let max = u32::from(*stars.iter().max().unwrap_or(&5)) * 100;
            prop_assert!(min <= avg && avg <= max);
            // Within half a hundredth of the exact mean.
            let sum: u32 = stars.iter().map(|s| u32::from(*s)).sum();
            let exact_x200 = sum * 200;
            let n = stars.len() as u32;
            prop_assert!((avg * 2 * n).abs_diff(exact_x200) <= n);
        }

        #[test]
        fn the_board_is_a_ranking_of_the_inhabited_places(
            rows in proptest::collection::vec((0u32..50, 0u32..60, proptest::collection::vec(1u8..=5, 0..5)), 0..20)
        ) {
            let places: Vec<BoardFigures> = rows
                .iter()
                .enumerate()
                .map(|(i, (r, p, stars))| figures(&format!("p{i:02}"), *r, *p, stars))
                .collect();
            let inhabited = places.iter().filter(|p| p.residents > 0).count();
            let board = rank_board(places);
            prop_assert_eq!(board.len(), inhabited);
            for (i, pair) in board.windows(2).enumerate() {
                prop_assert!(pair[0].participation_permille >= pair[1].participation_permille);
                prop_assert_eq!(pair[0].rank as usize, i + 1);
            }
            for e in &board {
                prop_assert!(e.participation_permille <= 1_000);
                prop_assert!(!(e.list == BoardList::Red && e.participation_permille == 0));
            }
            prop_assert!(board.iter().filter(|e| e.list == BoardList::Red).count() <= BOARD_LIST_SIZE);
            // A place on neither list never ranks at or below a black one's figures.
            for black in board.iter().filter(|e| e.list == BoardList::Black) {
                prop_assert!(board
                    .iter()
                    .filter(|e| e.list == BoardList::Neither)
                    .all(|e| board_key(e) > board_key(black)));
            }
            let blacks = board.iter().filter(|e| e.list == BoardList::Black).count();
            let reds = board.iter().filter(|e| e.list == BoardList::Red).count();
            prop_assert!(blacks >= BOARD_LIST_SIZE.min(board.len() - reds));
        }
    }
}
