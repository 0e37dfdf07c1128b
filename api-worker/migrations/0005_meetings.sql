-- Deliberation meetings (议事会): the meeting with its rules and check-in code, its agenda, who came and
-- left, the speakers' queue, and its motions, which are votes of the voting engine.

CREATE TABLE meetings (
    id           TEXT PRIMARY KEY,
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    title        TEXT NOT NULL,
    -- core::meetings::MeetingSettings as JSON (the agenda's titles are in meeting_items).
    settings     TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'open', 'closed')),
    opened_at    TEXT,
    closed_at    TEXT,
    -- The secret of the check-in QR code shown in the room.
    checkin_token TEXT NOT NULL,
    -- Raised by every change, so that live views keep only the newest state.
    revision     INTEGER NOT NULL DEFAULT 0,
    -- The minutes, written at close and edited by the secretary until published.
    minutes      TEXT,
    minutes_notice_id TEXT REFERENCES notices (id),
    created_by   TEXT NOT NULL REFERENCES members (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX meetings_by_community ON meetings (community_id, starts_at DESC);

CREATE TABLE meeting_items (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'open', 'done')),
    opened_at  TEXT,
    closed_at  TEXT,
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;

-- One row per person who came; leaving sets left_at, coming back clears it.
CREATE TABLE meeting_attendance (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id),
    member_id   TEXT NOT NULL REFERENCES members (id),
    arrived_at  TEXT NOT NULL,
    left_at     TEXT,
    -- Staff who checked her in by hand (代签到), and why.
    recorded_by TEXT REFERENCES members (id),
    reason      TEXT,
    PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;

CREATE TABLE meeting_speakers (
    id           TEXT PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meetings (id),
    member_id    TEXT NOT NULL REFERENCES members (id),
    item_position INTEGER,
    state        TEXT NOT NULL CHECK (state IN ('waiting', 'speaking', 'done', 'withdrawn')),
    requested_at TEXT NOT NULL,
    started_at   TEXT,
    ended_at     TEXT,
    -- The countdown the chair gave, if any.
    seconds      INTEGER
);
-- One pending request per person, and one person holding the floor.
CREATE UNIQUE INDEX meeting_speakers_pending ON meeting_speakers (meeting_id, member_id)
    WHERE state IN ('waiting', 'speaking');
CREATE UNIQUE INDEX meeting_speakers_floor ON meeting_speakers (meeting_id) WHERE state = 'speaking';

-- A motion is a vote of the meeting: its electorate is who was present when it was put.
ALTER TABLE votes ADD COLUMN meeting_id TEXT REFERENCES meetings (id);
ALTER TABLE votes ADD COLUMN item_position INTEGER;
-- Eligible voters present when the motion was put (the base of a presence quorum).
ALTER TABLE votes ADD COLUMN present INTEGER;
-- The chair put the motion without a quorum, for this reason.
ALTER TABLE votes ADD COLUMN quorum_override TEXT;
-- One open motion per meeting at a time.
CREATE UNIQUE INDEX votes_open_motion ON votes (meeting_id) WHERE meeting_id IS NOT NULL AND closed_at IS NULL;
