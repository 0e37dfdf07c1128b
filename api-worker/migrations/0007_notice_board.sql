-- The notice board grows up: categories, pins, drafts, scheduled publication, expiry (the archive), the
-- publication period (公示期) with objections (异议) that staff answer publicly.

ALTER TABLE notices ADD COLUMN category TEXT NOT NULL DEFAULT 'community_affairs'
    CHECK (category IN ('community_affairs', 'financial', 'decision', 'covenant', 'meeting', 'event', 'emergency'));
ALTER TABLE notices ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
-- A draft is seen only by those who may post to its scope; `published_at` is set when it is published.
ALTER TABLE notices ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
-- After this time the notice leaves the board for the archive (still readable and searchable).
ALTER TABLE notices ADD COLUMN expires_at TEXT;
-- The end of the publication period, if the notice has one.
ALTER TABLE notices ADD COLUMN period_ends_at TEXT;
CREATE INDEX notices_pinned ON notices (pinned) WHERE pinned = 1;

CREATE TABLE notice_objections (
    id          TEXT PRIMARY KEY,
    notice_id   TEXT NOT NULL REFERENCES notices (id),
    member_id   TEXT NOT NULL REFERENCES members (id),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    -- Staff's public answer, given once: whether the objection changes the decision.
    answer      TEXT,
    upheld      INTEGER,
    answered_by TEXT REFERENCES members (id),
    answered_at TEXT
);
CREATE INDEX notice_objections_by_notice ON notice_objections (notice_id, created_at);
