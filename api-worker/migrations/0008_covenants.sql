-- Resident covenants (居民公约, 一事一约): versions of clauses drafted with residents' comments, adopted by a
-- vote, published as a notice and signed by households. Nothing is deleted: every version keeps its
-- comments, its vote, its notice and its signatures.

CREATE TABLE covenants (
    id           TEXT PRIMARY KEY,
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    title        TEXT NOT NULL,
    created_by   TEXT NOT NULL REFERENCES members (id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX covenants_by_community ON covenants (community_id, updated_at DESC);

CREATE TABLE covenant_versions (
    covenant_id TEXT NOT NULL REFERENCES covenants (id),
    number      INTEGER NOT NULL,
    -- core::covenants::VersionState; changes are guarded like matters' steps.
    state       TEXT NOT NULL CHECK (state IN ('drafting', 'voting', 'adopted', 'rejected', 'superseded')),
    -- The clauses, a JSON array of strings.
    clauses     TEXT NOT NULL,
    vote_id     TEXT REFERENCES votes (id),
    notice_id   TEXT REFERENCES notices (id),
    created_by  TEXT NOT NULL REFERENCES members (id),
    created_at  TEXT NOT NULL,
    adopted_at  TEXT,
    PRIMARY KEY (covenant_id, number)
) WITHOUT ROWID;
-- At most one version in force.
CREATE UNIQUE INDEX covenant_in_force ON covenant_versions (covenant_id) WHERE state = 'adopted';

CREATE TABLE covenant_comments (
    id          TEXT PRIMARY KEY,
    covenant_id TEXT NOT NULL REFERENCES covenants (id),
    number      INTEGER NOT NULL,
    clause      INTEGER NOT NULL,
    member_id   TEXT NOT NULL REFERENCES members (id),
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX covenant_comments_by_version ON covenant_comments (covenant_id, number, created_at);

-- One signature per household and version: online by one of its members (member_id), or on paper,
-- recorded by staff or a grid worker (recorded_by, reason).
CREATE TABLE covenant_signatures (
    covenant_id  TEXT NOT NULL REFERENCES covenants (id),
    number       INTEGER NOT NULL,
    household_id TEXT NOT NULL REFERENCES households (id),
    member_id    TEXT REFERENCES members (id),
    recorded_by  TEXT REFERENCES members (id),
    reason       TEXT,
    signed_at    TEXT NOT NULL,
    PRIMARY KEY (covenant_id, number, household_id)
) WITHOUT ROWID;
