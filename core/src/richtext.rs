//! The rich text of notices: a small, safe subset written as plain text, never HTML.
//!
//! ```text
//! ## 一个小标题
//! 普通的一段话，可以有 **加粗** 和 [链接](https://example.org)。
//! - 列表的一项
//! - 另一项
//! ```
//!
//! [`parse`] turns the text into [`Block`]s of [`Inline`]s, which the app renders as elements with text
//! nodes: whatever a writer types (`<script>`, `onerror=`, `javascript:`) stays text. A link is kept only
//! when its address is `http(s)://`, `mailto:`, `tel:` or a path of this site (`/…`); any other link is
//! shown as the text that was typed.

use serde::{Deserialize, Serialize};

/// A block of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "content", rename_all = "snake_case")]
pub enum Block {
    /// `## …` (or `# …`, `### …`): one level of heading inside a notice.
    Heading(Vec<Inline>),
    /// Consecutive lines that are not headings or list items.
    Paragraph(Vec<Vec<Inline>>),
    /// Consecutive `- …` (or `* …`, `1. …`) lines.
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// A piece of a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text { text: String },
    Bold { text: String },
    Link { text: String, href: String },
}

/// Whether `href` may be a link: web addresses, mail, phone numbers and paths of this site.
#[must_use]
pub fn safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    let allowed = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || (lower.starts_with('/') && !lower.starts_with("//"));
    allowed && !href.chars().any(|c| c.is_whitespace() || c.is_control())
}

enum Line<'a> {
    Blank,
    Heading(&'a str),
    Item { ordered: bool, text: &'a str },
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    let t = line.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    for prefix in ["### ", "## ", "# "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return Line::Heading(rest.trim());
        }
    }
    for prefix in ["- ", "* ", "• "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return Line::Item {
                ordered: false,
                text: rest.trim(),
            };
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(rest) = t[digits..]
            .strip_prefix(". ")
            .or_else(|| t[digits..].strip_prefix("、"))
    {
        return Line::Item {
            ordered: true,
            text: rest.trim(),
        };
    }
    Line::Text(t)
}

/// The blocks of `text`.
#[must_use]
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for line in text.lines() {
        match classify(line) {
            Line::Blank => {
                // A blank line ends a paragraph or a list.
                if !matches!(blocks.last(), Some(Block::Heading(_)) | None) {
                    blocks.push(Block::Paragraph(Vec::new()));
                }
            }
            Line::Heading(h) => blocks.push(Block::Heading(inlines(h))),
            Line::Item { ordered, text } => match blocks.last_mut() {
                Some(Block::List { ordered: o, items }) if *o == ordered => {
                    items.push(inlines(text))
                }
                _ => blocks.push(Block::List {
                    ordered,
                    items: vec![inlines(text)],
                }),
            },
            Line::Text(t) => match blocks.last_mut() {
                Some(Block::Paragraph(lines)) => lines.push(inlines(t)),
                _ => blocks.push(Block::Paragraph(vec![inlines(t)])),
            },
        }
    }
    blocks.retain(|b| !matches!(b, Block::Paragraph(lines) if lines.is_empty()));
    blocks
}

/// The pieces of one line: `**bold**` and `[text](href)`; everything else is text.
#[must_use]
pub fn inlines(line: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let mut rest = line;
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text {
                text: std::mem::take(text),
            });
        }
    };
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**")
            && let Some(end) = after.find("**")
            && end > 0
        {
            flush(&mut text, &mut out);
            out.push(Inline::Bold {
                text: after[..end].to_owned(),
            });
            rest = &after[end + 2..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('[')
            && let Some(close) = after.find("](")
            && let Some(end) = after[close + 2..].find(')')
        {
            let label = &after[..close];
            let href = &after[close + 2..close + 2 + end];
            if !label.is_empty() && !label.contains('[') {
                flush(&mut text, &mut out);
                if safe_href(href) {
                    out.push(Inline::Link {
                        text: label.to_owned(),
                        href: href.trim().to_owned(),
                    });
                } else {
                    // Not a link we allow: shown exactly as typed.
                    out.push(Inline::Text {
                        text: rest[..close + 3 + end + 1].to_owned(),
                    });
                }
                rest = &after[close + 2 + end + 1..];
                continue;
            }
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut text, &mut out);
    out
}

/// The text without its markup, for excerpts, feeds and search.
#[must_use]
pub fn plain(text: &str) -> String {
    let line = |inl: &[Inline]| {
        inl.iter()
            .map(|i| match i {
                Inline::Text { text } | Inline::Bold { text } | Inline::Link { text, .. } => {
                    text.as_str()
                }
            })
            .collect::<String>()
    };
    parse(text)
        .iter()
        .map(|b| match b {
            Block::Heading(h) => line(h),
            Block::Paragraph(lines) => lines.iter().map(|l| line(l)).collect::<Vec<_>>().join("\n"),
            Block::List { items, .. } => items
                .iter()
                .map(|l| format!("· {}", line(l)))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn headings_paragraphs_lists() {
        let blocks = parse(
            "## 收支情况\n本季度收入如下：\n第二行\n\n- 停车费 **1200** 元\n- 广告费 300 元\n\n1. 第一\n2、第二",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Heading(vec![t("收支情况")]),
                Block::Paragraph(vec![vec![t("本季度收入如下：")], vec![t("第二行")]]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![
                            t("停车费 "),
                            Inline::Bold {
                                text: "1200".into()
                            },
                            t(" 元")
                        ],
                        vec![t("广告费 300 元")],
                    ]
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![t("第一")], vec![t("第二")]]
                },
            ]
        );
    }

    #[test]
    fn links_are_kept_only_when_safe() {
        assert_eq!(
            inlines("见[公示](https://example.org/a)和[内页](/notices/ntc_1)"),
            vec![
                t("见"),
                Inline::Link {
                    text: "公示".into(),
                    href: "https://example.org/a".into()
                },
                t("和"),
                Inline::Link {
                    text: "内页".into(),
                    href: "/notices/ntc_1".into()
                },
            ]
        );
        for bad in [
            "[点我](javascript:alert(1))",
            "[点我](JavaScript:alert(1))",
            "[点我](data:text/html,<script>)",
            "[点我](//evil.example)",
            "[点我](vbscript:x)",
        ] {
            let parsed = inlines(bad);
            assert!(
                parsed.iter().all(|i| matches!(i, Inline::Text { .. })),
                "{bad} gave {parsed:?}"
            );
            assert_eq!(plain(bad), bad, "shown exactly as typed");
        }
    }

    #[test]
    fn markup_of_html_stays_text() {
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        assert_eq!(
            parse(hostile),
            vec![Block::Paragraph(vec![vec![t(hostile)]])]
        );
        assert_eq!(plain("**粗**与[链](https://a.b)"), "粗与链");
        assert_eq!(inlines("** 不成对"), vec![t("** 不成对")]);
        assert_eq!(inlines("[没有地址]"), vec![t("[没有地址]")]);
    }

    proptest::proptest! {
        #[test]
        fn every_link_is_safe_and_no_text_is_lost(s in "[a-z<>:/()\\[\\]*# \\n.-]{0,80}") {
            for b in parse(&s) {
                let lines = match b {
                    Block::Heading(h) => vec![h],
                    Block::Paragraph(l) => l,
                    Block::List { items, .. } => items,
                };
                for inline in lines.into_iter().flatten() {
                    if let Inline::Link { href, .. } = inline {
                        proptest::prop_assert!(safe_href(&href));
                    }
                }
            }
        }
    }
}
