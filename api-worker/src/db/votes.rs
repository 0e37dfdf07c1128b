//! Votes: the vote itself, its electorate snapshot, participation and ballots.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{HouseholdId, MemberId, VoteId};
use yishi_core::policy::NoticeAudience;
use yishi_core::territory::ScopePath;
use yishi_core::votes::electorate::{Candidate, Voter, total_weight};
use yishi_core::votes::poll::{Channel, PollSettings};

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{
    PathColumns, all, batch_rows, first, path_args, scope_contains_sql, scope_within_sql, stmt,
    text, time,
};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
pub struct VoteRow {
    pub id: String,
    pub number: i64,
    pub settings: String,
    pub opened_at: Option<String>,
    pub closed_at: Option<String>,
    pub eligible: Option<u64>,
    pub eligible_weight: Option<u64>,
    pub present: Option<u64>,
    pub meeting_id: Option<String>,
    pub matter_id: Option<String>,
    #[serde(flatten)]
    pub path: PathColumns,
    #[serde(flatten)]
    pub names: PathNames,
}

/// A stored vote, parsed.
pub struct StoredVote {
    pub id: VoteId,
    /// Its short number within the community (投票 #5).
    pub number: yishi_core::numbers::RecordNumber,
    pub scope: ScopePath,
    pub scope_name: String,
    pub settings: PollSettings,
    pub opened: bool,
    pub closed_early: bool,
    pub eligible: Option<u64>,
    pub eligible_weight: Option<u64>,
    /// For a meeting's motion: voters present when it was put.
    pub present: Option<u64>,
    pub meeting: Option<yishi_core::ids::MeetingId>,
    /// The matter this vote decides, if any.
    pub matter: Option<yishi_core::ids::MatterId>,
}

impl StoredVote {
    /// Its course: the state and the moves the vote allows (`yishi_core::votes::lifecycle`).
    pub fn course(&self) -> yishi_core::votes::Course<'_> {
        yishi_core::votes::Course::of(&self.settings, self.opened, self.closed_early)
    }

    /// The electorate the vote is counted against (empty until it opens).
    pub fn turnout(&self) -> yishi_core::votes::tally::Turnout {
        yishi_core::votes::tally::Turnout {
            present: self.present,
            ..yishi_core::votes::tally::Turnout::of(
                self.eligible.unwrap_or(0),
                self.eligible_weight.unwrap_or(0),
            )
        }
    }
}

impl VoteRow {
    fn parse(self) -> ApiResult<StoredVote> {
        Ok(StoredVote {
            id: VoteId::from_trusted(&self.id),
            number: super::requests::stored_number(self.number)?,
            scope: self.path.to_path()?,
            scope_name: self.names.display(),
            settings: serde_json::from_str(&self.settings)?,
            opened: self.opened_at.is_some(),
            closed_early: self.closed_at.is_some(),
            eligible: self.eligible,
            eligible_weight: self.eligible_weight,
            present: self.present,
            meeting: self
                .meeting_id
                .as_deref()
                .map(yishi_core::ids::MeetingId::from_trusted),
            matter: self
                .matter_id
                .as_deref()
                .map(yishi_core::ids::MatterId::from_trusted),
        })
    }
}

fn select() -> String {
    format!(
        "SELECT v.id, v.number, v.settings, v.opened_at, v.closed_at, v.eligible, v.eligible_weight, v.present, v.meeting_id, \
                (SELECT mt.id FROM matters mt WHERE mt.vote_id = v.id LIMIT 1) AS matter_id, \
                v.street_id, v.community_id, v.compound_id, v.building_id, v.unit_id, {NAME_COLUMNS} \
         FROM votes v {}",
        name_joins("v")
    )
}

pub fn insert(
    db: &D1Database,
    id: &VoteId,
    scope: &ScopePath,
    settings: &PollSettings,
    by: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let [street, community, compound, building, unit] = path_args(scope);
    stmt(
        db,
        &format!(
            "INSERT INTO votes (id, street_id, community_id, compound_id, building_id, unit_id, title, settings, \
                 opens_at, closes_at, created_by, created_at, number) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, {})",
            super::next_number_sql("votes", "?2", "?3")
        ),
        &[
            text(id.as_str()),
            street,
            community,
            compound,
            building,
            unit,
            text(&settings.title),
            text(&serde_json::to_string(settings)?),
            text(&time(settings.opens_at)),
            text(&time(settings.closes_at)),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

pub async fn get(db: &D1Database, id: &VoteId) -> ApiResult<Option<StoredVote>> {
    first::<VoteRow>(
        db,
        &format!("{} WHERE v.id = ?1", select()),
        &[text(id.as_str())],
    )
    .await?
    .map(VoteRow::parse)
    .transpose()
}

/// The vote and `member`'s votes in it, in one round trip (what a ballot reads before it is stored).
pub async fn get_with_mine(
    db: &D1Database,
    id: &VoteId,
    member: &MemberId,
) -> ApiResult<(Option<StoredVote>, Vec<MyVoteRow>)> {
    let vote_sql = format!("{} WHERE v.id = ?1", select());
    let mine_sql = my_votes_sql("k.vote_id = ?2");
    let vote_args = [text(id.as_str())];
    let mine_args = [text(member.as_str()), text(id.as_str())];
    let results =
        super::batch_rows(db, &[(&vote_sql, &vote_args), (&mine_sql, &mine_args)]).await?;
    let [vote, mine] = results.as_slice() else {
        return Err(ApiError::internal(
            "a batch of two reads gave another number of results",
        ));
    };
    let vote = vote
        .results::<VoteRow>()?
        .into_iter()
        .next()
        .map(VoteRow::parse)
        .transpose()?;
    Ok((vote, mine.results::<MyVoteRow>()?))
}

/// The votes of `ids` that exist, newest first.
pub async fn get_many(db: &D1Database, ids: &[String]) -> ApiResult<Vec<StoredVote>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    all::<VoteRow>(
        db,
        &format!(
            "{} WHERE v.id IN (SELECT value FROM json_each(?1)) ORDER BY v.opens_at DESC, v.id DESC",
            select()
        ),
        &[text(&serde_json::to_string(ids)?)],
    )
    .await?
    .into_iter()
    .map(VoteRow::parse)
    .collect()
}

/// Votes whose opening time has come but which no request has opened yet (meetings open their
/// motions themselves).
pub async fn due(
    db: &D1Database,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<StoredVote>> {
    all::<VoteRow>(
        db,
        &format!(
            "{} WHERE v.opened_at IS NULL AND v.meeting_id IS NULL AND v.opens_at <= ?1 LIMIT 50",
            select()
        ),
        &[text(&time(now))],
    )
    .await?
    .into_iter()
    .map(VoteRow::parse)
    .collect()
}

/// The words of votes: the title (migration 0013).
const WORDS: super::Index = super::Index {
    table: "votes_search",
    columns: &[("title", 1.0)],
};

/// The votes an audience sees (the same rule as notices), newest first; with a search, the one of that
/// number or those whose title has the words, best match first.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    search: &super::Search<'_>,
) -> ApiResult<Vec<StoredVote>> {
    let mut args: Vec<JsValue> = Vec::new();
    let Some(admitted) = super::audience_sql("v", audience, &mut args) else {
        return Ok(Vec::new());
    };
    let found = search.sql("v", &WORDS, &mut args)?;
    all::<VoteRow>(
        db,
        &format!(
            "{}{} WHERE {}{} ORDER BY {} LIMIT 100",
            select(),
            found.join,
            admitted,
            found.and(),
            found.order_by("v.opens_at DESC, v.id DESC")
        ),
        &args,
    )
    .await?
    .into_iter()
    .map(VoteRow::parse)
    .collect()
}

#[derive(Debug, Deserialize)]
struct ResidentRow {
    member_id: String,
    household_id: String,
    representative: Option<i64>,
    birth_year: Option<u16>,
    floor_area: Option<u32>,
    #[serde(flatten)]
    path: PathColumns,
}

#[derive(Debug, Deserialize)]
struct CouncilRow {
    member_id: String,
    #[serde(flatten)]
    path: PathColumns,
}

/// The members the electorate rules choose from: confirmed, active residents living within `scope`, and
/// council members whose grant contains it; with `only`, just her household and her own grants (enough
/// to tell whether, and for which voters, she is in the electorate, without reading all of it).
pub async fn candidates(
    db: &D1Database,
    scope: &ScopePath,
    only: Option<&MemberId>,
) -> ApiResult<Vec<Candidate>> {
    let mut resident_args = Vec::new();
    let mut within = scope_within_sql("r", scope, &mut resident_args);
    if let Some(member) = only {
        // Her household decides her part in every rule (a household's casters are its own members).
        resident_args.push(text(member.as_str()));
        within.push_str(&format!(
            " AND r.household_id = (SELECT household_id FROM members WHERE id = ?{})",
            resident_args.len()
        ));
    }
    let residents_sql = format!(
        "SELECT * FROM (SELECT m.id AS member_id, h.id AS household_id, (h.representative_id = m.id) AS representative, \
                m.birth_year, h.floor_area, c.street_id, c.id AS community_id, cp.id AS compound_id, b.id AS building_id, u.id AS unit_id \
             FROM members m JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id \
                  JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id \
                  JOIN communities c ON c.id = cp.community_id \
             WHERE m.verification = 'confirmed' AND m.status = 'active' AND h.archived_at IS NULL) r \
         WHERE {within}"
    );
    let mut council_args = Vec::new();
    let mut contains = scope_contains_sql("g", scope, &mut council_args);
    if let Some(member) = only {
        council_args.push(text(member.as_str()));
        contains.push_str(&format!(" AND g.member_id = ?{}", council_args.len()));
    }
    let council_sql = format!(
        "SELECT g.member_id, g.street_id, g.community_id, g.compound_id, g.building_id, g.unit_id \
         FROM role_grants g JOIN members m ON m.id = g.member_id \
         WHERE g.role = 'council_member' AND m.status = 'active' AND {contains}"
    );
    let results = batch_rows(
        db,
        &[
            (&residents_sql, &resident_args),
            (&council_sql, &council_args),
        ],
    )
    .await?;
    let [residents, council] = results.as_slice() else {
        return Err(ApiError::internal(
            "candidates batch returned the wrong number of results",
        ));
    };
    let mut out: Vec<Candidate> = Vec::new();
    for r in residents.results::<ResidentRow>()? {
        out.push(Candidate {
            member: MemberId::from_trusted(&r.member_id),
            home: Some((
                HouseholdId::from_trusted(&r.household_id),
                r.path.to_path()?,
            )),
            representative: r.representative == Some(1),
            birth_year: r.birth_year,
            council_for: Vec::new(),
            floor_area: r.floor_area,
        });
    }
    for c in council.results::<CouncilRow>()? {
        let member = MemberId::from_trusted(&c.member_id);
        let scope = c.path.to_path()?;
        match out.iter_mut().find(|x| x.member == member) {
            Some(existing) => existing.council_for.push(scope),
            None => out.push(Candidate {
                member,
                home: None,
                representative: false,
                birth_year: None,
                council_for: vec![scope],
                floor_area: None,
            }),
        }
    }
    Ok(out)
}

/// The statements that open a vote with its snapshot, to run in one batch (possibly with others), once:
/// only the request whose update marks it opened writes the snapshot (the inserts run only if the
/// statement before them changed rows). A meeting's motion passes `meeting`: the snapshot is who was present, while `eligible` stays the
/// number invited (the base of an absolute majority and of a presence quorum).
pub fn open_statements(
    db: &D1Database,
    vote: &VoteId,
    electorate: &[Voter],
    meeting: Option<(u64, u64)>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    #[derive(serde::Serialize)]
    struct VoterJson<'a> {
        key: String,
        weight: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        member: Option<&'a str>,
    }
    let voters: Vec<VoterJson<'_>> = electorate
        .iter()
        .map(|v| VoterJson {
            key: v.key.storage_key(),
            weight: v.weight,
            member: None,
        })
        .collect();
    let casters: Vec<VoterJson<'_>> = electorate
        .iter()
        .flat_map(|v| {
            v.casters.iter().map(|m| VoterJson {
                key: v.key.storage_key(),
                weight: 0,
                member: Some(m.as_str()),
            })
        })
        .collect();
    let total_weight = total_weight(electorate);
    let (eligible, present) = match meeting {
        Some((invited, present)) => (invited, JsValue::from(present as f64)),
        None => (electorate.len() as u64, JsValue::NULL),
    };
    Ok(vec![
        stmt(
            db,
            "UPDATE votes SET opened_at = ?2, eligible = ?3, eligible_weight = ?4, present = ?5 WHERE id = ?1 AND opened_at IS NULL",
            &[
                text(vote.as_str()),
                text(&time(now)),
                JsValue::from(eligible as f64),
                JsValue::from(total_weight as f64),
                present,
            ],
        )?,
        stmt(
            db,
            "INSERT INTO vote_voters (vote_id, voter_key, weight) \
             SELECT ?1, json_extract(value, '$.key'), json_extract(value, '$.weight') FROM json_each(?2) \
             WHERE changes() > 0",
            &[text(vote.as_str()), text(&serde_json::to_string(&voters)?)],
        )?,
        stmt(
            db,
            "INSERT INTO vote_casters (vote_id, member_id, voter_key) \
             SELECT ?1, json_extract(value, '$.member'), json_extract(value, '$.key') FROM json_each(?2) \
             WHERE changes() > 0",
            &[text(vote.as_str()), text(&serde_json::to_string(&casters)?)],
        )?,
    ])
}

/// A member's votes in every vote, as SQL yielding `vote_id, voter_key, delegated`: her own (unless she
/// delegated them) and those delegated to her, among the snapshotted electorate. `member` names the
/// SQL parameter holding her id. The one definition of "her votes" that the vote page, the waiting
/// votes, the matters list and her history all read.
pub fn her_votes_sql(member: &str) -> String {
    format!(
        "SELECT c.vote_id, c.voter_key, 0 AS delegated FROM vote_casters c \
         WHERE c.member_id = {member} \
           AND NOT EXISTS (SELECT 1 FROM vote_proxies x WHERE x.vote_id = c.vote_id AND x.from_key = c.voter_key) \
         UNION \
         SELECT x.vote_id, x.from_key, 1 FROM vote_proxies x \
           JOIN vote_casters c ON c.vote_id = x.vote_id AND c.voter_key = x.to_key \
           JOIN vote_voters vv ON vv.vote_id = x.vote_id AND vv.voter_key = x.from_key \
         WHERE c.member_id = {member}"
    )
}

/// The open votes in which a vote of hers is not cast yet, as SQL yielding `vote_id` (`member` and
/// `now` name the SQL parameters). "Open" as `Course::state` says: opened, not closed early, before its
/// closing time.
pub fn waiting_sql(member: &str, now: &str) -> String {
    format!(
        "SELECT k.vote_id FROM ({}) k JOIN votes wv ON wv.id = k.vote_id \
         WHERE wv.opened_at IS NOT NULL AND wv.closed_at IS NULL AND wv.closes_at > {now} \
           AND NOT EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = k.vote_id AND p.voter_key = k.voter_key)",
        her_votes_sql(member)
    )
}

#[derive(Clone, Debug, Deserialize)]
pub struct MyVoteRow {
    pub vote_id: String,
    pub voter_key: String,
    pub weight: u64,
    pub delegated: i64,
    /// How it was cast, if it was.
    pub channel: Option<String>,
    pub cast_by: Option<String>,
    pub cast_by_name: Option<String>,
    /// Found only for named votes: a secret ballot is stored without its voter.
    pub receipt: Option<String>,
    pub choice: Option<String>,
}

impl MyVoteRow {
    pub fn voted(&self) -> bool {
        self.channel.is_some()
    }

    /// The ballot as recorded, if cast, for `yishi_core::votes::mine::shown_to_voter`.
    pub fn recorded(&self, reader: &MemberId) -> Option<yishi_core::votes::mine::RecordedBallot> {
        let channel = match self.channel.as_deref()? {
            "paper" => Channel::Paper,
            "show_of_hands" => Channel::ShowOfHands,
            _ => Channel::Online,
        };
        let named = match (&self.receipt, &self.choice) {
            (Some(receipt), Some(choice)) => serde_json::from_str(choice)
                .ok()
                .map(|choice| (receipt.clone(), choice)),
            _ => None,
        };
        Some(yishi_core::votes::mine::RecordedBallot {
            channel,
            cast_by_other: if self.cast_by.as_deref() == Some(reader.as_str()) {
                None
            } else {
                self.cast_by_name.clone()
            },
            named,
        })
    }
}

fn my_votes_sql(which: &str) -> String {
    format!(
        "SELECT k.vote_id, k.voter_key, k.delegated, v.weight, p.channel, p.cast_by, cm.name AS cast_by_name, \
                b.receipt, b.choice \
         FROM ({}) k JOIN vote_voters v ON v.vote_id = k.vote_id AND v.voter_key = k.voter_key \
         LEFT JOIN vote_participation p ON p.vote_id = k.vote_id AND p.voter_key = k.voter_key \
         LEFT JOIN members cm ON cm.id = p.cast_by \
         LEFT JOIN vote_ballots b ON b.vote_id = k.vote_id AND b.voter_key = k.voter_key \
         WHERE {which} \
         ORDER BY k.vote_id, k.voter_key",
        her_votes_sql("?1")
    )
}

/// The votes `member` may cast in `vote` (see [`her_votes_sql`]), with whether each was cast, how, by
/// whom, and for named votes its receipt and choice.
pub async fn my_votes(
    db: &D1Database,
    vote: &VoteId,
    member: &MemberId,
) -> ApiResult<Vec<MyVoteRow>> {
    all(
        db,
        &my_votes_sql("k.vote_id = ?2"),
        &[text(member.as_str()), text(vote.as_str())],
    )
    .await
}

/// Her votes in every vote (the caller keeps the votes where one of them was cast: her history).
pub async fn my_ballots(db: &D1Database, member: &MemberId) -> ApiResult<Vec<MyVoteRow>> {
    all(db, &my_votes_sql("1 = 1"), &[text(member.as_str())]).await
}

/// Delegated votes of the snapshot with their caster (`c`) and whether the proxy cast each: the columns
/// and the FROM clause, for a WHERE to follow.
const DELEGATED_AWAY: &str = "x.from_key, \
        EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = x.vote_id AND p.voter_key = x.from_key) AS cast \
    FROM vote_proxies x JOIN vote_casters c ON c.vote_id = x.vote_id AND c.voter_key = x.from_key";

/// Once the vote is open: her votes of the snapshot she delegated before it opened, and whether her
/// proxy has cast each.
pub async fn delegated_away(
    db: &D1Database,
    vote: &VoteId,
    member: &MemberId,
) -> ApiResult<Vec<(String, bool)>> {
    #[derive(Deserialize)]
    struct Row {
        from_key: String,
        cast: i64,
    }
    Ok(all::<Row>(
        db,
        &format!("SELECT {DELEGATED_AWAY} WHERE x.vote_id = ?1 AND c.member_id = ?2"),
        &[text(vote.as_str()), text(member.as_str())],
    )
    .await?
    .into_iter()
    .map(|r| (r.from_key, r.cast != 0))
    .collect())
}

/// In every opened vote: her votes of the snapshot she delegated, as (vote, voter key, cast by her
/// proxy), for her history.
pub async fn all_delegated_away(
    db: &D1Database,
    member: &MemberId,
) -> ApiResult<Vec<(String, String, bool)>> {
    #[derive(Deserialize)]
    struct Row {
        vote_id: String,
        from_key: String,
        cast: i64,
    }
    Ok(all::<Row>(
        db,
        &format!("SELECT x.vote_id, {DELEGATED_AWAY} WHERE c.member_id = ?1"),
        &[text(member.as_str())],
    )
    .await?
    .into_iter()
    .map(|r| (r.vote_id, r.from_key, r.cast != 0))
    .collect())
}

/// Ballots recorded per vote, for `ids` (votes without any are left out).
pub async fn participated_in(db: &D1Database, ids: &[String]) -> ApiResult<Vec<(String, u64)>> {
    #[derive(Deserialize)]
    struct Row {
        vote_id: String,
        n: u64,
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(all::<Row>(
        db,
        "SELECT vote_id, COUNT(*) AS n FROM vote_participation \
         WHERE vote_id IN (SELECT value FROM json_each(?1)) GROUP BY vote_id",
        &[text(&serde_json::to_string(ids)?)],
    )
    .await?
    .into_iter()
    .map(|r| (r.vote_id, r.n))
    .collect())
}

#[derive(Debug, Deserialize)]
pub struct RegisterRow {
    pub voter_key: String,
    pub name: Option<String>,
    pub home: Option<String>,
    pub voted: i64,
    pub delegated_to: Option<String>,
}

/// The snapshotted electorate with names and homes, whether each voted and to whom each delegated.
pub async fn register(db: &D1Database, vote: &VoteId) -> ApiResult<Vec<RegisterRow>> {
    all(
        db,
        "WITH keyed AS ( \
           SELECT v.voter_key, substr(v.voter_key, 1, 1) AS kind, substr(v.voter_key, 3) AS id \
           FROM vote_voters v WHERE v.vote_id = ?1), \
         homes AS ( \
           SELECT h.id AS household_id, b.name || ' ' || u.name || ' ' || h.name AS home, h.representative_id \
           FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id) \
         SELECT k.voter_key, \
                CASE k.kind WHEN 'm' THEN m.name ELSE r.name END AS name, \
                COALESCE(hm.home, hh.home) AS home, \
                EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = ?1 AND p.voter_key = k.voter_key) AS voted, \
                (SELECT to_key FROM vote_proxies x WHERE x.vote_id = ?1 AND x.from_key = k.voter_key) AS delegated_to \
         FROM keyed k \
         LEFT JOIN members m ON k.kind = 'm' AND m.id = k.id \
         LEFT JOIN homes hm ON hm.household_id = m.household_id \
         LEFT JOIN homes hh ON k.kind = 'h' AND hh.household_id = k.id \
         LEFT JOIN members r ON r.id = hh.representative_id \
         ORDER BY home, name",
        &[text(vote.as_str())],
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct ProxyRow {
    pub from_key: String,
    pub to_key: String,
}

pub async fn proxies(db: &D1Database, vote: &VoteId) -> ApiResult<Vec<ProxyRow>> {
    all(
        db,
        "SELECT from_key, to_key FROM vote_proxies WHERE vote_id = ?1",
        &[text(vote.as_str())],
    )
    .await
}

/// Records a proxy; `false` when her vote was delegated meanwhile.
pub async fn add_proxy(
    db: &D1Database,
    vote: &VoteId,
    from: &str,
    to: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<bool> {
    let insert = stmt(
        db,
        "INSERT INTO vote_proxies (vote_id, from_key, to_key, created_at) VALUES (?1, ?2, ?3, ?4)",
        &[text(vote.as_str()), text(from), text(to), text(&time(now))],
    )?;
    match super::batch(db, vec![insert]).await {
        Ok(_) => Ok(true),
        Err(e) if super::is_unique_violation(&e, "vote_proxies") => Ok(false),
        Err(e) => Err(e),
    }
}

/// The weight of a voter in the snapshot, if she is in it.
pub async fn voter_weight(db: &D1Database, vote: &VoteId, key: &str) -> ApiResult<Option<u64>> {
    #[derive(Deserialize)]
    struct Row {
        weight: u64,
    }
    Ok(first::<Row>(
        db,
        "SELECT weight FROM vote_voters WHERE vote_id = ?1 AND voter_key = ?2",
        &[text(vote.as_str()), text(key)],
    )
    .await?
    .map(|r| r.weight))
}

/// The open votes in which a vote of `member`'s is still to be cast (see [`waiting_sql`]).
pub async fn waiting_for(
    db: &D1Database,
    member: &MemberId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<String>> {
    #[derive(Deserialize)]
    struct Row {
        vote_id: String,
    }
    Ok(all::<Row>(
        db,
        &format!("SELECT DISTINCT vote_id FROM ({})", waiting_sql("?1", "?2")),
        &[text(member.as_str()), text(&time(now))],
    )
    .await?
    .into_iter()
    .map(|r| r.vote_id)
    .collect())
}

/// A ballot to record.
pub struct NewBallot<'a> {
    pub vote: &'a VoteId,
    pub voter_key: &'a str,
    pub cast_by: &'a MemberId,
    pub receipt: &'a str,
    pub choice: &'a str,
    pub weight: u64,
    pub channel: Channel,
    /// Named votes keep the voter with the ballot; secret ones do not.
    pub named: bool,
}

fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::Online => "online",
        Channel::Paper => "paper",
        Channel::ShowOfHands => "show_of_hands",
    }
}

/// A ballot stored: for a meeting's motion, the meeting's revision raised in the same batch.
pub struct Recorded {
    pub revision: Option<u64>,
}

/// Records participation and the ballot in one transaction (with a motion's `meeting`, raising its
/// revision too); a second ballot for the same voter fails on the participation key and writes nothing.
/// Returns `None` then. With `replace` (named votes that allow changes), her earlier online ballot is
/// removed first, in the same transaction; one entered by staff on paper is not, and the new ballot is
/// refused.
pub async fn cast(
    db: &D1Database,
    b: &NewBallot<'_>,
    replace: bool,
    meeting: Option<&yishi_core::ids::MeetingId>,
) -> ApiResult<Option<Recorded>> {
    let mut statements = Vec::new();
    if replace {
        for table in ["vote_ballots", "vote_participation"] {
            statements.push(stmt(
                db,
                &format!(
                    "DELETE FROM {table} WHERE vote_id = ?1 AND voter_key = ?2 AND channel = 'online'"
                ),
                &[text(b.vote.as_str()), text(b.voter_key)],
            )?);
        }
    }
    statements.extend([
        stmt(
            db,
            "INSERT INTO vote_participation (vote_id, voter_key, cast_by, channel) VALUES (?1, ?2, ?3, ?4)",
            &[
                text(b.vote.as_str()),
                text(b.voter_key),
                text(b.cast_by.as_str()),
                text(channel_name(b.channel)),
            ],
        )?,
        stmt(
            db,
            "INSERT INTO vote_ballots (vote_id, receipt, choice, weight, channel, voter_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &[
                text(b.vote.as_str()),
                text(b.receipt),
                text(b.choice),
                JsValue::from(b.weight as f64),
                text(channel_name(b.channel)),
                if b.named {
                    text(b.voter_key)
                } else {
                    JsValue::NULL
                },
            ],
        )?,
    ]);
    if let Some(m) = meeting {
        statements.push(super::meetings::bump(db, m)?);
    }
    match super::batch_results(db, statements).await {
        Ok(results) => Ok(Some(Recorded {
            revision: match (meeting, results.last()) {
                (Some(_), Some(bumped)) => super::meetings::bumped(bumped)?,
                _ => None,
            },
        })),
        Err(e) if super::is_unique_violation(&e, "vote_participation") => Ok(None),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Deserialize)]
pub struct BallotRow {
    pub receipt: String,
    pub choice: String,
    pub weight: u64,
    pub channel: String,
    pub voter_name: Option<String>,
    pub cast_by_name: Option<String>,
}

/// Every ballot of a vote in receipt order; for named votes with the voter (a member's name, or the
/// household's door) and who cast it.
pub async fn ballots(db: &D1Database, vote: &VoteId) -> ApiResult<Vec<BallotRow>> {
    all(
        db,
        "SELECT b.receipt, b.choice, b.weight, b.channel, \
                COALESCE((SELECT m.name FROM members m WHERE 'm:' || m.id = b.voter_key), \
                         (SELECT u.name || ' ' || h.name FROM households h JOIN units u ON u.id = h.unit_id \
                           WHERE 'h:' || h.id = b.voter_key)) AS voter_name, \
                (SELECT m.name FROM vote_participation p JOIN members m ON m.id = p.cast_by \
                  WHERE b.voter_key IS NOT NULL AND p.vote_id = b.vote_id AND p.voter_key = b.voter_key) AS cast_by_name \
         FROM vote_ballots b WHERE b.vote_id = ?1 ORDER BY b.receipt",
        &[text(vote.as_str())],
    )
    .await
}

pub async fn participated(db: &D1Database, vote: &VoteId) -> ApiResult<u64> {
    #[derive(Deserialize)]
    struct Count {
        n: u64,
    }
    Ok(first::<Count>(
        db,
        "SELECT COUNT(*) AS n FROM vote_participation WHERE vote_id = ?1",
        &[text(vote.as_str())],
    )
    .await?
    .map_or(0, |c| c.n))
}

pub fn close(
    db: &D1Database,
    vote: &VoteId,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE votes SET closed_at = ?2 WHERE id = ?1 AND closed_at IS NULL",
        &[text(vote.as_str()), text(&time(now))],
    )
}
