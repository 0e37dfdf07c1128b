//! Pabulib's `.pb` format (pabulib.org, the participatory-budgeting library): one text file with a
//! vote's settings (`META`), its projects with their costs (`PROJECTS`) and its ballots (`VOTES`), each
//! section a `;`-separated table under a header row. Yishi publishes an approval budget's ballots in it
//! with each voter replaced by her ballot's receipt, so anyone can recount the vote with Pabulib's own
//! tools; and its tests read Pabulib's published votes to check the count against theirs.

use std::collections::HashMap;

use super::tally::{Ballot, Choice};
use crate::csv::records_split;

/// A `.pb` file, read or to be written.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Pabulib {
    /// `key;value` pairs, in order (`budget`, `vote_type`, `num_votes`, `rule`…).
    pub meta: Vec<(String, String)>,
    /// The projects' columns after `project_id` and `cost` (`name`, `votes`, `selected`…).
    pub project_columns: Vec<String>,
    pub projects: Vec<Project>,
    pub votes: Vec<Vote>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub id: String,
    pub cost: u64,
    /// One value per [`Pabulib::project_columns`].
    pub values: Vec<String>,
}

/// One voter's approvals, by project id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    pub voter: String,
    pub approvals: Vec<String>,
}

/// Why a file is not a `.pb` Yishi can count: the line and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PbError {
    pub line: usize,
    pub what: &'static str,
}

fn err(line: usize, what: &'static str) -> PbError {
    PbError { line, what }
}

/// A whole amount: digits, or digits with a decimal part of zeros (`400000.0`).
fn amount(s: &str) -> Option<u64> {
    let (whole, fraction) = s.trim().split_once('.').unwrap_or((s.trim(), ""));
    if fraction.chars().all(|c| c == '0') {
        whole.parse().ok()
    } else {
        None
    }
}

impl Pabulib {
    /// Reads a `.pb` file with approval votes (`vote_type;approval`), whole costs and a whole budget.
    pub fn parse(text: &str) -> Result<Pabulib, PbError> {
        let rows = records_split(text.trim_start_matches('\u{feff}'), ';')
            .map_err(|line| err(line, "a quote is never closed"))?;
        let mut pb = Pabulib::default();
        let mut section = "";
        let mut header: Vec<String> = Vec::new();
        for (line, row) in rows {
            let first = row.first().map(|f| f.trim()).unwrap_or_default();
            if row.len() == 1 && ["META", "PROJECTS", "VOTES"].contains(&first) {
                section = match first {
                    "META" => "meta",
                    "PROJECTS" => "projects",
                    _ => "votes",
                };
                header.clear();
                continue;
            }
            if header.is_empty() {
                header = row.iter().map(|h| h.trim().to_owned()).collect();
                continue;
            }
            let column = |name: &str| header.iter().position(|h| h == name);
            let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|s| s.trim());
            match section {
                "meta" => {
                    let (Some(k), Some(v)) = (row.first(), row.get(1)) else {
                        return Err(err(line, "a META row is not key;value"));
                    };
                    pb.meta.push((k.trim().to_owned(), v.trim().to_owned()));
                }
                "projects" => {
                    if pb.project_columns.is_empty() {
                        pb.project_columns = header
                            .iter()
                            .filter(|h| *h != "project_id" && *h != "cost")
                            .cloned()
                            .collect();
                    }
                    let id = cell(column("project_id")).ok_or(err(line, "no project_id"))?;
                    let cost = cell(column("cost"))
                        .and_then(amount)
                        .ok_or(err(line, "a cost is not a whole amount"))?;
                    let values = pb
                        .project_columns
                        .iter()
                        .map(|c| cell(column(c)).unwrap_or_default().to_owned())
                        .collect();
                    pb.projects.push(Project {
                        id: id.to_owned(),
                        cost,
                        values,
                    });
                }
                "votes" => {
                    let voter = cell(column("voter_id")).ok_or(err(line, "no voter_id"))?;
                    let approvals = cell(column("vote"))
                        .unwrap_or_default()
                        .split(',')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(str::to_owned)
                        .collect();
                    pb.votes.push(Vote {
                        voter: voter.to_owned(),
                        approvals,
                    });
                }
                _ => return Err(err(line, "a row before META")),
            }
        }
        if pb.meta("vote_type") != Some("approval") {
            return Err(err(1, "not an approval vote"));
        }
        if pb.budget().is_none() {
            return Err(err(1, "the budget is not a whole amount"));
        }
        let ids: HashMap<&str, ()> = pb.projects.iter().map(|p| (p.id.as_str(), ())).collect();
        if ids.len() != pb.projects.len() {
            return Err(err(1, "a project_id is repeated"));
        }
        if pb
            .votes
            .iter()
            .flat_map(|v| &v.approvals)
            .any(|a| !ids.contains_key(a.as_str()))
        {
            return Err(err(1, "a vote names an unknown project"));
        }
        Ok(pb)
    }

    #[must_use]
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    #[must_use]
    pub fn budget(&self) -> Option<u64> {
        self.meta("budget").and_then(amount)
    }

    /// A project's value in a column (`name`, `selected`…).
    #[must_use]
    pub fn value<'a>(&'a self, project: &'a Project, column: &str) -> Option<&'a str> {
        let i = self.project_columns.iter().position(|c| c == column)?;
        project.values.get(i).map(String::as_str)
    }

    /// The vote for the voting engine: costs in the projects' order, and one approval ballot per voter.
    #[must_use]
    pub fn ballots(&self) -> (Vec<u64>, Vec<Ballot>) {
        let index: HashMap<&str, usize> = self
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let ballots = self
            .votes
            .iter()
            .map(|v| {
                let mut options: Vec<usize> = v
                    .approvals
                    .iter()
                    .filter_map(|a| index.get(a.as_str()).copied())
                    .collect();
                options.sort_unstable();
                options.dedup();
                Ballot {
                    choice: Choice::Options { options },
                    weight: 1,
                }
            })
            .collect();
        (self.projects.iter().map(|p| p.cost).collect(), ballots)
    }

    /// The file: `META`, `PROJECTS` and `VOTES`, LF line ends, a field quoted when it holds `;`, a
    /// quote or a line end.
    #[must_use]
    pub fn write(&self) -> String {
        fn field(s: &str) -> String {
            if s.contains([';', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_owned()
            }
        }
        fn row(out: &mut String, cells: &[&str]) {
            let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
            out.push_str(&cells.join(";"));
            out.push('\n');
        }
        let mut out = String::from("META\n");
        row(&mut out, &["key", "value"]);
        for (k, v) in &self.meta {
            row(&mut out, &[k, v]);
        }
        out.push_str("PROJECTS\n");
        let mut header = vec!["project_id", "cost"];
        header.extend(self.project_columns.iter().map(String::as_str));
        row(&mut out, &header);
        for p in &self.projects {
            let cost = p.cost.to_string();
            let mut cells = vec![p.id.as_str(), cost.as_str()];
            cells.extend(p.values.iter().map(String::as_str));
            row(&mut out, &cells);
        }
        out.push_str("VOTES\n");
        row(&mut out, &["voter_id", "vote"]);
        for v in &self.votes {
            row(&mut out, &[&v.voter, &v.approvals.join(",")]);
        }
        out
    }
}

#[cfg(test)]
mod tests;
