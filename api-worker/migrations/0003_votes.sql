-- Votes (投票): settings fixed at creation, an electorate snapshotted when the vote opens, participation
-- (who voted) kept apart from ballots (what was chosen), each ballot under a random receipt.

CREATE TABLE votes (
    id           TEXT PRIMARY KEY,
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    title        TEXT NOT NULL,
    -- core::votes::poll::PollSettings as JSON; never changed once the vote opens.
    settings     TEXT NOT NULL,
    opens_at     TEXT NOT NULL,
    closes_at    TEXT NOT NULL,
    -- Set in the transaction that takes the electorate snapshot.
    opened_at    TEXT,
    -- Set when staff close the vote before its time.
    closed_at    TEXT,
    eligible        INTEGER,
    eligible_weight INTEGER,
    created_by   TEXT NOT NULL REFERENCES members (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX votes_by_community ON votes (community_id, opens_at DESC);

-- The electorate as it was when the vote opened: one row per vote counted (a member or a household).
CREATE TABLE vote_voters (
    vote_id   TEXT NOT NULL REFERENCES votes (id),
    voter_key TEXT NOT NULL,
    weight    INTEGER NOT NULL,
    PRIMARY KEY (vote_id, voter_key)
) WITHOUT ROWID;

-- Who may cast each of those votes.
CREATE TABLE vote_casters (
    vote_id   TEXT NOT NULL REFERENCES votes (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    voter_key TEXT NOT NULL,
    PRIMARY KEY (vote_id, member_id, voter_key)
) WITHOUT ROWID;

-- Proxies (委托), given before the vote opens: the vote of `from_key` is cast by a caster of `to_key`.
CREATE TABLE vote_proxies (
    vote_id    TEXT NOT NULL REFERENCES votes (id),
    from_key   TEXT NOT NULL,
    to_key     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (vote_id, from_key)
) WITHOUT ROWID;

-- That a vote was cast, by whom and how: at most once per voter, across every channel.
CREATE TABLE vote_participation (
    vote_id   TEXT NOT NULL REFERENCES votes (id),
    voter_key TEXT NOT NULL,
    cast_by   TEXT NOT NULL REFERENCES members (id),
    channel   TEXT NOT NULL CHECK (channel IN ('online', 'paper', 'show_of_hands')),
    PRIMARY KEY (vote_id, voter_key)
) WITHOUT ROWID;

-- What was chosen, under its receipt. For secret votes `voter_key` is NULL and nothing else links a
-- ballot to its voter: no time, and rows are stored in receipt order (WITHOUT ROWID), not casting order.
CREATE TABLE vote_ballots (
    vote_id   TEXT NOT NULL REFERENCES votes (id),
    receipt   TEXT NOT NULL,
    choice    TEXT NOT NULL,
    weight    INTEGER NOT NULL,
    channel   TEXT NOT NULL CHECK (channel IN ('online', 'paper', 'show_of_hands')),
    voter_key TEXT,
    PRIMARY KEY (vote_id, receipt)
) WITHOUT ROWID;
CREATE UNIQUE INDEX vote_ballots_named ON vote_ballots (vote_id, voter_key) WHERE voter_key IS NOT NULL;

-- For votes of residents over a given age: the year of birth, recorded by staff (NULL: not known).
ALTER TABLE members ADD COLUMN birth_year INTEGER;
