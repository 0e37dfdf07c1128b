-- Budget rounds of self-governance projects (居民自治项目化, 微实事): a community's budget, its phases, and
-- the needs residents post and support in it (core::projects). Amounts are whole fen. A round's schedule
-- is one JSON array, checked whole by core (`Schedule::new`) before it is stored, and moved with the
-- revision guard so two staff members moving ends at once cannot interleave.

CREATE TABLE budget_rounds (
    id           TEXT PRIMARY KEY,
    -- A round belongs to one community; the other path columns stay empty, so the usual scope filters
    -- apply to it.
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT NOT NULL REFERENCES communities (id),
    compound_id  TEXT CHECK (compound_id IS NULL),
    building_id  TEXT CHECK (building_id IS NULL),
    unit_id      TEXT CHECK (unit_id IS NULL),
    title        TEXT NOT NULL,
    budget_fen   INTEGER NOT NULL CHECK (budget_fen > 0),
    cap_fen      INTEGER NOT NULL CHECK (cap_fen > 0 AND cap_fen <= budget_fen),
    -- core::projects::Allocation
    allocation   TEXT NOT NULL CHECK (allocation IN ('approval_budget', 'knapsack', 'equal_shares')),
    -- JSON array of the category names.
    categories   TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    -- JSON array of { phase, ends_at }, in order.
    phases       TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    created_by   TEXT NOT NULL REFERENCES members (id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX budget_rounds_by_community ON budget_rounds (community_id, starts_at DESC);

CREATE TABLE round_needs (
    id          TEXT PRIMARY KEY,
    round_id    TEXT NOT NULL REFERENCES budget_rounds (id),
    author_id   TEXT NOT NULL REFERENCES members (id),
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    category    TEXT NOT NULL,
    place       TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX round_needs_by_round ON round_needs (round_id, created_at);

-- One support per resident and need, its author's included (written with the need).
CREATE TABLE need_supports (
    need_id   TEXT NOT NULL REFERENCES round_needs (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    at        TEXT NOT NULL,
    PRIMARY KEY (need_id, member_id)
) WITHOUT ROWID;
