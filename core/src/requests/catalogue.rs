//! The catalogue (诉求目录): categories, subcategories with their responsible unit, time limit, legal
//! basis, standard and keywords; the suggestion of a subcategory from a resident's words; and the
//! catalogue as a spreadsheet file, read and written.

use super::{KEYWORD_MAX, KEYWORDS_MAX, LEGAL_BASIS_MAX, NAME_MAX, STANDARD_MAX, TimeLimit};
use crate::csv::RowError;
use crate::error::{DomainError, DomainResult, Field};
use crate::text::{clean_line, clean_text};
use serde::{Deserialize, Serialize};

/// What kind of body a responsible unit is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::WORKING_DAYS_MAX;

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
}
