//! Importing a community's territory from a spreadsheet: one CSV row per household, naming its compound,
//! building, unit and door. The whole file is checked before anything is written; a file with any bad row
//! is refused with every row's error, so nothing is ever half-imported. Places that exist already (by
//! name, under the same parent) are reused, so importing the same file twice changes nothing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{PlaceKind, normalize_place_code, normalize_place_name};
use crate::error::{DomainError, DomainResult, Field};

/// Largest file accepted.
pub const IMPORT_MAX_BYTES: usize = 1024 * 1024;
/// Most households in one file.
pub const IMPORT_MAX_ROWS: usize = 20_000;
/// Most row errors reported for one file (the rest are counted).
pub const IMPORT_MAX_ERRORS: usize = 50;

/// The columns of the file; headers may be Chinese or English, in any order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Compound,
    CompoundCode,
    Building,
    BuildingCode,
    Unit,
    UnitCode,
    Household,
}

impl Column {
    const ALL: [Column; 7] = [
        Column::Compound,
        Column::CompoundCode,
        Column::Building,
        Column::BuildingCode,
        Column::Unit,
        Column::UnitCode,
        Column::Household,
    ];

    fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Compound => &["小区", "compound"],
            Column::CompoundCode => &["小区编码", "compound_code"],
            Column::Building => &["楼栋", "楼号", "building"],
            Column::BuildingCode => &["楼栋编码", "building_code"],
            Column::Unit => &["单元", "unit"],
            Column::UnitCode => &["单元编码", "unit_code"],
            Column::Household => &["门牌", "门牌号", "户", "房号", "household"],
        }
    }

    fn required(self) -> bool {
        matches!(
            self,
            Column::Compound | Column::Building | Column::Unit | Column::Household
        )
    }

    fn field(self) -> Field {
        match self {
            Column::Compound => Field::Compound,
            Column::Building => Field::Building,
            Column::Unit => Field::Unit,
            Column::Household => Field::Household,
            Column::CompoundCode | Column::BuildingCode | Column::UnitCode => Field::Code,
        }
    }
}

/// The code first given to each place (by kind and name path), with the line that gave it.
type CodesSeen = HashMap<(PlaceKind, Vec<String>), (Option<String>, usize)>;

/// The header line every template starts with.
pub const TEMPLATE_HEADER: &str = "小区,小区编码,楼栋,楼栋编码,单元,单元编码,门牌";

/// One household of the file, cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// 1-based line number in the file.
    pub line: usize,
    pub compound: (String, Option<String>),
    pub building: (String, Option<String>),
    pub unit: (String, Option<String>),
    pub household: String,
}

pub use crate::csv::RowError;

/// Reads and checks the whole file; every bad row is reported (up to [`IMPORT_MAX_ERRORS`]).
pub fn parse_csv(text: &str) -> Result<Vec<ImportRow>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file_error = |error| vec![RowError { line: 1, error }];
    if text.len() > IMPORT_MAX_BYTES {
        return Err(file_error(DomainError::PayloadTooLarge {
            max_bytes: IMPORT_MAX_BYTES,
        }));
    }
    let mut lines = crate::csv::records(text)
        .map_err(|line| {
            vec![RowError {
                line,
                error: DomainError::Invalid { field: Field::Csv },
            }]
        })?
        .into_iter();
    let Some((_, header)) = lines.next() else {
        return Err(file_error(DomainError::Required { field: Field::Csv }));
    };
    let mut index: HashMap<Column, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().to_lowercase();
        if let Some(col) = Column::ALL
            .into_iter()
            .find(|c| c.headers().contains(&name.as_str()))
        {
            index.insert(col, i);
        }
    }
    if let Some(missing) = Column::ALL
        .into_iter()
        .find(|c| c.required() && !index.contains_key(c))
    {
        return Err(file_error(DomainError::MissingColumn {
            field: missing.field(),
        }));
    }

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<[String; 4], usize> = HashMap::new();
    let mut codes: CodesSeen = HashMap::new();
    for (line, record) in lines {
        if rows.len() + errors.len() >= IMPORT_MAX_ROWS {
            errors.push(RowError {
                line,
                error: DomainError::TooManyRows {
                    max: IMPORT_MAX_ROWS,
                },
            });
            break;
        }
        match parse_row(line, &record, &index, &mut seen, &mut codes) {
            Ok(row) => rows.push(row),
            Err(error) => errors.push(RowError { line, error }),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(file_error(DomainError::Required { field: Field::Csv }));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        errors.truncate(IMPORT_MAX_ERRORS);
        Err(errors)
    }
}

fn parse_row(
    line: usize,
    record: &[String],
    index: &HashMap<Column, usize>,
    seen: &mut HashMap<[String; 4], usize>,
    codes: &mut CodesSeen,
) -> DomainResult<ImportRow> {
    let cell = |col: Column| -> &str {
        index
            .get(&col)
            .and_then(|&i| record.get(i))
            .map_or("", |s| s.as_str())
    };
    let name = |col: Column| normalize_place_name(cell(col), col.field());
    let compound = name(Column::Compound)?;
    let building = name(Column::Building)?;
    let unit = name(Column::Unit)?;
    let household = name(Column::Household)?;
    let compound_code = normalize_place_code(Some(cell(Column::CompoundCode)))?;
    let building_code = normalize_place_code(Some(cell(Column::BuildingCode)))?;
    let unit_code = normalize_place_code(Some(cell(Column::UnitCode)))?;

    let key = [
        compound.clone(),
        building.clone(),
        unit.clone(),
        household.clone(),
    ];
    if let Some(&first_line) = seen.get(&key) {
        return Err(DomainError::DuplicateRow { first_line });
    }
    // A place named on several rows must carry the same code on each (or none after the first).
    let place_codes = [
        (PlaceKind::Compound, key[..1].to_vec(), &compound_code),
        (PlaceKind::Building, key[..2].to_vec(), &building_code),
        (PlaceKind::Unit, key[..3].to_vec(), &unit_code),
    ];
    for (kind, path, code) in &place_codes {
        match codes.get(&(*kind, path.clone())) {
            Some((first, first_line)) if code.is_some() && first.is_some() && first != *code => {
                return Err(DomainError::ConflictingCode {
                    first_line: *first_line,
                });
            }
            Some(_) => {}
            None => {
                codes.insert((*kind, path.clone()), ((*code).clone(), line));
            }
        }
    }
    seen.insert(key, line);
    Ok(ImportRow {
        line,
        compound: (compound, compound_code),
        building: (building, building_code),
        unit: (unit, unit_code),
        household,
    })
}

/// A place that already exists in the community.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExistingPlace {
    pub kind: PlaceKind,
    pub id: String,
    pub parent_id: String,
    pub name: String,
    pub archived: bool,
}

/// A place the import creates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewPlace {
    pub kind: PlaceKind,
    pub id: String,
    pub parent_id: String,
    pub name: String,
    pub code: Option<String>,
}

/// What an import will write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub new_places: Vec<NewPlace>,
    /// Households of the file that exist already.
    pub existing_households: usize,
}

impl ImportPlan {
    #[must_use]
    pub fn count(&self, kind: PlaceKind) -> usize {
        self.new_places.iter().filter(|p| p.kind == kind).count()
    }
}

/// Matches the rows against the community's places: existing places are reused, the rest created with ids
/// from `new_id`. A row that would land in an archived place is an error (restore the place first).
pub fn plan_import(
    community_id: &str,
    rows: &[ImportRow],
    existing: &[ExistingPlace],
    mut new_id: impl FnMut(PlaceKind) -> String,
) -> Result<ImportPlan, Vec<RowError>> {
    let mut known: HashMap<(PlaceKind, String, String), (String, bool)> = existing
        .iter()
        .map(|p| {
            (
                (p.kind, p.parent_id.clone(), p.name.clone()),
                (p.id.clone(), p.archived),
            )
        })
        .collect();
    let mut plan = ImportPlan::default();
    let mut errors = Vec::new();
    for row in rows {
        let levels = [
            (PlaceKind::Compound, &row.compound.0, &row.compound.1),
            (PlaceKind::Building, &row.building.0, &row.building.1),
            (PlaceKind::Unit, &row.unit.0, &row.unit.1),
            (PlaceKind::Household, &row.household, &None),
        ];
        let mut parent = community_id.to_owned();
        for (kind, name, code) in levels {
            let key = (kind, parent.clone(), name.clone());
            match known.get(&key) {
                Some((_, true)) => {
                    errors.push(RowError {
                        line: row.line,
                        error: DomainError::PlaceArchived,
                    });
                    break;
                }
                Some((id, false)) => {
                    if kind == PlaceKind::Household {
                        plan.existing_households += 1;
                    }
                    parent = id.clone();
                }
                None => {
                    let id = new_id(kind);
                    plan.new_places.push(NewPlace {
                        kind,
                        id: id.clone(),
                        parent_id: parent.clone(),
                        name: name.clone(),
                        code: code.clone(),
                    });
                    known.insert(key, (id.clone(), false));
                    parent = id;
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        errors.truncate(IMPORT_MAX_ERRORS);
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\u{feff}小区,楼栋,单元,门牌\n\
        阳光小区,1号楼,1单元,101\n\
        阳光小区,1号楼,1单元,102\n\
        阳光小区,2号楼,1单元,101\n\
        \"幸福家园, 北区\",A座,2单元,1201\r\n";

    fn sequential_ids() -> impl FnMut(PlaceKind) -> String {
        let mut n = 0;
        move |kind| {
            n += 1;
            format!("{}_{n}", kind.id_prefix())
        }
    }

    #[test]
    fn a_good_file_gives_one_row_per_household() -> Result<(), Vec<RowError>> {
        let rows = parse_csv(GOOD)?;
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[3].compound.0, "幸福家园, 北区");
        assert_eq!(rows[3].household, "1201");
        Ok(())
    }

    #[test]
    fn english_headers_codes_and_any_order_are_accepted() -> Result<(), Vec<RowError>> {
        let rows =
            parse_csv("household,unit,building,compound,building_code\n301,1,B3,Sun,B-03\n")?;
        assert_eq!(rows[0].building, ("B3".into(), Some("B-03".into())));
        assert_eq!(rows[0].household, "301");
        Ok(())
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let file = "小区,楼栋,单元,门牌\n\
            阳光小区,1号楼,1单元,101\n\
            阳光小区,,1单元,102\n\
            阳光小区,1号楼,1单元,101\n\
            阳光小区,1号楼,1单元,\n";
        let errors = parse_csv(file).err().unwrap_or_default();
        assert_eq!(
            errors,
            vec![
                RowError {
                    line: 3,
                    error: DomainError::Required {
                        field: Field::Building
                    }
                },
                RowError {
                    line: 4,
                    error: DomainError::DuplicateRow { first_line: 2 }
                },
                RowError {
                    line: 5,
                    error: DomainError::Required {
                        field: Field::Household
                    }
                },
            ]
        );
    }

    #[test]
    fn broken_files_are_refused_as_a_whole() {
        let missing = parse_csv("小区,楼栋,门牌\nA,1,101\n")
            .err()
            .unwrap_or_default();
        assert_eq!(
            missing[0].error,
            DomainError::MissingColumn { field: Field::Unit }
        );
        let open_quote = parse_csv("小区,楼栋,单元,门牌\n\"A,1,1,101\n")
            .err()
            .unwrap_or_default();
        assert_eq!(
            open_quote[0].error,
            DomainError::Invalid { field: Field::Csv }
        );
        assert_eq!(open_quote[0].line, 2);
        let empty = parse_csv("小区,楼栋,单元,门牌\n\n")
            .err()
            .unwrap_or_default();
        assert_eq!(empty[0].error, DomainError::Required { field: Field::Csv });
        let codes = parse_csv("小区,楼栋,楼栋编码,单元,门牌\nA,1,X1,1,101\nA,1,X2,1,102\n")
            .err()
            .unwrap_or_default();
        assert_eq!(
            codes[0].error,
            DomainError::ConflictingCode { first_line: 2 }
        );
    }

    #[test]
    fn a_plan_reuses_existing_places_and_creates_the_rest() -> Result<(), Vec<RowError>> {
        let rows = parse_csv(GOOD)?;
        let existing = [
            ExistingPlace {
                kind: PlaceKind::Compound,
                id: "cpd_x".into(),
                parent_id: "com_1".into(),
                name: "阳光小区".into(),
                archived: false,
            },
            ExistingPlace {
                kind: PlaceKind::Building,
                id: "bld_x".into(),
                parent_id: "cpd_x".into(),
                name: "1号楼".into(),
                archived: false,
            },
        ];
        let plan = plan_import("com_1", &rows, &existing, sequential_ids())?;
        assert_eq!(plan.count(PlaceKind::Compound), 1, "幸福家园 is new");
        assert_eq!(plan.count(PlaceKind::Building), 2, "2号楼 and A座");
        assert_eq!(plan.count(PlaceKind::Unit), 3);
        assert_eq!(plan.count(PlaceKind::Household), 4);
        let unit = plan.new_places.iter().find(|p| p.kind == PlaceKind::Unit);
        assert_eq!(unit.map(|u| u.parent_id.as_str()), Some("bld_x"));

        // Importing the planned result again creates nothing.
        let mut after: Vec<ExistingPlace> = existing.to_vec();
        after.extend(plan.new_places.iter().map(|p| ExistingPlace {
            kind: p.kind,
            id: p.id.clone(),
            parent_id: p.parent_id.clone(),
            name: p.name.clone(),
            archived: false,
        }));
        let again = plan_import("com_1", &rows, &after, sequential_ids())?;
        assert!(again.new_places.is_empty());
        assert_eq!(again.existing_households, 4);
        Ok(())
    }

    #[test]
    fn rows_into_archived_places_are_refused() -> Result<(), Vec<RowError>> {
        let rows = parse_csv(GOOD)?;
        let existing = [ExistingPlace {
            kind: PlaceKind::Compound,
            id: "cpd_x".into(),
            parent_id: "com_1".into(),
            name: "阳光小区".into(),
            archived: true,
        }];
        let errors = plan_import("com_1", &rows, &existing, sequential_ids())
            .err()
            .unwrap_or_default();
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 3, 4]);
        Ok(())
    }
}
