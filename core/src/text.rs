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
