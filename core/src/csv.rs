//! CSV as spreadsheets write and read it (RFC 4180): quoted fields may hold commas, quotes and line
//! ends.

use crate::error::DomainError;

/// What is wrong with one line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line number; 1 is the header.
    pub line: usize,
    pub error: DomainError,
}

/// Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes and newlines), with the
/// line on which each record starts. Blank records are dropped. An unclosed quote fails with the line
/// where its record starts.
pub fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, usize> {
    records_split(text, ',')
}

/// [`records`] with another separator between fields (Pabulib's files use `;`).
pub fn records_split(text: &str, separator: char) -> Result<Vec<(usize, Vec<String>)>, usize> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut start_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => in_quotes = false,
            ('"', false) if field.is_empty() => in_quotes = true,
            (c, false) if c == separator => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                out.push((start_line, std::mem::take(&mut record)));
                line += 1;
                start_line = line;
            }
            ('\n', true) => {
                line += 1;
                field.push('\n');
            }
            (c, _) => field.push(c),
        }
    }
    if in_quotes {
        return Err(start_line);
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((start_line, record));
    }
    Ok(out
        .into_iter()
        .filter(|(_, r)| r.iter().any(|f| !f.trim().is_empty()))
        .collect())
}

/// One CSV field, quoted when it holds a separator, a quote or a line end. A leading `=`, `+`, `-` or
/// `@` is prefixed with `'` so that a spreadsheet never evaluates an option name as a formula.
pub fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A whole file: UTF-8 with a byte-order mark (spreadsheet programs then read Chinese), CRLF line ends.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Undoes [`field`]'s guard: a value read back from a file this program wrote.
#[must_use]
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A cell as a person might type it: commas, quotes, line ends, formulas, Chinese.
    fn cell() -> impl Strategy<Value = String> {
        "[a-z0-9王芳,\"\r\n =+@-]{0,12}"
            .prop_filter("not a guard of our own", |s| !s.starts_with('\''))
    }

    #[test]
    fn quoted_fields_hold_separators_and_an_unclosed_quote_names_its_line() {
        assert_eq!(
            records("名称,备注\n\"3号楼, 东\",\"他说\"\"好\"\"\n第二行\"\n"),
            Ok(vec![
                (1, vec!["名称".to_owned(), "备注".to_owned()]),
                (
                    2,
                    vec!["3号楼, 东".to_owned(), "他说\"好\"\n第二行".to_owned()]
                ),
            ])
        );
        assert_eq!(records("a\nb,\"c\nd\n"), Err(2));
    }

    proptest! {
        /// Whatever a file holds, reading it ends with records or the line of an unclosed quote, never a
        /// panic, and records start on increasing lines.
        #[test]
        fn any_text_reads_without_panic(text in "(?s).{0,200}") {
            if let Ok(records) = records(&text) {
                prop_assert!(records.windows(2).all(|w| w[0].0 < w[1].0));
                prop_assert!(records.iter().all(|(line, _)| *line >= 1));
            }
        }

        /// What this program writes, it reads back: every row, every cell, formulas guarded and unguarded.
        #[test]
        fn a_written_file_reads_back(
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 1..5), 0..8)
        ) {
            let rows: Vec<Vec<String>> = rows
                .into_iter()
                .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
                .collect();
            let text = write(&rows);
            let read = records(text.trim_start_matches('\u{feff}'));
            prop_assert!(read.is_ok(), "{text:?}");
            let read: Vec<Vec<String>> = read
                .unwrap_or_default()
                .into_iter()
                .map(|(_, r)| r.iter().map(|c| unguard(c).to_owned()).collect())
                .collect();
            prop_assert_eq!(read, rows);
        }
    }
}
