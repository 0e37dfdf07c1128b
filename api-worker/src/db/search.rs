//! The search box of a list (`?q=`): a record's number, or words looked up in the list's full-text index.
//!
//! Each searched list has an index (migration 0013): an FTS5 table with the trigram tokenizer, one row per
//! record, keyed by its `id`, kept in step with the records by triggers. A trigram index finds any run of
//! three or more characters wherever it occurs, so Chinese needs no segmentation into words. What was
//! typed is split at spaces into words, and a record is found when it holds every word:
//!
//! - a word of three characters or more is a phrase of the `MATCH` expression, quoted (its `"` doubled),
//!   so nothing typed is read as FTS5 syntax (`*`, `NEAR(`, `-`, `:`, `^`, `AND` are text like any other);
//! - a word of one or two characters has no trigram and is compared with `LIKE` on the same indexed text,
//!   its `%`, `_` and `\` escaped; its pattern is a few bytes, far under D1's limit of 50 (a longer
//!   pattern answers "LIKE or GLOB pattern too complex", which is why the words are not all compared so).
//!
//! The short words travel as one JSON array, so a search costs at most two bound values however many
//! words it has. Matches are ranked by `bm25` over the long words, the title weighted above the rest.

use wasm_bindgen::JsValue;
use yishi_core::numbers::{RecordKind, RecordNumber};
use yishi_core::text::{has_words, search_words};

use super::text;
use crate::error::ApiResult;

/// A list's full-text index: its FTS5 table, and its text columns (after `id`, in the table's order)
/// with their weight in the ranking.
pub struct Index {
    pub table: &'static str,
    pub columns: &'static [(&'static str, f64)],
}

/// The fewest characters the trigram tokenizer can match.
const TRIGRAM: usize = 3;

/// What a list is narrowed to besides its filter: a record's number or words typed in a search box.
#[derive(Default)]
pub enum Search<'a> {
    #[default]
    Anything,
    Number(RecordNumber),
    /// At least one word; a record must hold each.
    Words(Vec<&'a str>),
}

impl<'a> Search<'a> {
    /// What was typed for records of `kind`: their number when it reads as one (`12`, `#12`, `M-12`,
    /// `议题12`), else words; nothing for an empty box.
    #[must_use]
    pub fn of(kind: RecordKind, typed: Option<&'a str>) -> Search<'a> {
        let typed = typed.map(str::trim).unwrap_or_default();
        match RecordNumber::parse(kind, typed) {
            Some(n) if !typed.is_empty() => Search::Number(n),
            _ => Search::words(typed),
        }
    }

    /// What was typed, as words only (for records without numbers); nothing for an empty box.
    #[must_use]
    pub fn words(typed: &'a str) -> Search<'a> {
        let words = search_words(typed);
        if words.is_empty() {
            Search::Anything
        } else {
            Search::Words(words)
        }
    }

    /// Whether a record of this number and title is found, for records found otherwise than in SQL.
    #[must_use]
    pub fn admits(&self, number: RecordNumber, title: &str) -> bool {
        match self {
            Search::Anything => true,
            Search::Number(n) => *n == number,
            Search::Words(words) => has_words(title, words),
        }
    }

    #[must_use]
    pub fn is_anything(&self) -> bool {
        matches!(self, Search::Anything)
    }

    /// How the search narrows a list whose records are `alias` (with `id` and `number` columns) and
    /// whose words are in `index`; its values pushed onto `args`.
    pub fn sql(&self, alias: &str, index: &Index, args: &mut Vec<JsValue>) -> ApiResult<Found> {
        Ok(match self {
            Search::Anything => Found::default(),
            Search::Number(n) => {
                args.push(JsValue::from(n.get()));
                Found {
                    condition: Some(format!("{alias}.number = ?{}", args.len())),
                    ..Found::default()
                }
            }
            Search::Words(words) => {
                let table = index.table;
                let (long, short): (Vec<&str>, Vec<&str>) =
                    words.iter().partition(|w| w.chars().count() >= TRIGRAM);
                let mut conditions = Vec::new();
                let rank = if long.is_empty() {
                    "0".to_owned()
                } else {
                    args.push(text(&match_expression(&long)));
                    conditions.push(format!("{table} MATCH ?{}", args.len()));
                    let weights: Vec<String> = index
                        .columns
                        .iter()
                        .map(|(_, weight)| format!("{weight:.1}"))
                        .collect();
                    format!("bm25({table}, 0.0, {})", weights.join(", "))
                };
                if !short.is_empty() {
                    let patterns: Vec<String> = short
                        .iter()
                        .map(|w| format!("%{}%", like_escape(w)))
                        .collect();
                    args.push(text(&serde_json::to_string(&patterns)?));
                    let in_any_column: Vec<String> = index
                        .columns
                        .iter()
                        .map(|(column, _)| {
                            format!("IFNULL({table}.{column}, '') LIKE w.value ESCAPE '\\'")
                        })
                        .collect();
                    conditions.push(format!(
                        "NOT EXISTS (SELECT 1 FROM json_each(?{}) w WHERE NOT ({}))",
                        args.len(),
                        in_any_column.join(" OR ")
                    ));
                }
                Found {
                    join: format!(
                        " JOIN (SELECT id, {rank} AS rank FROM {table} WHERE {}) found ON found.id = {alias}.id",
                        conditions.join(" AND ")
                    ),
                    condition: None,
                    rank: Some("found.rank".to_owned()),
                }
            }
        })
    }
}

/// How a search narrows a list's query, and how it orders it.
#[derive(Default)]
pub struct Found {
    /// Joined after the list's tables, before its `WHERE`.
    pub join: String,
    /// Added to its `WHERE` with `AND`.
    pub condition: Option<String>,
    /// For words: orders the matches best first (ascending).
    pub rank: Option<String>,
}

impl Found {
    /// ` AND <condition>`, or nothing.
    #[must_use]
    pub fn and(&self) -> String {
        self.condition
            .as_ref()
            .map(|c| format!(" AND {c}"))
            .unwrap_or_default()
    }

    /// The `ORDER BY` terms of a list whose own order is `order`: the best match first when searching
    /// words, ties (and every other list) in that order.
    #[must_use]
    pub fn order_by(&self, order: &str) -> String {
        match &self.rank {
            Some(rank) => format!("{rank}, {order}"),
            None => order.to_owned(),
        }
    }

    /// Appends the order and size of a page of a newest-first list ([`super::page_sql`]). A word search
    /// is not paged by time: its page is the best `limit` matches, and nothing follows it (the reader
    /// narrows a search with more words rather than paging through it; a cursor finds nothing more).
    pub fn page_sql(
        &self,
        sql: &mut String,
        args: &mut Vec<JsValue>,
        columns: (&str, &str),
        cursor: Option<&yishi_core::api::Cursor>,
        limit: u32,
    ) {
        self.page(sql, args, columns, cursor, limit, false);
    }

    /// As [`Found::page_sql`], for a list in ascending order (what is due first comes first).
    pub fn page_sql_ascending(
        &self,
        sql: &mut String,
        args: &mut Vec<JsValue>,
        columns: (&str, &str),
        cursor: Option<&yishi_core::api::Cursor>,
        limit: u32,
    ) {
        self.page(sql, args, columns, cursor, limit, true);
    }

    fn page(
        &self,
        sql: &mut String,
        args: &mut Vec<JsValue>,
        (time_col, id_col): (&str, &str),
        cursor: Option<&yishi_core::api::Cursor>,
        limit: u32,
        ascending: bool,
    ) {
        let Some(rank) = &self.rank else {
            super::keyset_page(sql, args, (time_col, id_col), cursor, limit, ascending);
            return;
        };
        if cursor.is_some() {
            sql.push_str(" AND 0");
        }
        let order = if ascending { "ASC" } else { "DESC" };
        // `limit`, not one more: the page is all there is, so `take_page` finds no next one.
        args.push(JsValue::from(limit));
        sql.push_str(&format!(
            " ORDER BY {rank}, {time_col} {order}, {id_col} {order} LIMIT ?{}",
            args.len()
        ));
    }
}

/// The FTS5 query of words of three characters or more: each a phrase in double quotes (a `"` inside
/// doubled), all of them required.
fn match_expression(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// `s` for a `LIKE … ESCAPE '\'` pattern: its `\`, `%` and `_` match themselves.
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
