-- Yishi foundation: territory, members and roles, invite codes, notices, audit log.
-- Times are RFC 3339 UTC text with milliseconds ("2026-11-22T08:00:00.000Z"), so they sort as text.
-- Records addressed to a place of the territory carry its whole path (street_id … unit_id): the
-- hierarchy never moves, and scope checks then need no joins.

CREATE TABLE streets (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    code       TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE communities (
    id         TEXT PRIMARY KEY,
    street_id  TEXT NOT NULL REFERENCES streets (id),
    name       TEXT NOT NULL,
    code       TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX communities_by_street ON communities (street_id);

CREATE TABLE compounds (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities (id),
    name         TEXT NOT NULL,
    code         TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX compounds_by_community ON compounds (community_id);

CREATE TABLE buildings (
    id          TEXT PRIMARY KEY,
    compound_id TEXT NOT NULL REFERENCES compounds (id),
    name        TEXT NOT NULL,
    code        TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX buildings_by_compound ON buildings (compound_id);

CREATE TABLE units (
    id          TEXT PRIMARY KEY,
    building_id TEXT NOT NULL REFERENCES buildings (id),
    name        TEXT NOT NULL,
    code        TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX units_by_building ON units (building_id);

CREATE TABLE households (
    id         TEXT PRIMARY KEY,
    unit_id    TEXT NOT NULL REFERENCES units (id),
    -- The door number as residents say it: "301".
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (unit_id, name)
);

CREATE TABLE members (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    phone         TEXT UNIQUE,
    -- pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>; NULL for someone who cannot sign in.
    password_hash TEXT,
    household_id  TEXT REFERENCES households (id),
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at    TEXT NOT NULL
);
CREATE INDEX members_by_household ON members (household_id);

CREATE TABLE role_grants (
    member_id    TEXT NOT NULL REFERENCES members (id),
    role         TEXT NOT NULL CHECK (role IN ('building_head', 'community_staff', 'street_admin')),
    -- The deepest level of the path below, named once more for uniqueness (NULLs never collide).
    scope_kind   TEXT NOT NULL CHECK (scope_kind IN ('street', 'community', 'compound', 'building', 'unit')),
    scope_id     TEXT NOT NULL,
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (member_id, role, scope_kind, scope_id)
);

CREATE TABLE invite_codes (
    -- 8 characters of 23456789ABCDEFGHJKMNPQRSTVWXYZ, stored without the dash.
    code         TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households (id),
    created_by   TEXT REFERENCES members (id),
    created_at   TEXT NOT NULL,
    used_by      TEXT REFERENCES members (id),
    used_at      TEXT,
    revoked_at   TEXT
);
CREATE INDEX invite_codes_by_household ON invite_codes (household_id);

CREATE TABLE notices (
    id           TEXT PRIMARY KEY,
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    author_id    TEXT NOT NULL REFERENCES members (id),
    published_at TEXT NOT NULL
);
CREATE INDEX notices_by_time ON notices (published_at DESC, id DESC);
CREATE INDEX notices_by_community ON notices (community_id, published_at DESC);

-- Append-only: who did what, when, on what, in which scope.
CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    TEXT NOT NULL REFERENCES members (id),
    action      TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    scope_kind  TEXT,
    scope_id    TEXT,
    detail      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
