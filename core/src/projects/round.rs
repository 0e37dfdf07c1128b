//! A round's own words: its title and categories, and the needs residents post in it.

use crate::error::{DomainError, DomainResult, Field};
use crate::text::{clean_line, clean_text};

pub const TITLE_MAX: usize = 40;
pub const CATEGORY_MAX: usize = 12;
/// A round has 1 to 12 categories.
pub const CATEGORIES_MAX: usize = 12;
pub const NEED_TITLE_MAX: usize = 40;
pub const NEED_DESCRIPTION_MAX: usize = 1_000;
pub const PLACE_MAX: usize = 60;

/// The categories most rounds use (the Gusu model's), which staff start from and may change or add to.
pub const USUAL_CATEGORIES: [&str; 5] = ["为老服务", "文化活动", "环境美化", "自我管理", "青少年"];

/// A round's categories, cleaned: 1 to [`CATEGORIES_MAX`], each named, none twice.
pub fn check_categories(categories: &[String]) -> DomainResult<Vec<String>> {
    if categories.is_empty() || categories.len() > CATEGORIES_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Categories,
            min: 1,
            max: CATEGORIES_MAX as u32,
        });
    }
    let mut clean: Vec<String> = Vec::with_capacity(categories.len());
    for c in categories {
        let c = clean_line(c, Field::Categories, CATEGORY_MAX)?;
        if clean.contains(&c) {
            return Err(DomainError::Invalid {
                field: Field::Categories,
            });
        }
        clean.push(c);
    }
    Ok(clean)
}

/// A need as posted, cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedText {
    pub title: String,
    pub description: String,
    pub category: String,
    pub place: Option<String>,
}

/// Cleans a need: a title, a description, one of the round's categories and, if given, a place in words.
pub fn check_need(
    title: &str,
    description: &str,
    category: &str,
    place: Option<&str>,
    categories: &[String],
) -> DomainResult<NeedText> {
    let title = clean_line(title, Field::Title, NEED_TITLE_MAX)?;
    let description = clean_text(description, Field::Description, NEED_DESCRIPTION_MAX)?;
    let category = category.trim();
    if !categories.iter().any(|c| c == category) {
        return Err(DomainError::Invalid {
            field: Field::Category,
        });
    }
    let place = match place.map(str::trim) {
        Some(p) if !p.is_empty() => Some(clean_line(p, Field::PlaceText, PLACE_MAX)?),
        _ => None,
    };
    Ok(NeedText {
        title,
        description,
        category: category.to_owned(),
        place,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn categories_are_named_once_each() {
        assert_eq!(
            check_categories(&owned(&[" 为老服务 ", "文化活动"])),
            Ok(owned(&["为老服务", "文化活动"]))
        );
        assert!(check_categories(&[]).is_err());
        assert_eq!(
            check_categories(&owned(&["为老服务", "为老服务"])),
            Err(DomainError::Invalid {
                field: Field::Categories
            })
        );
        assert!(check_categories(&owned(&[""])).is_err());
        assert!(check_categories(&owned(&["一二三四五六七八九十一二三"])).is_err());
        assert!(check_categories(&vec!["甲".to_owned(); CATEGORIES_MAX + 1]).is_err());
    }

    #[test]
    fn a_need_names_one_of_the_rounds_categories() {
        let categories = owned(&USUAL_CATEGORIES);
        let need = check_need(
            " 楼道装扶手 ",
            "老人上下楼不方便。",
            "为老服务",
            Some(" "),
            &categories,
        );
        assert_eq!(
            need.map(|n| (n.title, n.place)),
            Ok(("楼道装扶手".to_owned(), None))
        );
        assert_eq!(
            check_need("楼道装扶手", "说明", "停车", None, &categories),
            Err(DomainError::Invalid {
                field: Field::Category
            })
        );
        assert!(matches!(
            check_need("", "说明", "为老服务", None, &categories),
            Err(DomainError::Required {
                field: Field::Title
            })
        ));
        assert!(check_need("标题", "说明", "为老服务", Some("3号楼东侧"), &categories).is_ok());
    }
}
