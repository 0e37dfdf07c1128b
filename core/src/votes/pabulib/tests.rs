use super::*;
use crate::votes::equal_shares::{Utility, equal_shares};

const SWIECIE: &str = include_str!("../../../tests/pabulib/Poland_Swiecie_2023.pb");
const ASSEN: &str = include_str!("../../../tests/pabulib/Netherlands_Assen_2024.pb");
const TOULOUSE: &str = include_str!(
    "../../../tests/pabulib/France_Toulouse_2022_13_-_Rangueil_Sauzelong_Jules-Julien_Pech-David_Pouvourville.pb"
);

fn read(text: &str) -> Pabulib {
    match Pabulib::parse(text) {
        Ok(pb) => pb,
        Err(e) => panic!("{e:?}"),
    }
}

/// The projects the city funded, as the file records them, in the projects' order.
fn selected(pb: &Pabulib) -> Vec<usize> {
    (0..pb.projects.len())
        .filter(|i| pb.value(&pb.projects[*i], "selected") == Some("1"))
        .collect()
}

/// Counts the file's vote by equal shares with cost utilities and the completion by one unit of money
/// per voter, as the city did (`rule;equalshares/add1`), and returns the funded projects in order.
fn count(pb: &Pabulib) -> Vec<usize> {
    let (costs, ballots) = pb.ballots();
    let budget = pb.budget().unwrap_or_default();
    let r = equal_shares(&ballots, &costs, budget, Utility::Cost, Some(1));
    assert!(r.spent <= budget);
    let mut funded = r.funded;
    funded.sort_unstable();
    funded
}

#[test]
fn reads_a_published_vote() {
    let pb = read(SWIECIE);
    assert_eq!(pb.meta("rule"), Some("equalshares/add1"));
    assert_eq!(pb.budget(), Some(1_070_000));
    assert_eq!(pb.projects.len(), 22);
    assert_eq!(pb.votes.len(), 2553);
    assert_eq!(pb.projects[0].id, "c1");
    assert_eq!(pb.projects[0].cost, 68_000);
    // The file's own approval counts are the ballots'.
    let (_, ballots) = pb.ballots();
    for (i, p) in pb.projects.iter().enumerate() {
        let approvals = ballots
            .iter()
            .filter(|b| matches!(&b.choice, Choice::Options { options } if options.contains(&i)))
            .count();
        assert_eq!(pb.value(p, "votes"), Some(approvals.to_string().as_str()));
    }
    // A budget written `400000.0` is whole.
    assert_eq!(read(TOULOUSE).budget(), Some(400_000));
}

/// Świecie (Poland, 2023) and Assen (the Netherlands, 2024) counted their votes by equal shares with
/// the completion; the count funds exactly the projects they published.
#[test]
fn equal_shares_funds_what_swiecie_and_assen_funded() {
    for text in [SWIECIE, ASSEN] {
        let pb = read(text);
        assert_eq!(pb.meta("rule"), Some("equalshares/add1"));
        assert_eq!(count(&pb), selected(&pb), "{:?}", pb.meta("unit"));
    }
}

#[test]
fn written_files_read_back_the_same() {
    for text in [SWIECIE, ASSEN, TOULOUSE] {
        let pb = read(text);
        assert_eq!(read(&pb.write()), pb);
    }
    let pb = Pabulib {
        meta: vec![
            ("vote_type".into(), "approval".into()),
            ("budget".into(), "100".into()),
            ("description".into(), "名字里有;分号和\"引号\"\n换行".into()),
        ],
        project_columns: vec!["name".into()],
        projects: vec![Project {
            id: "1".into(),
            cost: 50,
            values: vec!["健身器材; 二期".into()],
        }],
        votes: vec![Vote {
            voter: "R-7F3K".into(),
            approvals: vec!["1".into()],
        }],
    };
    assert_eq!(read(&pb.write()), pb);
}

#[test]
fn files_it_cannot_count_say_why() {
    let head = "META\nkey;value\nbudget;100\n";
    let bad = |text: &str| Pabulib::parse(text).err().map(|e| e.what);
    assert_eq!(
        bad(&format!("{head}vote_type;ordinal\n")),
        Some("not an approval vote")
    );
    let approval = format!("{head}vote_type;approval\n");
    assert_eq!(
        bad(&format!("{approval}PROJECTS\nproject_id;cost\n1;12.5\n")),
        Some("a cost is not a whole amount")
    );
    assert_eq!(
        bad(&format!(
            "{approval}PROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\nv1;1,2\n"
        )),
        Some("a vote names an unknown project")
    );
    assert_eq!(
        bad(&format!(
            "{approval}PROJECTS\nproject_id;cost\n1;10\n1;20\n"
        )),
        Some("a project_id is repeated")
    );
    assert_eq!(bad("key;value\nbudget;1\n"), Some("a row before META"));
    assert_eq!(
        bad("META\nkey;value\nvote_type;approval\nbudget;\"12\n"),
        Some("a quote is never closed")
    );
}
