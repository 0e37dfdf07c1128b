//! Figures of requests for a period (受理、办结、超期、满意度): exact counts, averages and the nearest-rank
//! 90th percentile, all together, per responsible unit and per category, and the same as a spreadsheet.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Status;
use crate::error::{DomainError, DomainResult, Field};
use crate::i18n::Lang;

/// One request, as the figures see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureInput {
    pub received_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    /// When it was last resolved, if it still is (a reopened request is not).
    pub resolved_at: Option<DateTime<Utc>>,
    pub status: Status,
    pub stars: Option<u8>,
}

/// The figures of a set of requests (a unit's, a category's) for a period.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Requests received (a request merged into another counts once, as the other).
    pub received: u32,
    /// Resolved or closed.
    pub completed: u32,
    /// `completed / received`, 0 when nothing was received.
    pub completion_rate: f64,
    /// From receipt to resolution, over the completed ones.
    pub avg_handling_seconds: Option<f64>,
    /// Nearest-rank 90th percentile of the same.
    pub p90_handling_seconds: Option<i64>,
    /// Resolved after the deadline, or still open past it.
    pub overdue: u32,
    pub overdue_rate: f64,
    pub rated: u32,
    pub avg_stars: Option<f64>,
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// When the request was completed: its last resolution, while it stands (a reopened request is not).
fn completed_at(status: Status, resolved_at: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    resolved_at.filter(|_| matches!(status, Status::Resolved | Status::Closed))
}

/// Overdue at `now`: completed after its deadline, or still open past it.
#[must_use]
pub fn is_overdue(
    status: Status,
    deadline: DateTime<Utc>,
    resolved_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    match completed_at(status, resolved_at) {
        Some(at) => at > deadline,
        None => status.is_open() && now > deadline,
    }
}

/// Figures at `now` for `items`.
#[must_use]
pub fn figures<'a>(
    items: impl IntoIterator<Item = &'a FigureInput>,
    now: DateTime<Utc>,
) -> Figures {
    let mut f = Figures::default();
    let mut handling: Vec<i64> = Vec::new();
    let mut stars_sum = 0u32;
    for item in items {
        if item.status == Status::Merged {
            continue;
        }
        f.received += 1;
        if let Some(at) = completed_at(item.status, item.resolved_at) {
            f.completed += 1;
            handling.push((at - item.received_at).num_seconds());
        }
        if is_overdue(item.status, item.deadline, item.resolved_at, now) {
            f.overdue += 1;
        }
        if let Some(s) = item.stars {
            f.rated += 1;
            stars_sum += u32::from(s);
        }
    }
    f.completion_rate = ratio(f.completed, f.received);
    f.overdue_rate = ratio(f.overdue, f.received);
    if !handling.is_empty() {
        let n = handling.len();
        let total: i64 = handling.iter().sum();
        #[allow(clippy::cast_precision_loss)]
        {
            f.avg_handling_seconds = Some(total as f64 / n as f64);
        }
        handling.sort_unstable();
        // Nearest rank: the smallest value with at least 90% of the values at or below it.
        let rank = (n * 9).div_ceil(10);
        f.p90_handling_seconds = handling.get(rank.saturating_sub(1)).copied();
    }
    if f.rated > 0 {
        f.avg_stars = Some(ratio(stars_sum, f.rated));
    }
    f
}

/// Days in a period of figures when none is given: the last 30, today included.
pub const PERIOD_DAYS_DEFAULT: i64 = 30;
/// The longest period of figures: three years.
pub const PERIOD_DAYS_MAX: i64 = 3 * 366;

/// The period of figures asked for, China dates both included: up to `to` (today by default), from
/// `from` (by default [`PERIOD_DAYS_DEFAULT`] days up to `to`). A period that ends before it starts or
/// spans more than [`PERIOD_DAYS_MAX`] days is refused.
pub fn period(
    today: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> DomainResult<(NaiveDate, NaiveDate)> {
    let to = to.unwrap_or(today);
    let from = from.unwrap_or(to - Duration::days(PERIOD_DAYS_DEFAULT - 1));
    if from > to || (to - from).num_days() > PERIOD_DAYS_MAX {
        return Err(DomainError::Invalid { field: Field::From });
    }
    Ok((from, to))
}

/// A group requests are counted under: a responsible unit or a category, by id, with its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub name: String,
}

/// One request of the period with the unit and the category it is counted under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted {
    pub unit: Group,
    pub category: Group,
    pub input: FigureInput,
}

/// The figures of one group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFigures {
    pub id: String,
    pub name: String,
    pub figures: Figures,
}

/// The figures of a period: all together, per unit and per category.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub total: Figures,
    pub by_unit: Vec<GroupFigures>,
    pub by_category: Vec<GroupFigures>,
}

/// The figures at `now` of each group `key` names, in the order of their names (groups named alike in
/// the order first met); a group is named as its first request names it.
fn grouped(
    items: &[Counted],
    key: fn(&Counted) -> &Group,
    now: DateTime<Utc>,
) -> Vec<GroupFigures> {
    let mut groups: Vec<&Group> = Vec::new();
    for item in items {
        let group = key(item);
        if !groups.iter().any(|g| g.id == group.id) {
            groups.push(group);
        }
    }
    groups.sort_by(|a, b| a.name.cmp(&b.name));
    groups
        .into_iter()
        .map(|g| GroupFigures {
            id: g.id.clone(),
            name: g.name.clone(),
            figures: figures(
                items.iter().filter(|i| key(i).id == g.id).map(|i| &i.input),
                now,
            ),
        })
        .collect()
}

/// The figures at `now` of a period's requests.
#[must_use]
pub fn report(items: &[Counted], now: DateTime<Utc>) -> Report {
    Report {
        total: figures(items.iter().map(|i| &i.input), now),
        by_unit: grouped(items, |i| &i.unit, now),
        by_category: grouped(items, |i| &i.category, now),
    }
}

/// The report as a spreadsheet (CSV, see [`crate::csv`]), headed in `lang`: one line for all requests,
/// then one per unit and one per category; durations in hours, rates in per cent.
#[must_use]
pub fn report_csv(report: &Report, lang: Lang) -> String {
    let zh = lang == Lang::ZhCn;
    let header = if zh {
        [
            "分组",
            "名称",
            "受理数",
            "办结数",
            "办结率",
            "平均办理时长(小时)",
            "90%办理时长(小时)",
            "超期数",
            "超期率",
            "评价数",
            "平均评分",
        ]
    } else {
        [
            "group",
            "name",
            "received",
            "completed",
            "completion rate",
            "average handling (hours)",
            "p90 handling (hours)",
            "overdue",
            "overdue rate",
            "rated",
            "average stars",
        ]
    };
    let mut rows = vec![header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    let hours = |s: f64| format!("{:.1}", s / 3600.0);
    let line = |group: &str, name: &str, x: &Figures| {
        vec![
            group.to_owned(),
            name.to_owned(),
            x.received.to_string(),
            x.completed.to_string(),
            format!("{:.2}%", x.completion_rate * 100.0),
            x.avg_handling_seconds.map(hours).unwrap_or_default(),
            #[allow(clippy::cast_precision_loss)]
            x.p90_handling_seconds
                .map(|s| hours(s as f64))
                .unwrap_or_default(),
            x.overdue.to_string(),
            format!("{:.2}%", x.overdue_rate * 100.0),
            x.rated.to_string(),
            x.avg_stars.map(|s| format!("{s:.2}")).unwrap_or_default(),
        ]
    };
    let (all, unit, category) = if zh {
        ("合计", "责任单位", "诉求大类")
    } else {
        ("total", "unit", "category")
    };
    rows.push(line(all, "", &report.total));
    for r in &report.by_unit {
        rows.push(line(unit, &r.name, &r.figures));
    }
    for r in &report.by_category {
        rows.push(line(category, &r.name, &r.figures));
    }
    crate::csv::write(&rows)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_790_000_000 + seconds, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn figures_of_a_small_set() {
        let req = |received: i64, took: Option<i64>, status, stars| FigureInput {
            received_at: at(received),
            deadline: at(received + 100),
            resolved_at: took.map(|t| at(received + t)),
            status,
            stars,
        };
        let items = [
            req(0, Some(50), Status::Closed, Some(5)),
            req(0, Some(150), Status::Closed, Some(2)),
            req(0, Some(10), Status::Resolved, None),
            req(0, None, Status::InProgress, None),
            req(0, None, Status::Merged, None),
            // Reopened: its old resolution does not count.
            req(0, Some(20), Status::InProgress, None),
        ];
        let f = figures(&items, at(60));
        assert_eq!(f.received, 5);
        assert_eq!(f.completed, 3);
        assert!((f.completion_rate - 0.6).abs() < f64::EPSILON);
        assert_eq!(f.avg_handling_seconds, Some(70.0));
        assert_eq!(f.p90_handling_seconds, Some(150));
        assert_eq!(f.overdue, 1);
        assert_eq!(f.rated, 2);
        assert_eq!(f.avg_stars, Some(3.5));
        // Later the two still open run past their deadline.
        assert_eq!(figures(&items, at(101)).overdue, 3);
        assert_eq!(figures(&[], at(0)), Figures::default());
    }

    fn group(id: &str, name: &str) -> Group {
        Group {
            id: id.into(),
            name: name.into(),
        }
    }

    /// A request received at `at(0)` and due at `at(100)`, resolved after `took` seconds if ever.
    fn counted(unit: &Group, category: &Group, took: Option<i64>, stars: Option<u8>) -> Counted {
        Counted {
            unit: unit.clone(),
            category: category.clone(),
            input: FigureInput {
                received_at: at(0),
                deadline: at(100),
                resolved_at: took.map(at),
                status: if took.is_some() {
                    Status::Closed
                } else {
                    Status::InProgress
                },
                stars,
            },
        }
    }

    #[test]
    fn a_report_groups_by_unit_and_by_category_in_the_order_of_names() {
        let (water, property) = (group("hdu_w", "自来水公司"), group("hdu_p", "幸福物业"));
        let (leak, light) = (group("rqc_l", "漏水"), group("rqc_d", "公共设施"));
        let items = [
            counted(&water, &leak, Some(50), Some(5)),
            counted(&property, &light, Some(150), Some(3)),
            counted(&property, &leak, None, None),
        ];
        let r = report(&items, at(200));
        assert_eq!(r.total.received, 3);
        assert_eq!(r.total.overdue, 2);
        let names = |gs: &[GroupFigures]| gs.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
        // Ordered by name (Unicode order of the characters), whatever order they came in.
        assert_eq!(names(&r.by_unit), ["幸福物业", "自来水公司"]);
        assert_eq!(names(&r.by_category), ["公共设施", "漏水"]);
        assert_eq!(r.by_unit[0].id, "hdu_p");
        assert_eq!(r.by_unit[0].figures.received, 2);
        assert_eq!(r.by_unit[0].figures.completed, 1);
        assert_eq!(r.by_unit[1].figures.avg_stars, Some(5.0));
        assert_eq!(r.by_category[1].figures.received, 2);
        assert_eq!(report(&[], at(0)), Report::default());
    }

    #[test]
    fn a_group_keeps_the_name_its_first_request_gives() {
        let renamed = group("hdu_p", "幸福物业（新）");
        let items = [
            counted(&group("hdu_p", "幸福物业"), &group("c", "c"), None, None),
            counted(&renamed, &group("c", "c"), None, None),
        ];
        let r = report(&items, at(0));
        assert_eq!(r.by_unit.len(), 1);
        assert_eq!(r.by_unit[0].name, "幸福物业");
    }

    #[test]
    fn the_period_is_the_last_thirty_days_unless_asked() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        let today = day(12, 31);
        assert_eq!(period(today, None, None), Ok((day(12, 2), today)));
        assert_eq!(
            period(today, None, Some(day(6, 30))),
            Ok((day(6, 1), day(6, 30)))
        );
        assert_eq!(period(today, Some(day(3, 1)), None), Ok((day(3, 1), today)));
        // One day is a period; a period ending before it starts is not.
        assert_eq!(period(today, Some(today), None), Ok((today, today)));
        let invalid = Err(DomainError::Invalid { field: Field::From });
        assert_eq!(period(today, Some(day(12, 31)), Some(day(12, 30))), invalid);
        // Three years, no more.
        let longest = today - Duration::days(PERIOD_DAYS_MAX);
        assert_eq!(period(today, Some(longest), None), Ok((longest, today)));
        assert_eq!(
            period(today, Some(longest - Duration::days(1)), None),
            invalid
        );
    }

    #[test]
    fn the_spreadsheet_in_either_language() {
        let unit = group("hdu_p", "幸福物业");
        let items = [
            counted(&unit, &group("rqc_d", "公共设施"), Some(7_200), Some(4)),
            counted(&unit, &group("rqc_d", "公共设施"), None, None),
        ];
        let r = report(&items, at(0));
        let zh = report_csv(&r, Lang::ZhCn);
        let lines: Vec<&str> = zh.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines,
            [
                "分组,名称,受理数,办结数,办结率,平均办理时长(小时),90%办理时长(小时),超期数,超期率,评价数,平均评分",
                "合计,,2,1,50.00%,2.0,2.0,1,50.00%,1,4.00",
                "责任单位,幸福物业,2,1,50.00%,2.0,2.0,1,50.00%,1,4.00",
                "诉求大类,公共设施,2,1,50.00%,2.0,2.0,1,50.00%,1,4.00",
            ]
        );
        let en = report_csv(&report(&[], at(0)), Lang::En);
        assert!(en.contains("group,name,received,completed,completion rate"));
        assert!(en.contains("total,,0,0,0.00%,,,0,0.00%,0,"));
    }

    proptest! {
        /// A thousand requests with known timings: request i takes (i mod 97) × 600 + 60 seconds, every
        /// seventh is still open, every fifth rated (i mod 5) + 1 stars.
        #[test]
        fn figures_of_a_thousand_requests_are_exact(offset in 0i64..1_000_000) {
            let items: Vec<FigureInput> = (0..1000i64)
                .map(|i| {
                    let took = (i % 97) * 600 + 60;
                    let open = i % 7 == 0;
                    FigureInput {
                        received_at: at(offset + i),
                        deadline: at(offset + i + 30_000),
                        resolved_at: (!open).then(|| at(offset + i + took)),
                        status: if open { Status::InProgress } else { Status::Closed },
                        stars: (i % 5 == 0).then(|| u8::try_from(i % 5 + 1).unwrap_or(1)),
                    }
                })
                .collect();
            let done: Vec<i64> = (0..1000i64).filter(|i| i % 7 != 0).map(|i| (i % 97) * 600 + 60).collect();
            let f = figures(&items, at(offset + 10_000_000));
            prop_assert_eq!(f.received, 1000);
            prop_assert_eq!(f.completed, u32::try_from(done.len()).unwrap_or(0));
            prop_assert_eq!(f.completed, 857);
            prop_assert_eq!(f.completion_rate, 857.0 / 1000.0);
            #[allow(clippy::cast_precision_loss)]
            let avg = done.iter().sum::<i64>() as f64 / done.len() as f64;
            prop_assert_eq!(f.avg_handling_seconds, Some(avg));
            let mut sorted = done.clone();
            sorted.sort_unstable();
            prop_assert_eq!(f.p90_handling_seconds, Some(sorted[(857usize * 9).div_ceil(10) - 1]));
            let late = (0..1000i64).filter(|i| i % 7 == 0 || (i % 97) * 600 + 60 > 30_000).count();
            prop_assert_eq!(f.overdue, u32::try_from(late).unwrap_or(0));
            prop_assert_eq!(f.rated, 200);
            prop_assert_eq!(f.avg_stars, Some(1.0));
        }

        /// Every request counts once in the total, once among the units and once among the categories.
        #[test]
        fn groups_add_up_to_the_total(rows in proptest::collection::vec((0u8..4, 0u8..3, proptest::option::of(0i64..300)), 0..40)) {
            let items: Vec<Counted> = rows
                .iter()
                .map(|(u, c, took)| counted(&group(&format!("u{u}"), &format!("单位{u}")), &group(&format!("c{c}"), &format!("类{c}")), *took, None))
                .collect();
            let r = report(&items, at(1_000));
            for groups in [&r.by_unit, &r.by_category] {
                prop_assert_eq!(groups.iter().map(|g| g.figures.received).sum::<u32>(), r.total.received);
                prop_assert_eq!(groups.iter().map(|g| g.figures.completed).sum::<u32>(), r.total.completed);
                prop_assert_eq!(groups.iter().map(|g| g.figures.overdue).sum::<u32>(), r.total.overdue);
                prop_assert!(groups.windows(2).all(|w| w[0].name <= w[1].name));
            }
        }
    }
}
