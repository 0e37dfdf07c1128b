//! Residents' requests (民生诉求): deadlines in working days on China's calendar, and the status of a
//! request from receipt to closing.
//!
//! Time limits count in working days or in hours. Working days follow the State Council's calendar:
//! Monday to Friday, except public holidays, plus the weekend days declared make-up workdays (调休). As
//! for administrative time limits, the day a request is received is not counted: a limit of N working
//! days ends at the end of the N-th working day after it (China Standard Time). A limit in hours is
//! counted on the clock, weekends included (a burst pipe does not wait for Monday).

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::csv::RowError;
use crate::error::{DomainError, DomainResult, Entity, Field};
use crate::ids::MemberId;
use crate::members::Actor;
use crate::text::{clean_line, clean_text};

/// The calendar of a district: public holidays and make-up workdays, as published each year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days that are working days (调休上班).
    pub workdays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    /// A calendar, refusing a day that is both a holiday and a make-up workday.
    pub fn new(
        holidays: impl IntoIterator<Item = NaiveDate>,
        workdays: impl IntoIterator<Item = NaiveDate>,
    ) -> DomainResult<WorkCalendar> {
        let calendar = WorkCalendar {
            holidays: holidays.into_iter().collect(),
            workdays: workdays.into_iter().collect(),
        };
        if calendar
            .holidays
            .intersection(&calendar.workdays)
            .next()
            .is_some()
        {
            return Err(DomainError::Invalid { field: Field::Days });
        }
        Ok(calendar)
    }

    #[must_use]
    pub fn is_workday(&self, day: NaiveDate) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        if self.holidays.contains(&day) {
            return false;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The `n`-th working day after `day` (`day` itself not counted); `day` when `n` is 0.
    #[must_use]
    pub fn add_workdays(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().unwrap_or(d);
            if self.is_workday(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `from` up to and including `to`.
    #[must_use]
    pub fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_workday(*d))
            .count()
            .try_into()
            .unwrap_or(u32::MAX)
    }
}

/// How long a unit has for a request of a subcategory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum TimeLimit {
    WorkingDays(u32),
    Hours(u32),
}

pub const WORKING_DAYS_MAX: u32 = 90;
pub const HOURS_MAX: u32 = 720;

impl TimeLimit {
    pub fn validate(self) -> DomainResult<TimeLimit> {
        let (n, max) = match self {
            TimeLimit::WorkingDays(n) => (n, WORKING_DAYS_MAX),
            TimeLimit::Hours(n) => (n, HOURS_MAX),
        };
        if (1..=max).contains(&n) {
            Ok(self)
        } else {
            Err(DomainError::OutOfRange {
                field: Field::Days,
                min: 1,
                max,
            })
        }
    }
}

pub use crate::time::{china, china_date, china_day_start};

/// When a request received at `received` must be resolved.
#[must_use]
pub fn deadline(
    received: DateTime<Utc>,
    limit: TimeLimit,
    calendar: &WorkCalendar,
) -> DateTime<Utc> {
    match limit {
        TimeLimit::Hours(h) => received + Duration::hours(i64::from(h)),
        TimeLimit::WorkingDays(n) => {
            let last = calendar.add_workdays(china_date(received), n);
            // The end of that day in China: the first instant of the next day, minus a second.
            last.succ_opt().map_or(received, |next| {
                china_day_start(next) - Duration::seconds(1)
            })
        }
    }
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Accepted,
    InProgress,
    Resolved,
    Closed,
    /// Not this unit's responsibility: sent on to the right one (首问负责).
    Returned,
    /// Joined to another request about the same trouble (并案).
    Merged,
}

/// What a unit or a resident does to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Accept,
    Start,
    Resolve,
    /// The resident confirms it fixed, or the confirmation time ran out.
    Close,
    /// The resident says it is not fixed.
    Reopen,
    Return,
    /// Staff send a returned request on to the unit it names, or another (改派).
    Reroute,
    Merge,
}

/// Where `t` takes a request in `status`.
pub fn next_status(status: Status, t: Transition) -> DomainResult<Status> {
    use Status::{Accepted, Closed, InProgress, Merged, Received, Resolved, Returned};
    match (t, status) {
        (Transition::Accept, Received) => Ok(Accepted),
        (Transition::Start, Accepted) => Ok(InProgress),
        (Transition::Resolve, Accepted | InProgress) => Ok(Resolved),
        (Transition::Close, Resolved) => Ok(Closed),
        (Transition::Reopen, Resolved) => Ok(InProgress),
        (Transition::Return, Received | Accepted) => Ok(Returned),
        (Transition::Reroute, Returned) => Ok(Received),
        (Transition::Merge, Received | Accepted | InProgress) => Ok(Merged),
        _ => Err(DomainError::RequestStatus),
    }
}

impl Status {
    /// Still waiting for work: what deadlines, escalation and "similar requests nearby" look at.
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Received | Status::Accepted | Status::InProgress | Status::Returned
        )
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Accepted => "accepted",
            Status::InProgress => "in_progress",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
            Status::Returned => "returned",
            Status::Merged => "merged",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Status> {
        [
            Status::Received,
            Status::Accepted,
            Status::InProgress,
            Status::Resolved,
            Status::Closed,
            Status::Returned,
            Status::Merged,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// Who may make a change: the members of the unit the request is with, the community's staff who
/// dispatch requests, or the resident who raised it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parties {
    pub handler: bool,
    pub dispatcher: bool,
    pub requester: bool,
}

/// Which party makes `t`: the unit accepts, works, resolves and returns; staff send a returned request
/// on and merge duplicates; only the resident confirms (closes) or reopens. Staff who also belong to
/// the unit are its handlers too.
pub fn may(t: Transition, parties: Parties) -> DomainResult<()> {
    let allowed = match t {
        Transition::Accept | Transition::Start | Transition::Resolve | Transition::Return => {
            parties.handler
        }
        Transition::Reroute | Transition::Merge => parties.dispatcher,
        Transition::Close | Transition::Reopen => parties.requester,
    };
    if allowed {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// Is `actor` among a unit's members?
#[must_use]
pub fn is_member_of(actor: &Actor, members: &[MemberId]) -> bool {
    actor.is_active() && members.contains(&actor.member)
}

/// How the resident judges the work when asked to confirm it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Fixed,
    Partly,
    NotFixed,
}

impl Outcome {
    /// "Not fixed" reopens the request; otherwise it closes.
    #[must_use]
    pub fn transition(self) -> Transition {
        match self {
            Outcome::NotFixed => Transition::Reopen,
            Outcome::Fixed | Outcome::Partly => Transition::Close,
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Fixed => "fixed",
            Outcome::Partly => "partly",
            Outcome::NotFixed => "not_fixed",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Outcome> {
        [Outcome::Fixed, Outcome::Partly, Outcome::NotFixed]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// Stars of a rating: 1 to 5, as for matters.
pub use crate::matters::check_stars;

/// How a request reached the community.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The resident, on her phone.
    App,
    /// Registered by staff from a phone call.
    Phone,
    /// Registered by staff from a visit.
    InPerson,
    /// Submitted by an Open311 client.
    Open311,
}

impl Channel {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::App => "app",
            Channel::Phone => "phone",
            Channel::InPerson => "in_person",
            Channel::Open311 => "open311",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Channel> {
        [
            Channel::App,
            Channel::Phone,
            Channel::InPerson,
            Channel::Open311,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// What kind of body a responsible unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 社区居委会 / 社区工作站.
    CommunityOffice,
    /// 物业公司.
    PropertyCompany,
    /// A department of the street office (城管、安监…).
    StreetDepartment,
    /// Water, power, gas, telecoms.
    Utility,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::CommunityOffice,
        UnitKind::PropertyCompany,
        UnitKind::StreetDepartment,
        UnitKind::Utility,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::CommunityOffice => "community_office",
            UnitKind::PropertyCompany => "property_company",
            UnitKind::StreetDepartment => "street_department",
            UnitKind::Utility => "utility",
        }
    }

    /// The Chinese name used in catalogue files.
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            UnitKind::CommunityOffice => "社区",
            UnitKind::PropertyCompany => "物业",
            UnitKind::StreetDepartment => "街道部门",
            UnitKind::Utility => "公用事业",
        }
    }

    /// Either name.
    #[must_use]
    pub fn parse(s: &str) -> Option<UnitKind> {
        let s = s.trim();
        UnitKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.zh() == s)
    }
}

/// How far an overdue request has been escalated: first to the community, then the street, then the
/// district.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Escalation {
    None,
    Community,
    Street,
    District,
}

/// Working days past the deadline after which an overdue request goes up to the street.
pub const STREET_AFTER_WORKDAYS: u32 = 2;
/// … and to the district.
pub const DISTRICT_AFTER_WORKDAYS: u32 = 5;

impl Escalation {
    #[must_use]
    pub fn level(self) -> u8 {
        match self {
            Escalation::None => 0,
            Escalation::Community => 1,
            Escalation::Street => 2,
            Escalation::District => 3,
        }
    }

    #[must_use]
    pub fn from_level(level: i64) -> Escalation {
        match level {
            i64::MIN..=0 => Escalation::None,
            1 => Escalation::Community,
            2 => Escalation::Street,
            _ => Escalation::District,
        }
    }
}

/// Where an open request due at `deadline` stands at `now`: not escalated while in time; the community
/// as soon as it is overdue; the street after [`STREET_AFTER_WORKDAYS`] more working days; the district
/// after [`DISTRICT_AFTER_WORKDAYS`].
#[must_use]
pub fn escalation(
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
    calendar: &WorkCalendar,
) -> Escalation {
    if now <= deadline {
        return Escalation::None;
    }
    let late = calendar.workdays_between(china_date(deadline), china_date(now));
    if late >= DISTRICT_AFTER_WORKDAYS {
        Escalation::District
    } else if late >= STREET_AFTER_WORKDAYS {
        Escalation::Street
    } else {
        Escalation::Community
    }
}

/// Days a resolved request waits for the resident's confirmation before it closes by itself.
pub const CONFIRM_DAYS_DEFAULT: u32 = 7;
pub const CONFIRM_DAYS_MAX: u32 = 30;

pub fn check_confirm_days(days: u32) -> DomainResult<u32> {
    if (1..=CONFIRM_DAYS_MAX).contains(&days) {
        Ok(days)
    } else {
        Err(DomainError::OutOfRange {
            field: Field::Days,
            min: 1,
            max: CONFIRM_DAYS_MAX,
        })
    }
}

/// When a request resolved at `resolved` closes if the resident says nothing.
#[must_use]
pub fn confirmation_ends(resolved: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    resolved + Duration::days(i64::from(days))
}

pub const NAME_MAX: usize = 40;
pub const DESCRIPTION_MAX: usize = 1000;
pub const NOTE_MAX: usize = 500;
pub const PLACE_MAX: usize = 60;
pub const LEGAL_BASIS_MAX: usize = 2000;
pub const STANDARD_MAX: usize = 2000;
pub const KEYWORDS_MAX: usize = 20;
pub const KEYWORD_MAX: usize = 20;

/// A subcategory as staff write it, cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubcategoryText {
    pub name: String,
    pub legal_basis: String,
    pub standard: String,
    pub keywords: Vec<String>,
    pub limit: TimeLimit,
}

impl SubcategoryText {
    /// Name required; legal basis and standard may be empty (to be filled in); keywords split on commas,
    /// 、, semicolons or spaces, deduplicated.
    pub fn clean(
        name: &str,
        legal_basis: &str,
        standard: &str,
        keywords: &str,
        limit: TimeLimit,
    ) -> DomainResult<SubcategoryText> {
        let optional = |s: &str, field, max| {
            if s.trim().is_empty() {
                Ok(String::new())
            } else {
                clean_text(s, field, max)
            }
        };
        Ok(SubcategoryText {
            name: clean_line(name, Field::Name, NAME_MAX)?,
            legal_basis: optional(legal_basis, Field::LegalBasis, LEGAL_BASIS_MAX)?,
            standard: optional(standard, Field::Standard, STANDARD_MAX)?,
            keywords: split_keywords(keywords)?,
            limit: limit.validate()?,
        })
    }
}

/// Keywords typed in one line.
pub fn split_keywords(s: &str) -> DomainResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for k in s.split([',', '，', '、', ';', '；', ' ', '\u{3000}']) {
        let k = k.trim();
        if k.is_empty() || out.iter().any(|o| o == k) {
            continue;
        }
        if k.chars().count() > KEYWORD_MAX {
            return Err(DomainError::TooLong {
                field: Field::Keywords,
                max: KEYWORD_MAX,
            });
        }
        out.push(k.to_owned());
    }
    if out.len() > KEYWORDS_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Keywords,
            min: 0,
            max: u32::try_from(KEYWORDS_MAX).unwrap_or(u32::MAX),
        });
    }
    Ok(out)
}

/// What the suggestion looks at for one subcategory.
#[derive(Clone, Copy, Debug)]
pub struct Suggestible<'a> {
    pub name: &'a str,
    pub category: &'a str,
    pub keywords: &'a [String],
}

/// The subcategories a resident's words point at, best first (at most five). A keyword found in the
/// text counts most, then the subcategory's name found whole, then the pairs of characters the name
/// shares with the text (Chinese words are mostly two characters: "路灯坏了" shares "路灯" with
/// "路灯损坏").
#[must_use]
pub fn suggest(text: &str, items: &[Suggestible<'_>]) -> Vec<usize> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Vec::new();
    }
    let pairs = |s: &str| -> Vec<String> {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        chars.windows(2).map(|w| w.iter().collect()).collect()
    };
    let mut scored: Vec<(u32, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut score = 0u32;
            for k in item.keywords {
                if text.contains(k.as_str()) {
                    score += 10 + u32::try_from(k.chars().count()).unwrap_or(0);
                }
            }
            if text.contains(item.name) {
                score += 8;
            }
            let shared = pairs(item.name)
                .iter()
                .chain(pairs(item.category).iter())
                .filter(|p| text.contains(p.as_str()))
                .count();
            score += 3 * u32::try_from(shared).unwrap_or(0);
            (score, i)
        })
        .filter(|(score, _)| *score > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(5).map(|(_, i)| i).collect()
}

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

/// One line of a catalogue file: a subcategory with its category and responsible unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueRow {
    pub line: usize,
    pub category: String,
    pub unit: String,
    pub unit_kind: UnitKind,
    pub text: SubcategoryText,
}

/// Columns of a catalogue file, Chinese headers first; English ones are read too.
const CATALOGUE_HEADERS: [(&str, &str); 9] = [
    ("大类", "category"),
    ("小类", "subcategory"),
    ("责任单位", "unit"),
    ("单位类型", "unit_kind"),
    ("时限", "limit"),
    ("时限单位", "limit_unit"),
    ("法规依据", "legal_basis"),
    ("办理标准", "standard"),
    ("关键词", "keywords"),
];

pub const CATALOGUE_MAX_BYTES: usize = 1024 * 1024;
pub const CATALOGUE_MAX_ROWS: usize = 2000;

fn limit_unit_parse(s: &str) -> Option<fn(u32) -> TimeLimit> {
    match s.trim() {
        "工作日" | "working_days" => Some(TimeLimit::WorkingDays),
        "小时" | "hours" => Some(TimeLimit::Hours),
        _ => None,
    }
}

/// Reads a whole catalogue file; every bad row is reported with its line, and nothing is taken when
/// any row is bad. A subcategory appears once per category; a unit has one kind.
pub fn parse_catalogue_csv(text: &str) -> Result<Vec<CatalogueRow>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file_error = |error| vec![RowError { line: 1, error }];
    if text.len() > CATALOGUE_MAX_BYTES {
        return Err(file_error(DomainError::PayloadTooLarge {
            max_bytes: CATALOGUE_MAX_BYTES,
        }));
    }
    let records = crate::csv::records(text).map_err(|line| {
        vec![RowError {
            line,
            error: DomainError::Invalid { field: Field::Csv },
        }]
    })?;
    let mut lines = records.into_iter();
    let Some((_, header)) = lines.next() else {
        return Err(file_error(DomainError::Required { field: Field::Csv }));
    };
    let mut columns = [usize::MAX; 9];
    for (i, (zh, en)) in CATALOGUE_HEADERS.iter().enumerate() {
        match header
            .iter()
            .position(|h| h.trim() == *zh || h.trim().eq_ignore_ascii_case(en))
        {
            Some(at) => columns[i] = at,
            None => return Err(file_error(DomainError::Invalid { field: Field::Csv })),
        }
    }
    let mut rows: Vec<CatalogueRow> = Vec::new();
    let mut errors: Vec<RowError> = Vec::new();
    for (line, record) in lines {
        let cell = |i: usize| {
            crate::csv::unguard(record.get(columns[i]).map_or("", String::as_str).trim()).to_owned()
        };
        let row = (|| -> DomainResult<CatalogueRow> {
            let category = clean_line(&cell(0), Field::Category, NAME_MAX)?;
            let unit = clean_line(&cell(2), Field::HandlingUnit, NAME_MAX)?;
            let unit_kind =
                UnitKind::parse(&cell(3)).ok_or(DomainError::Invalid { field: Field::Kind })?;
            let value: u32 = cell(4).parse().map_err(|_| DomainError::Invalid {
                field: Field::TimeLimit,
            })?;
            let limit = limit_unit_parse(&cell(5)).ok_or(DomainError::Invalid {
                field: Field::TimeLimit,
            })?(value);
            let text = SubcategoryText::clean(&cell(1), &cell(6), &cell(7), &cell(8), limit)
                .map_err(|e| match e {
                    DomainError::Required { field: Field::Name } => DomainError::Required {
                        field: Field::Subcategory,
                    },
                    other => other,
                })?;
            Ok(CatalogueRow {
                line,
                category,
                unit,
                unit_kind,
                text,
            })
        })();
        match row {
            Ok(row) => {
                let duplicate = rows
                    .iter()
                    .find(|r| r.category == row.category && r.text.name == row.text.name)
                    .map(|r| r.line);
                let other_kind = rows
                    .iter()
                    .any(|r| r.unit == row.unit && r.unit_kind != row.unit_kind);
                if let Some(first_line) = duplicate {
                    errors.push(RowError {
                        line,
                        error: DomainError::DuplicateRow { first_line },
                    });
                } else if other_kind {
                    errors.push(RowError {
                        line,
                        error: DomainError::Invalid { field: Field::Kind },
                    });
                } else {
                    rows.push(row);
                }
            }
            Err(error) => errors.push(RowError { line, error }),
        }
        if errors.len() >= 20 {
            break;
        }
    }
    if rows.len() > CATALOGUE_MAX_ROWS {
        return Err(file_error(DomainError::OutOfRange {
            field: Field::Csv,
            min: 1,
            max: u32::try_from(CATALOGUE_MAX_ROWS).unwrap_or(u32::MAX),
        }));
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(file_error(DomainError::Required { field: Field::Csv }));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// The catalogue as a file that [`parse_catalogue_csv`] reads back.
#[must_use]
pub fn catalogue_csv(rows: &[CatalogueRow]) -> String {
    let mut out: Vec<Vec<String>> = vec![
        CATALOGUE_HEADERS
            .iter()
            .map(|(zh, _)| (*zh).to_owned())
            .collect(),
    ];
    for r in rows {
        let (value, unit) = match r.text.limit {
            TimeLimit::WorkingDays(n) => (n, "工作日"),
            TimeLimit::Hours(n) => (n, "小时"),
        };
        out.push(vec![
            r.category.clone(),
            r.text.name.clone(),
            r.unit.clone(),
            r.unit_kind.zh().to_owned(),
            value.to_string(),
            unit.to_owned(),
            r.text.legal_basis.clone(),
            r.text.standard.clone(),
            r.text.keywords.join("、"),
        ]);
    }
    crate::csv::write(&out)
}

/// A request's location: a building or a unit of the territory, or a free place description (a
/// street corner, the car park), or both.
pub fn check_location(has_place_ref: bool, place: Option<&str>) -> DomainResult<Option<String>> {
    let place = match place.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => Some(clean_line(p, Field::Place, PLACE_MAX)?),
        None => None,
    };
    if !has_place_ref && place.is_none() {
        return Err(DomainError::Required {
            field: Field::Place,
        });
    }
    Ok(place)
}

/// The request was not found, for routes that name it.
#[must_use]
pub fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Request,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    /// A National Day holiday shaped like the published ones: 1–8 October off, Sunday 27 September and
    /// Saturday 10 October worked.
    fn national_day_2026() -> WorkCalendar {
        WorkCalendar::new(
            (1..=8).map(|day| d(2026, 10, day)),
            [d(2026, 9, 27), d(2026, 10, 10)],
        )
        .unwrap_or_default()
    }

    fn at_china(y: i32, m: u32, day: u32, h: u32) -> DateTime<Utc> {
        china()
            .with_ymd_and_hms(y, m, day, h, 0, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn weekends_holidays_and_make_up_days() {
        let cal = national_day_2026();
        assert!(cal.is_workday(d(2026, 9, 30))); // Wednesday
        assert!(!cal.is_workday(d(2026, 10, 5))); // a Monday of the holiday
        assert!(cal.is_workday(d(2026, 10, 10))); // a Saturday worked
        assert!(cal.is_workday(d(2026, 9, 27))); // a Sunday worked
        assert!(!cal.is_workday(d(2026, 10, 11))); // Sunday
        // Received Wednesday 30 September: the holiday is skipped; Saturday 10 October is worked.
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 1), d(2026, 10, 9));
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 2), d(2026, 10, 10));
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 3), d(2026, 10, 12));
        // Received Friday 25 September: Sunday 27 is worked.
        assert_eq!(cal.add_workdays(d(2026, 9, 25), 1), d(2026, 9, 27));
        // A plain week: Friday + 3 working days is Wednesday.
        let plain = WorkCalendar::default();
        assert_eq!(plain.add_workdays(d(2026, 11, 27), 3), d(2026, 12, 2));
        assert!(WorkCalendar::new([d(2026, 10, 1)], [d(2026, 10, 1)]).is_err());
    }

    #[test]
    fn deadlines_end_at_the_end_of_the_day_in_china() {
        let cal = national_day_2026();
        // Received at 23:00 on 30 September, China time: the holiday starts the next day.
        let received = at_china(2026, 9, 30, 23);
        let due = deadline(received, TimeLimit::WorkingDays(1), &cal);
        assert_eq!(due, at_china(2026, 10, 10, 0) - Duration::seconds(1));
        assert_eq!(
            deadline(received, TimeLimit::WorkingDays(2), &cal),
            at_china(2026, 10, 11, 0) - Duration::seconds(1)
        );
        // Hours run on the clock, through the holiday.
        assert_eq!(
            deadline(received, TimeLimit::Hours(24), &cal),
            at_china(2026, 10, 1, 23)
        );
        assert!(TimeLimit::WorkingDays(0).validate().is_err());
        assert!(TimeLimit::Hours(721).validate().is_err());
        assert_eq!(
            TimeLimit::WorkingDays(5).validate(),
            Ok(TimeLimit::WorkingDays(5))
        );
    }

    #[test]
    fn statuses() {
        use Status::*;
        assert_eq!(next_status(Received, Transition::Accept), Ok(Accepted));
        assert_eq!(next_status(Resolved, Transition::Reopen), Ok(InProgress));
        assert_eq!(next_status(Resolved, Transition::Close), Ok(Closed));
        assert!(next_status(Received, Transition::Resolve).is_err());
        assert!(next_status(Closed, Transition::Reopen).is_err());
        assert!(next_status(InProgress, Transition::Return).is_err());
    }

    const ALL_STATUSES: [Status; 7] = [
        Status::Received,
        Status::Accepted,
        Status::InProgress,
        Status::Resolved,
        Status::Closed,
        Status::Returned,
        Status::Merged,
    ];
    const ALL_TRANSITIONS: [Transition; 8] = [
        Transition::Accept,
        Transition::Start,
        Transition::Resolve,
        Transition::Close,
        Transition::Reopen,
        Transition::Return,
        Transition::Reroute,
        Transition::Merge,
    ];

    #[test]
    fn the_whole_status_table() {
        use Status::*;
        // Rows follow ALL_STATUSES; columns ALL_TRANSITIONS; "." refused, else the letter of the result:
        // r received, a accepted, i in progress, s resolved, c closed, t returned, m merged.
        let table = [
            (Received, "a....t.m"),
            (Accepted, ".is..t.m"),
            (InProgress, "..s....m"),
            (Resolved, "...ci..."),
            (Closed, "........"),
            (Returned, "......r."),
            (Merged, "........"),
        ];
        let letter = |s: Status| match s {
            Received => 'r',
            Accepted => 'a',
            InProgress => 'i',
            Resolved => 's',
            Closed => 'c',
            Returned => 't',
            Merged => 'm',
        };
        for (status, row) in table {
            for (t, expected) in ALL_TRANSITIONS.iter().zip(row.chars()) {
                let got = next_status(status, *t).map_or('.', letter);
                assert_eq!(got, expected, "{status:?} / {t:?}");
            }
        }
        for s in ALL_STATUSES {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        // Closed and merged are ends; everything else can still move.
        for s in ALL_STATUSES {
            let moves = ALL_TRANSITIONS.iter().any(|t| next_status(s, *t).is_ok());
            assert_eq!(moves, !matches!(s, Closed | Merged), "{s:?}");
        }
    }

    #[test]
    fn each_change_belongs_to_one_party() {
        let only = |handler, dispatcher, requester| Parties {
            handler,
            dispatcher,
            requester,
        };
        for t in ALL_TRANSITIONS {
            let allowed: Vec<bool> = [
                only(true, false, false),
                only(false, true, false),
                only(false, false, true),
            ]
            .into_iter()
            .map(|p| may(t, p).is_ok())
            .collect();
            let expected = match t {
                Transition::Accept
                | Transition::Start
                | Transition::Resolve
                | Transition::Return => [true, false, false],
                Transition::Reroute | Transition::Merge => [false, true, false],
                Transition::Close | Transition::Reopen => [false, false, true],
            };
            assert_eq!(allowed, expected, "{t:?}");
            assert!(may(t, Parties::default()).is_err());
        }
        assert_eq!(Outcome::NotFixed.transition(), Transition::Reopen);
        assert_eq!(Outcome::Partly.transition(), Transition::Close);
        assert!(check_stars(0).is_err() && check_stars(6).is_err() && check_stars(5).is_ok());
    }

    #[test]
    fn overdue_requests_go_up_one_level_after_another() {
        let cal = national_day_2026();
        // Due at the end of Tuesday 29 September.
        let due = at_china(2026, 9, 30, 0) - Duration::seconds(1);
        assert_eq!(escalation(due, due, &cal), Escalation::None);
        assert_eq!(
            escalation(due, due + Duration::seconds(1), &cal),
            Escalation::Community
        );
        // Wednesday 30 is one working day late, then the holiday: still the community's on 8 October.
        assert_eq!(
            escalation(due, at_china(2026, 10, 8, 12), &cal),
            Escalation::Community
        );
        // Friday 9 October is the second working day late.
        assert_eq!(
            escalation(due, at_china(2026, 10, 9, 9), &cal),
            Escalation::Street
        );
        // 30 Sep, 9, 10 (worked Saturday), 12, 13 October: five working days.
        assert_eq!(
            escalation(due, at_china(2026, 10, 12, 9), &cal),
            Escalation::Street
        );
        assert_eq!(
            escalation(due, at_china(2026, 10, 13, 9), &cal),
            Escalation::District
        );
        for e in [
            Escalation::None,
            Escalation::Community,
            Escalation::Street,
            Escalation::District,
        ] {
            assert_eq!(Escalation::from_level(i64::from(e.level())), e);
        }
    }

    #[test]
    fn suggestions_follow_the_residents_words() {
        let kw = |ks: &[&str]| ks.iter().map(|k| (*k).to_owned()).collect::<Vec<_>>();
        let light = kw(&["路灯", "灯不亮"]);
        let cover = kw(&["井盖"]);
        let noise = kw(&["噪音", "施工"]);
        let items = [
            Suggestible {
                name: "路灯损坏",
                category: "公共设施",
                keywords: &light,
            },
            Suggestible {
                name: "井盖缺失破损",
                category: "公共设施",
                keywords: &cover,
            },
            Suggestible {
                name: "夜间施工噪音",
                category: "噪音扰民",
                keywords: &noise,
            },
        ];
        assert_eq!(
            suggest("3号楼门口的路灯坏了，晚上很黑", &items).first(),
            Some(&0)
        );
        assert_eq!(suggest("楼下井盖没了 很危险", &items), vec![1]);
        assert_eq!(suggest("晚上十一点还在施工", &items).first(), Some(&2));
        assert!(suggest("   ", &items).is_empty());
        assert!(suggest("邻居送了我一盆花", &items).is_empty());
    }

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

    #[test]
    fn a_catalogue_file_reads_back_what_was_written() -> Result<(), Vec<RowError>> {
        let file = "大类,小类,责任单位,单位类型,时限,时限单位,法规依据,办理标准,关键词\n\
            公共设施,路灯损坏,幸福物业,物业,3,工作日,\"《物业管理条例》第三十五条\",修复并亮灯,路灯、灯不亮\n\
            安全隐患,燃气泄漏,燃气公司,公用事业,2,小时,,到场处置,燃气 煤气\n";
        let rows = parse_catalogue_csv(file)?;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].text.limit, TimeLimit::WorkingDays(3));
        assert_eq!(rows[0].text.keywords, vec!["路灯", "灯不亮"]);
        assert_eq!(rows[1].unit_kind, UnitKind::Utility);
        assert_eq!(rows[1].text.limit, TimeLimit::Hours(2));
        let again = parse_catalogue_csv(&catalogue_csv(&rows))?;
        let strip = |rs: Vec<CatalogueRow>| {
            rs.into_iter()
                .map(|r| (r.category, r.unit, r.unit_kind, r.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(again), strip(rows));
        let english = "category,subcategory,unit,unit_kind,limit,limit_unit,legal_basis,standard,keywords\n\
            Facilities,Broken light,=Office,community_office,1,hours,,,\n";
        let rows = parse_catalogue_csv(english)?;
        let again = parse_catalogue_csv(&catalogue_csv(&rows))?;
        assert_eq!(again[0].unit, "=Office");
        Ok(())
    }

    #[test]
    fn a_bad_catalogue_file_is_refused_with_its_lines() {
        let file = "大类,小类,责任单位,单位类型,时限,时限单位,法规依据,办理标准,关键词\n\
            公共设施,路灯损坏,幸福物业,物业,3,工作日,,,\n\
            公共设施,路灯损坏,幸福物业,物业,3,工作日,,,\n\
            公共设施,井盖,幸福物业,社区,3,工作日,,,\n\
            公共设施,绿化,园林所,街道部门,0,工作日,,,\n\
            公共设施,树木,园林所,街道部门,3,周,,,\n\
            ,无大类,园林所,街道部门,3,工作日,,,\n";
        let errors = parse_catalogue_csv(file).err().unwrap_or_default();
        let lines: Vec<(usize, DomainError)> =
            errors.into_iter().map(|e| (e.line, e.error)).collect();
        assert_eq!(
            lines,
            vec![
                (3, DomainError::DuplicateRow { first_line: 2 }),
                (4, DomainError::Invalid { field: Field::Kind }),
                (
                    5,
                    DomainError::OutOfRange {
                        field: Field::Days,
                        min: 1,
                        max: WORKING_DAYS_MAX
                    }
                ),
                (
                    6,
                    DomainError::Invalid {
                        field: Field::TimeLimit
                    }
                ),
                (
                    7,
                    DomainError::Required {
                        field: Field::Category
                    }
                ),
            ]
        );
        assert!(parse_catalogue_csv("大类,小类\n公共设施,路灯\n").is_err());
        assert!(parse_catalogue_csv("").is_err());
    }

    proptest! {
        #[test]
        fn the_nth_working_day_is_a_working_day_n_working_days_later(
            start in 0i64..3_000, n in 1u32..60, holidays in proptest::collection::vec(0i64..3_100, 0..40)
        ) {
            let base = d(2025, 1, 1);
            let cal = WorkCalendar::new(
                holidays.iter().map(|h| base + Duration::days(*h)),
                std::iter::empty(),
            ).unwrap_or_default();
            let from = base + Duration::days(start);
            let due = cal.add_workdays(from, n);
            prop_assert!(cal.is_workday(due));
            prop_assert!(due > from);
            prop_assert_eq!(cal.workdays_between(from, due), n);
        }

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
    }
}
