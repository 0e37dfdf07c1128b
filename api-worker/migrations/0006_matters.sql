-- Residents' matters (民事) through the five resident steps: propose, deliberate, decide, carry out,
-- evaluate. core::matters holds the rules; these tables hold the record. Nothing here is deleted: a
-- declined or merged matter stays with its reason, a hidden comment keeps its place.

-- A community's thresholds (supports that put a matter on the council's list) and rating window.
-- Communities without a row use core's defaults.
CREATE TABLE matter_settings (
    community_id       TEXT PRIMARY KEY REFERENCES communities (id),
    building_supports  INTEGER NOT NULL,
    compound_supports  INTEGER NOT NULL,
    community_supports INTEGER NOT NULL,
    evaluation_days    INTEGER NOT NULL,
    updated_by         TEXT NOT NULL REFERENCES members (id),
    updated_at         TEXT NOT NULL
);

CREATE TABLE matters (
    id           TEXT PRIMARY KEY,
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    category     TEXT NOT NULL,
    micro_wish   INTEGER NOT NULL DEFAULT 0,
    -- core::matters::Step. Changes are guarded: see db::matters::set_step.
    step         TEXT NOT NULL CHECK (step IN ('proposed', 'deliberating', 'deciding', 'implementing',
                     'accepting', 'evaluating', 'declined', 'merged', 'rejected')),
    -- Supports needed, fixed when proposed.
    threshold    INTEGER NOT NULL,
    proposer_id  TEXT NOT NULL REFERENCES members (id),
    created_at   TEXT NOT NULL,
    -- Raised by every change; lists are ordered by it.
    updated_at   TEXT NOT NULL,
    merged_into  TEXT REFERENCES matters (id),
    decline_reason TEXT,
    summary      TEXT,
    summary_by   TEXT REFERENCES members (id),
    summary_at   TEXT,
    -- The decision: an online ballot, or an item of a meeting's agenda and its motion.
    vote_id      TEXT REFERENCES votes (id),
    meeting_id   TEXT REFERENCES meetings (id),
    item_position INTEGER,
    decision     TEXT CHECK (decision IN ('adopted', 'rejected')),
    decision_notice_id TEXT REFERENCES notices (id),
    owner_kind   TEXT,
    owner_name   TEXT,
    owner_member_id TEXT REFERENCES members (id),
    evaluation_ends_at TEXT
);
CREATE INDEX matters_by_community ON matters (community_id, updated_at DESC);
CREATE INDEX matters_by_proposer ON matters (proposer_id);

-- One support per person. Supports carried over from a merged duplicate name it in via_matter_id.
CREATE TABLE matter_supports (
    matter_id     TEXT NOT NULL REFERENCES matters (id),
    member_id     TEXT NOT NULL REFERENCES members (id),
    supported_at  TEXT NOT NULL,
    via_matter_id TEXT REFERENCES matters (id),
    PRIMARY KEY (matter_id, member_id)
) WITHOUT ROWID;
CREATE INDEX matter_supports_by_member ON matter_supports (member_id);

CREATE TABLE matter_comments (
    id          TEXT PRIMARY KEY,
    matter_id   TEXT NOT NULL REFERENCES matters (id),
    parent_id   TEXT REFERENCES matter_comments (id),
    member_id   TEXT NOT NULL REFERENCES members (id),
    stance      TEXT NOT NULL CHECK (stance IN ('for', 'against', 'question', 'suggestion')),
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    -- Moderation hides, with a public reason; it never deletes.
    hidden_reason TEXT,
    hidden_by   TEXT REFERENCES members (id),
    hidden_at   TEXT
);
CREATE INDEX matter_comments_by_matter ON matter_comments (matter_id, created_at);

CREATE TABLE matter_milestones (
    matter_id TEXT NOT NULL REFERENCES matters (id),
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    due_on    TEXT NOT NULL,
    done_at   TEXT,
    PRIMARY KEY (matter_id, position)
) WITHOUT ROWID;

-- The timeline: append-only. Progress updates are events of kind 'progress' with their text in note.
CREATE TABLE matter_events (
    id        TEXT PRIMARY KEY,
    matter_id TEXT NOT NULL REFERENCES matters (id),
    at        TEXT NOT NULL,
    actor_id  TEXT NOT NULL REFERENCES members (id),
    kind      TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX matter_events_by_matter ON matter_events (matter_id, at);

CREATE TABLE matter_ratings (
    matter_id TEXT NOT NULL REFERENCES matters (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    stars     INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment   TEXT NOT NULL DEFAULT '',
    rated_at  TEXT NOT NULL,
    PRIMARY KEY (matter_id, member_id)
) WITHOUT ROWID;

-- Photos live in the bucket under their id; this is what is known of them. A photo is attached once,
-- to a matter (event_id NULL) or to one of its progress updates.
CREATE TABLE photos (
    id           TEXT PRIMARY KEY,
    uploaded_by  TEXT NOT NULL REFERENCES members (id),
    content_type TEXT NOT NULL,
    bytes        INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    matter_id    TEXT REFERENCES matters (id),
    event_id     TEXT REFERENCES matter_events (id)
);
CREATE INDEX photos_by_matter ON photos (matter_id);
