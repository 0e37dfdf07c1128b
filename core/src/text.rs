//! Text typed by people. [`clean`] is the one rule every user text goes through the same way, at the
//! API's door: every string of every JSON body ([`clean_json`], which the worker applies before a body is
//! read into its type), every search, CSV cell and form field. It
//!
//! - refuses control characters (but keeps line breaks and tabs, which [`clean_line`] then refuses in a
//!   single line) and the characters that change the direction of text (right-to-left overrides,
//!   embeddings, isolates and marks), with which a name can be made to read as another;
//! - drops the invisible characters that make two equal-looking names differ (zero-width space, word
//!   joiner, byte-order mark, soft hyphen, Mongolian vowel separator); a zero-width joiner is kept only
//!   inside an emoji sequence (👨‍👩‍👧) and a zero-width non-joiner only between two letters of a script
//!   that needs it (Persian, the Indic scripts), never beside a Chinese character or an ASCII one;
//! - normalises to NFC, so that one word is stored, searched and compared as one sequence of characters.
//!
//! Then each area's titles, names, reasons and bodies go through [`clean_line`] or [`clean_text`]: trimmed,
//! required, bounded in characters (80 汉字 are 80). These two apply the same character rules (without the
//! normalisation, which the app does not need for its early checks), so the app refuses what the API would.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::error::{DomainError, DomainResult, Field};

/// What a character does to a text: kept, dropped, or the text refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    Keep,
    Drop,
    Refuse,
}

/// A character that changes the direction of the text around it.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// An invisible character that only makes two equal-looking texts differ.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{2061}'..='\u{2064}'
    )
}

/// A pictograph that may be joined into an emoji sequence, or a modifier of one.
fn is_emoji_part(c: char) -> bool {
    matches!(c,
        '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}')
}

/// A letter of a script that writes a zero-width non-joiner between letters (not Han, not ASCII).
fn joins_letters(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic() && !c.is_ascii() && !crate::pinyin::is_han(c))
}

fn fate(prev: Option<char>, c: char, next: Option<char>) -> Fate {
    match c {
        '\n' | '\t' | '\r' => Fate::Keep,
        '\u{200D}' if prev.is_some_and(is_emoji_part) && next.is_some_and(is_emoji_part) => {
            Fate::Keep
        }
        '\u{200C}' if joins_letters(prev) && joins_letters(next) => Fate::Keep,
        '\u{200C}' | '\u{200D}' => Fate::Drop,
        // Interlinear annotation marks: text hidden inside text.
        '\u{FFF9}'..='\u{FFFB}' => Fate::Refuse,
        c if c.is_control() || is_bidi_control(c) => Fate::Refuse,
        c if is_invisible(c) => Fate::Drop,
        _ => Fate::Keep,
    }
}

/// `s` with invisible characters dropped, or `None` when it holds one that is refused.
fn scrub(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Option<String> = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        match fate(prev, c, chars.get(i + 1).copied()) {
            Fate::Refuse => return None,
            Fate::Drop => {
                out.get_or_insert_with(|| chars[..i].iter().collect());
            }
            Fate::Keep => {
                if let Some(out) = out.as_mut() {
                    out.push(c);
                }
            }
        }
    }
    Some(out.map_or(std::borrow::Cow::Borrowed(s), std::borrow::Cow::Owned))
}

/// The one rule for user text (see the module's doc): invisible characters dropped, NFC; refused with
/// [`DomainError::UnfitCharacters`] naming `field` when it holds a control or direction character.
pub fn clean(s: &str, field: Field) -> DomainResult<String> {
    let scrubbed = scrub(s).ok_or(DomainError::UnfitCharacters { field })?;
    Ok(scrubbed.nfc().collect())
}

/// Every string in a JSON body through [`clean`], in place. A refusal names the field of the string's
/// key (or the key of the list holding it); a key that names no field is reported as [`Field::Text`].
pub fn clean_json(value: &mut Value) -> DomainResult<()> {
    clean_value(value, None)
}

fn clean_value(value: &mut Value, key: Option<&str>) -> DomainResult<()> {
    match value {
        Value::String(s) => {
            let field = key.and_then(Field::from_key).unwrap_or(Field::Text);
            let cleaned = clean(s, field)?;
            if cleaned != *s {
                *s = cleaned;
            }
            Ok(())
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| clean_value(v, key)),
        Value::Object(map) => map
            .iter_mut()
            .try_for_each(|(k, v)| clean_value(v, Some(k.as_str()))),
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
    }
}

/// The characters of a text the app checks before sending, as [`clean`] would (without normalising).
fn check_chars(s: &str, field: Field) -> DomainResult<String> {
    scrub(s)
        .map(std::borrow::Cow::into_owned)
        .ok_or(DomainError::UnfitCharacters { field })
}

/// A line of text: trimmed, required, at most `max` characters, no control or direction characters,
/// invisible ones dropped.
pub fn clean_line(input: &str, field: Field, max: usize) -> DomainResult<String> {
    let s = check_chars(input, field)?;
    let s = s.trim();
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
    let s = check_chars(input, field)?;
    let s = s.trim();
    if s.is_empty() {
        return Err(DomainError::Required { field });
    }
    if s.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
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
    use proptest::prelude::*;
    use serde_json::json;

    fn unfit(field: Field) -> DomainResult<String> {
        Err(DomainError::UnfitCharacters { field })
    }

    #[test]
    fn control_and_direction_characters_are_refused() {
        for bad in [
            "标题\u{0}",
            "a\u{7}b",
            "\u{1b}[31m红",
            "\u{202E}gnp.exe",
            "王\u{2066}芳",
            "\u{200F}x",
            "a\u{85}b",
            "x\u{FFF9}y",
        ] {
            assert_eq!(clean(bad, Field::Title), unfit(Field::Title), "{bad:?}");
            assert_eq!(
                clean_line(bad, Field::Name, 80),
                unfit(Field::Name),
                "{bad:?}"
            );
            assert_eq!(
                clean_text(bad, Field::Body, 80),
                unfit(Field::Body),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn line_breaks_are_kept_in_text_and_refused_in_a_line() {
        assert_eq!(
            clean("第一行\r\n第二行\t完", Field::Body).as_deref(),
            Ok("第一行\r\n第二行\t完")
        );
        assert_eq!(
            clean_text("第一行\r\n第二行", Field::Body, 80).as_deref(),
            Ok("第一行\n第二行")
        );
        assert_eq!(
            clean_line("第一行\n第二行", Field::Title, 80),
            Err(DomainError::Invalid {
                field: Field::Title
            })
        );
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(clean("王\u{200B}芳", Field::Name).as_deref(), Ok("王芳"));
        assert_eq!(
            clean("\u{FEFF}张\u{2060}三\u{00AD}", Field::Name).as_deref(),
            Ok("张三")
        );
        assert_eq!(clean("李\u{200D}四", Field::Name).as_deref(), Ok("李四"));
        assert_eq!(clean("ab\u{200C}cd", Field::Name).as_deref(), Ok("abcd"));
        assert_eq!(
            clean_line("  王\u{200B}芳 ", Field::Name, 2).as_deref(),
            Ok("王芳")
        );
        // Nothing left but invisible characters: nothing was typed.
        assert_eq!(
            clean_line("\u{200B}\u{200B}", Field::Name, 80),
            Err(DomainError::Required { field: Field::Name })
        );
    }

    #[test]
    fn joiners_that_a_script_or_an_emoji_needs_are_kept() {
        let family = "一家 👨\u{200D}👩\u{200D}👧";
        assert_eq!(clean(family, Field::Name).as_deref(), Ok(family));
        let persian = "می\u{200C}خواهم";
        assert_eq!(clean(persian, Field::Name).as_deref(), Ok(persian));
    }

    #[test]
    fn text_is_stored_in_nfc() {
        // e + combining acute; Hangul jamo; a CJK compatibility ideograph.
        assert_eq!(clean("Cafe\u{301}", Field::Name).as_deref(), Ok("Café"));
        assert_eq!(clean("\u{1100}\u{1161}", Field::Name).as_deref(), Ok("가"));
        assert_eq!(clean("\u{F900}", Field::Name).as_deref(), Ok("\u{8C48}"));
        assert_eq!(clean("楼道堆物", Field::Title).as_deref(), Ok("楼道堆物"));
    }

    #[test]
    fn every_string_of_a_body_is_cleaned_and_a_refusal_names_its_field() {
        let mut body = json!({
            "title": "楼道\u{200B}清理",
            "options": ["同意", "Cafe\u{301}"],
            "clauses": [{ "text": "不堆物" }],
            "passcode": "pass\u{200B}word",
            "limit": 5,
        });
        assert_eq!(clean_json(&mut body), Ok(()));
        assert_eq!(body["title"], "楼道清理");
        assert_eq!(body["options"][1], "Café");
        // A passcode too: it is cleaned the same way when it is set and when it is typed again.
        assert_eq!(body["passcode"], "password");
        for (bad, field) in [
            (json!({ "title": "a\u{0}" }), Field::Title),
            (json!({ "options": ["ok", "\u{202E}x"] }), Field::Options),
            (json!({ "a": { "name": "\u{7}" } }), Field::Name),
            (json!({ "unheard_of": "\u{1b}" }), Field::Text),
        ] {
            let mut bad = bad;
            assert_eq!(
                clean_json(&mut bad),
                Err(DomainError::UnfitCharacters { field })
            );
        }
    }

    proptest! {
        /// Cleaning is idempotent, never leaves a refused or dropped character, and keeps every other.
        #[test]
        fn cleaning_is_idempotent_and_leaves_nothing_unfit(s in "(?s).{0,40}") {
            if let Ok(once) = clean(&s, Field::Body) {
                prop_assert_eq!(clean(&once, Field::Body), Ok(once.clone()));
                prop_assert!(!once.chars().any(|c| is_bidi_control(c) || is_invisible(c)
                    || (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))));
            }
        }

        #[test]
        fn a_text_with_a_refused_character_anywhere_is_refused(
            a in "[a-z王芳 ]{0,8}", b in "[a-z王芳 ]{0,8}",
            bad in prop::sample::select(vec!['\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{202E}', '\u{2067}', '\u{200E}']),
        ) {
            let s = format!("{a}{bad}{b}");
            prop_assert_eq!(clean(&s, Field::Name), unfit(Field::Name));
        }
    }

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
