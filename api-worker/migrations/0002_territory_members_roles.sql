-- Territory management, residency verification, household representatives, roles for the grid
-- hierarchy, in-person invite codes, profiles, notice reads (with acting on behalf), and an audit log
-- that can be read by scope.

-- Places are archived, never deleted; names are unique among siblings.
ALTER TABLE compounds ADD COLUMN archived_at TEXT;
ALTER TABLE buildings ADD COLUMN archived_at TEXT;
ALTER TABLE units ADD COLUMN archived_at TEXT;
ALTER TABLE households ADD COLUMN archived_at TEXT;
CREATE UNIQUE INDEX compounds_unique_name ON compounds (community_id, name);
CREATE UNIQUE INDEX buildings_unique_name ON buildings (compound_id, name);
CREATE UNIQUE INDEX units_unique_name ON units (building_id, name);

-- The member who casts the household's votes (户代表).
ALTER TABLE households ADD COLUMN representative_id TEXT REFERENCES members (id);

-- Residency verification: NULL for members who live in no household.
ALTER TABLE members ADD COLUMN verification TEXT CHECK (verification IN ('pending', 'confirmed'));
ALTER TABLE members ADD COLUMN verified_by TEXT REFERENCES members (id);
ALTER TABLE members ADD COLUMN verified_at TEXT;
UPDATE members SET verification = 'confirmed' WHERE household_id IS NOT NULL;
UPDATE households SET representative_id = (
    SELECT m.id FROM members m WHERE m.household_id = households.id ORDER BY m.created_at, m.id LIMIT 1
);

-- Profile.
ALTER TABLE members ADD COLUMN name_display TEXT NOT NULL DEFAULT 'full'
    CHECK (name_display IN ('full', 'initials'));
ALTER TABLE members ADD COLUMN lang TEXT CHECK (lang IN ('zh-CN', 'en'));
ALTER TABLE members ADD COLUMN large_type INTEGER NOT NULL DEFAULT 0 CHECK (large_type IN (0, 1));

-- A code handed to the household in person confirms the resident who joins with it.
ALTER TABLE invite_codes ADD COLUMN in_person INTEGER NOT NULL DEFAULT 0 CHECK (in_person IN (0, 1));

-- Roles of the grid hierarchy and the council: the role CHECK widens, so the table is rebuilt.
CREATE TABLE role_grants_v2 (
    member_id    TEXT NOT NULL REFERENCES members (id),
    role         TEXT NOT NULL CHECK (role IN ('building_head', 'resident_group_leader', 'grid_worker',
                     'grid_head', 'grid_director', 'council_member', 'community_staff', 'street_admin')),
    scope_kind   TEXT NOT NULL CHECK (scope_kind IN ('street', 'community', 'compound', 'building', 'unit')),
    scope_id     TEXT NOT NULL,
    street_id    TEXT NOT NULL REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    granted_by   TEXT REFERENCES members (id),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (member_id, role, scope_kind, scope_id)
);
INSERT INTO role_grants_v2 (member_id, role, scope_kind, scope_id, street_id, community_id, compound_id,
                            building_id, unit_id, created_at)
    SELECT member_id, role, scope_kind, scope_id, street_id, community_id, compound_id, building_id,
           unit_id, created_at
    FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_v2 RENAME TO role_grants;
CREATE INDEX role_grants_by_community ON role_grants (community_id);

-- Who has read a notice; `recorded_by` and `reason` are set when someone recorded it for her (代办).
CREATE TABLE notice_reads (
    notice_id   TEXT NOT NULL REFERENCES notices (id),
    member_id   TEXT NOT NULL REFERENCES members (id),
    read_at     TEXT NOT NULL,
    recorded_by TEXT REFERENCES members (id),
    reason      TEXT,
    PRIMARY KEY (notice_id, member_id),
    CHECK ((recorded_by IS NULL) = (reason IS NULL))
);

-- The audit log gains the full path of its scope (so staff read what lies within theirs) and the
-- resident an action was done for. Old entries are completed once, with the append-only triggers lifted
-- for the duration of this migration only.
ALTER TABLE audit_log ADD COLUMN street_id TEXT;
ALTER TABLE audit_log ADD COLUMN community_id TEXT;
ALTER TABLE audit_log ADD COLUMN compound_id TEXT;
ALTER TABLE audit_log ADD COLUMN building_id TEXT;
ALTER TABLE audit_log ADD COLUMN unit_id TEXT;
ALTER TABLE audit_log ADD COLUMN on_behalf_of TEXT REFERENCES members (id);
ALTER TABLE audit_log ADD COLUMN reason TEXT;
DROP TRIGGER audit_log_is_append_only_update;
UPDATE audit_log SET
    street_id = n.street_id, community_id = n.community_id, compound_id = n.compound_id,
    building_id = n.building_id, unit_id = n.unit_id
FROM notices n WHERE audit_log.target_kind = 'notice' AND n.id = audit_log.target_id;
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE INDEX audit_log_by_community ON audit_log (community_id, at DESC);
