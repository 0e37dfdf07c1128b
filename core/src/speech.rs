//! Reading a text aloud (朗读) for residents who see or read poorly: how a text is cut into short
//! utterances, which language each is in, and which of the phone's voices reads it. The app hands the
//! utterances to the browser's speech synthesis; nothing here touches the browser.
//!
//! Each sentence is its own utterance: a long one is stopped early by some engines, and a short one lets
//! a Chinese sentence inside an English page be read by a Chinese voice instead of an English voice
//! spelling out characters it cannot read.

use crate::i18n::Lang;

/// The longest utterance, in characters: a Chinese voice reads it in about fifteen seconds.
pub const MAX_CHARS: usize = 80;

/// A piece of text to be read, and the language of the voice that can read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utterance {
    pub lang: Lang,
    pub text: String,
}

fn han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The text as utterances, sentence by sentence: one with a Chinese character is read in Chinese,
/// any other in the page's language; pieces with nothing to say (a bullet, a dash) are left out.
#[must_use]
pub fn utterances(text: &str, page: Lang) -> Vec<Utterance> {
    let mut out = Vec::new();
    let mut push = |sentence: &str| {
        for piece in cut(without_bullet(sentence.trim())) {
            if piece.chars().any(|c| c.is_alphanumeric()) {
                let lang = if piece.chars().any(han) {
                    Lang::ZhCn
                } else {
                    page
                };
                out.push(Utterance {
                    lang,
                    text: piece.to_owned(),
                });
            }
        }
    };
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' => true,
            '.' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends {
            let end = i + c.len_utf8();
            push(&text[start..end]);
            start = end;
        }
    }
    push(&text[start..]);
    out
}

/// A list item without its bullet ("· ", "- ", "• "), which a voice would read out as a word.
fn without_bullet(line: &str) -> &str {
    let mut chars = line.chars();
    match (chars.next(), chars.next()) {
        (Some('·' | '•'), _) => {
            line[line.chars().next().map_or(0, char::len_utf8)..].trim_start()
        }
        (Some('-' | '*'), Some(c)) if c.is_whitespace() => line[1..].trim_start(),
        _ => line,
    }
}

/// A sentence cut into pieces of at most [`MAX_CHARS`], at a comma where there is one.
fn cut(sentence: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = sentence;
    while rest.chars().count() > MAX_CHARS {
        let limit = rest
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let at = rest[..limit]
            .char_indices()
            .filter(|&(_, c)| matches!(c, '，' | ',' | '、' | '：' | ':'))
            .map(|(i, c)| i + c.len_utf8())
            .next_back()
            .unwrap_or(limit);
        pieces.push(rest[..at].trim());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
}

/// The best of the phone's voices for a language, given each voice's language tag as the browser
/// reports it (`zh-CN`, `zh_CN`, `cmn-Hans-CN`, `en-GB` …): Mandarin of the mainland first, then other
/// Mandarin, then Cantonese; any English voice for English. `None` when no voice can read it: then the
/// app says so rather than let another language's voice read the text.
#[must_use]
pub fn pick_voice<'a>(tags: impl IntoIterator<Item = &'a str>, lang: Lang) -> Option<usize> {
    let score = |tag: &str| -> u8 {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let primary = tag.split('-').next().unwrap_or_default();
        match lang {
            Lang::ZhCn => match primary {
                "cmn" => 4,
                "zh" if tag == "zh-cn" || tag.starts_with("zh-hans") || tag.ends_with("-cn") => 4,
                "zh" if tag.contains("hk") || tag.contains("mo") || tag.contains("yue") => 1,
                "zh" if tag.contains("tw") || tag.contains("hant") => 2,
                "zh" => 3,
                "yue" => 1,
                _ => 0,
            },
            Lang::En => u8::from(primary == "en"),
        }
    };
    tags.into_iter()
        .enumerate()
        .map(|(i, tag)| (score(tag), i))
        .filter(|&(s, _)| s > 0)
        // The best score; among equals, the first the phone lists (usually its default).
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(u: &[Utterance]) -> Vec<(&str, Lang)> {
        u.iter().map(|u| (u.text.as_str(), u.lang)).collect()
    }

    #[test]
    fn sentences_become_utterances_in_their_language() {
        let u = utterances(
            "3号楼停水通知\n因设备检修，明天停水。请提前储水！Call 12345 if needed. 谢谢",
            Lang::En,
        );
        assert_eq!(
            texts(&u),
            vec![
                ("3号楼停水通知", Lang::ZhCn),
                ("因设备检修，明天停水。", Lang::ZhCn),
                ("请提前储水！", Lang::ZhCn),
                ("Call 12345 if needed.", Lang::En),
                ("谢谢", Lang::ZhCn),
            ]
        );
        // On a Chinese page, a sentence without characters is read by the Chinese voice too.
        assert_eq!(utterances("Wi-Fi 5G.", Lang::ZhCn)[0].lang, Lang::ZhCn);
    }

    #[test]
    fn nothing_to_say_is_left_out_and_decimals_stay_whole() {
        let u = utterances("· \n- \n结余 4,970.5 元。\n\n", Lang::ZhCn);
        assert_eq!(texts(&u), vec![("结余 4,970.5 元。", Lang::ZhCn)]);
        let u = utterances(
            "· 停车场收益 8,600 元\n- 广告位 2,400 元\n-5 度",
            Lang::ZhCn,
        );
        assert_eq!(
            texts(&u),
            vec![
                ("停车场收益 8,600 元", Lang::ZhCn),
                ("广告位 2,400 元", Lang::ZhCn),
                ("-5 度", Lang::ZhCn),
            ]
        );
        assert!(utterances("  \n ", Lang::ZhCn).is_empty());
    }

    #[test]
    fn long_sentences_are_cut_at_a_comma() {
        let long = format!("{}，{}。", "长".repeat(50), "句".repeat(50));
        let u = utterances(&long, Lang::ZhCn);
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].text, format!("{}，", "长".repeat(50)));
        assert_eq!(u[1].text, format!("{}。", "句".repeat(50)));
        let no_comma = "字".repeat(200);
        let u = utterances(&no_comma, Lang::ZhCn);
        assert_eq!(u.len(), 3);
        assert!(u.iter().all(|u| u.text.chars().count() <= MAX_CHARS));
        assert_eq!(
            u.iter().map(|u| u.text.as_str()).collect::<String>(),
            no_comma
        );
    }

    #[test]
    fn the_mainland_mandarin_voice_is_chosen() {
        let voices = ["en-US", "zh-HK", "zh-TW", "zh_CN", "zh-CN"];
        assert_eq!(pick_voice(voices, Lang::ZhCn), Some(3));
        assert_eq!(pick_voice(["en-GB", "cmn-Hans-CN"], Lang::ZhCn), Some(1));
        assert_eq!(pick_voice(["en-US", "zh-HK"], Lang::ZhCn), Some(1));
        assert_eq!(pick_voice(["en-US", "zh-TW", "zh-HK"], Lang::ZhCn), Some(1));
        assert_eq!(pick_voice(["zh-CN", "en-GB", "en-US"], Lang::En), Some(1));
    }

    #[test]
    fn without_a_voice_of_the_language_none_is_chosen() {
        assert_eq!(pick_voice(["en-US", "de-DE", "ja-JP"], Lang::ZhCn), None);
        assert_eq!(pick_voice(["zh-CN"], Lang::En), None);
        assert_eq!(pick_voice([], Lang::ZhCn), None);
        // Languages that only begin like ours are not ours.
        assert_eq!(pick_voice(["zu-ZA", "ena"], Lang::En), None);
    }
}
