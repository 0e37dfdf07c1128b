-- Residents' requests (民生诉求): the district's catalogue of what residents ask about, who answers for
-- each subcategory and how fast, and the requests themselves with their record. core::requests holds the
-- rules. Nothing is deleted: a merged request keeps its own record, a subcategory is retired, not removed.

-- Bodies that answer for requests: the community office, a property company, a street department, a
-- utility. Their members (accounts of this district) handle the requests.
CREATE TABLE handling_units (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('community_office', 'property_company', 'street_department',
                   'utility')),
    created_at TEXT NOT NULL
);

CREATE TABLE handling_unit_members (
    unit_id   TEXT NOT NULL REFERENCES handling_units (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    added_at  TEXT NOT NULL,
    PRIMARY KEY (unit_id, member_id)
) WITHOUT ROWID;
CREATE INDEX handling_unit_members_by_member ON handling_unit_members (member_id);

CREATE TABLE request_categories (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL
);

CREATE TABLE request_subcategories (
    id          TEXT PRIMARY KEY,
    category_id TEXT NOT NULL REFERENCES request_categories (id),
    name        TEXT NOT NULL,
    unit_id     TEXT NOT NULL REFERENCES handling_units (id),
    legal_basis TEXT NOT NULL DEFAULT '',
    standard    TEXT NOT NULL DEFAULT '',
    -- Joined with '、'.
    keywords    TEXT NOT NULL DEFAULT '',
    limit_unit  TEXT NOT NULL CHECK (limit_unit IN ('working_days', 'hours')),
    limit_value INTEGER NOT NULL CHECK (limit_value > 0),
    active      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (category_id, name)
);

-- The calendar's exceptions: public holidays, and weekend days worked instead (调休).
CREATE TABLE work_calendar (
    day  TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday'))
) WITHOUT ROWID;

-- One row: the district's settings for requests.
CREATE TABLE request_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    confirm_days INTEGER NOT NULL,
    updated_by   TEXT REFERENCES members (id),
    updated_at   TEXT NOT NULL
);

CREATE TABLE requests (
    id             TEXT PRIMARY KEY,
    subcategory_id TEXT NOT NULL REFERENCES request_subcategories (id),
    -- The handling unit it is with now.
    handler_id     TEXT NOT NULL REFERENCES handling_units (id),
    street_id      TEXT NOT NULL REFERENCES streets (id),
    community_id   TEXT NOT NULL REFERENCES communities (id),
    compound_id    TEXT REFERENCES compounds (id),
    building_id    TEXT REFERENCES buildings (id),
    unit_id        TEXT REFERENCES units (id),
    place_text     TEXT,
    description    TEXT NOT NULL,
    -- The resident's account, when she has one; otherwise the caller's name and phone as registered.
    requester_id   TEXT REFERENCES members (id),
    caller_name    TEXT,
    caller_phone   TEXT,
    show_name      INTEGER NOT NULL DEFAULT 0,
    channel        TEXT NOT NULL CHECK (channel IN ('app', 'phone', 'in_person', 'open311')),
    registered_by  TEXT REFERENCES members (id),
    -- core::requests::Status. Changes are guarded: see db::requests::set_status.
    status         TEXT NOT NULL CHECK (status IN ('received', 'accepted', 'in_progress', 'resolved',
                       'closed', 'returned', 'merged')),
    received_at    TEXT NOT NULL,
    deadline       TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    -- The last resolution while it stands (cleared when reopened).
    resolved_at    TEXT,
    closed_at      TEXT,
    -- 0 none, 1 community, 2 street, 3 district (core::requests::Escalation).
    escalation     INTEGER NOT NULL DEFAULT 0,
    returned_to    TEXT REFERENCES handling_units (id),
    merged_into    TEXT REFERENCES requests (id),
    split_from     TEXT REFERENCES requests (id),
    outcome        TEXT CHECK (outcome IN ('fixed', 'partly', 'not_fixed')),
    stars          INTEGER CHECK (stars BETWEEN 1 AND 5),
    rating_comment TEXT,
    rated_at       TEXT,
    lat            REAL,
    long           REAL
);
CREATE INDEX requests_by_community ON requests (community_id, updated_at DESC);
CREATE INDEX requests_by_handler ON requests (handler_id, updated_at DESC);
CREATE INDEX requests_by_requester ON requests (requester_id);
CREATE INDEX requests_by_received ON requests (received_at);
CREATE INDEX requests_open ON requests (status, deadline);

-- Residents who joined a request about the same trouble instead of raising another (并案).
CREATE TABLE request_followers (
    request_id TEXT NOT NULL REFERENCES requests (id),
    member_id  TEXT NOT NULL REFERENCES members (id),
    joined_at  TEXT NOT NULL,
    PRIMARY KEY (request_id, member_id)
) WITHOUT ROWID;
CREATE INDEX request_followers_by_member ON request_followers (member_id);

-- The record: append-only. actor_id is NULL for the scheduled job (escalation, closing unanswered).
CREATE TABLE request_events (
    id         TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    at         TEXT NOT NULL,
    actor_id   TEXT REFERENCES members (id),
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    handler_id TEXT REFERENCES handling_units (id),
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_by_request ON request_events (request_id, at);

-- Keys of Open311 clients (a hotline's system, a city app): what they submit is registered on the
-- community's behalf. Only the key's SHA-256 is kept.
CREATE TABLE open311_keys (
    key_hash     TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    community_id TEXT NOT NULL REFERENCES communities (id),
    created_by   TEXT NOT NULL REFERENCES members (id),
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
);

-- Photos of a request and of its resolution.
ALTER TABLE photos ADD COLUMN request_id TEXT REFERENCES requests (id);
ALTER TABLE photos ADD COLUMN request_event_id TEXT REFERENCES request_events (id);
