//! Text typed by people: trimmed, required, bounded in characters (80 汉字 are 80), free of control
//! characters. Every area's titles, names, reasons and bodies go through these two.

use crate::error::{DomainError, DomainResult, Field};

/// A line of text: trimmed, required, at most `max` characters, no control characters.
pub fn clean_line(input: &str, field: Field, max: usize) -> DomainResult<String> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DomainError::Required { field });
    }
    if s.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
    }
    if s.chars().any(char::is_control) {
        return Err(DomainError::Invalid { field });
    }
    Ok(s.to_owned())
}

/// Free text over several lines: as [`clean_line`], but line breaks and tabs are kept (CRLF made LF).
pub fn clean_text(input: &str, field: Field, max: usize) -> DomainResult<String> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DomainError::Required { field });
    }
    if s.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
    }
    if s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(DomainError::Invalid { field });
    }
    Ok(s.replace("\r\n", "\n"))
}

/// The words of a search box: what was typed, split at white space (an ideographic space `　` too) and at
/// control characters, which no stored text holds. A record is found when it holds every word.
#[must_use]
pub fn search_words(typed: &str) -> Vec<&str> {
    typed
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `text` holds every one of `words`, letters' case aside (as the worker's search reads them).
#[must_use]
pub fn has_words(text: &str, words: &[&str]) -> bool {
    let text = text.to_lowercase();
    words.iter().all(|w| text.contains(&w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_split_at_any_space_and_keep_everything_else() {
        assert_eq!(
            search_words("  停车场  照明\t改造 "),
            ["停车场", "照明", "改造"]
        );
        assert_eq!(
            search_words("东门　充电棚"),
            ["东门", "充电棚"],
            "an ideographic space"
        );
        assert_eq!(search_words("a\u{0}b"), ["a", "b"]);
        assert_eq!(
            search_words("\"x\" NEAR(a b) -c d:e ^f g*"),
            ["\"x\"", "NEAR(a", "b)", "-c", "d:e", "^f", "g*"]
        );
        assert!(search_words(" \u{3000} ").is_empty());
    }

    #[test]
    fn has_words_needs_every_word_and_ignores_case() {
        assert!(has_words("小区停车收费调整 Parking", &["停车", "parking"]));
        assert!(!has_words("小区停车收费调整", &["停车", "充电"]));
        assert!(has_words("任何标题", &[]));
    }
}
