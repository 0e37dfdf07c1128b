-- The inbox (core::notifications). One row per event, addressed to an audience and resolved when a
-- member reads her inbox: a notice to a community of thousands is one row, written in the batch that
-- publishes it.
--   audience 'member'           member_id
--   audience 'residents'        the place's path columns (residents whose home lies within it)
--   audience 'voters'           vote_id (the vote's casters)
--   audience 'matter_followers' matter_id (its proposer and supporters)
--   audience 'request_followers' request_id (its requester and followers)
-- The key makes each event told once: a retried request or a job that runs twice inserts nothing more.
CREATE TABLE notifications (
    id           TEXT PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    title        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    -- Who caused it: nobody is told of her own act.
    actor_id     TEXT REFERENCES members (id),
    audience     TEXT NOT NULL CHECK (audience IN
                     ('member', 'residents', 'voters', 'matter_followers', 'request_followers')),
    member_id    TEXT REFERENCES members (id),
    street_id    TEXT REFERENCES streets (id),
    community_id TEXT REFERENCES communities (id),
    compound_id  TEXT REFERENCES compounds (id),
    building_id  TEXT REFERENCES buildings (id),
    unit_id      TEXT REFERENCES units (id),
    vote_id      TEXT REFERENCES votes (id),
    matter_id    TEXT REFERENCES matters (id),
    request_id   TEXT REFERENCES requests (id)
);
CREATE INDEX notifications_by_time ON notifications (created_at DESC, id DESC);
CREATE INDEX notifications_to_member ON notifications (member_id, created_at DESC) WHERE member_id IS NOT NULL;
CREATE INDEX notifications_to_street ON notifications (street_id, created_at DESC) WHERE audience = 'residents';
CREATE INDEX notifications_to_voters ON notifications (vote_id) WHERE vote_id IS NOT NULL;
CREATE INDEX notifications_to_matter ON notifications (matter_id) WHERE matter_id IS NOT NULL;
CREATE INDEX notifications_to_request ON notifications (request_id) WHERE request_id IS NOT NULL;

-- A step on a matter (every event after its proposal) and each comment on it tell its followers; each
-- change on a request after it was received (not a neighbour joining it) tells its followers. Triggers,
-- so that no route that writes a step can forget to tell; the notification's id and key come from the
-- event's, so it is written once.
CREATE TRIGGER matter_events_tell AFTER INSERT ON matter_events WHEN NEW.kind <> 'proposed'
BEGIN
    INSERT INTO notifications (id, key, kind, subject_type, subject_id, title, created_at, actor_id,
                               audience, matter_id)
    SELECT 'ntf_' || substr(NEW.id, 5), 'matter_updated:' || NEW.matter_id || ':' || NEW.id,
           'matter_updated', 'matter', NEW.matter_id, substr(m.title, 1, 80), NEW.at, NEW.actor_id,
           'matter_followers', NEW.matter_id
    FROM matters m WHERE m.id = NEW.matter_id
    ON CONFLICT (key) DO NOTHING;
END;
CREATE TRIGGER matter_comments_tell AFTER INSERT ON matter_comments
BEGIN
    INSERT INTO notifications (id, key, kind, subject_type, subject_id, title, created_at, actor_id,
                               audience, matter_id)
    SELECT 'ntf_' || substr(NEW.id, 5), 'matter_updated:' || NEW.matter_id || ':' || NEW.id,
           'matter_updated', 'matter', NEW.matter_id, substr(m.title, 1, 80), NEW.created_at,
           NEW.member_id, 'matter_followers', NEW.matter_id
    FROM matters m WHERE m.id = NEW.matter_id
    ON CONFLICT (key) DO NOTHING;
END;
CREATE TRIGGER request_events_tell AFTER INSERT ON request_events
    WHEN NEW.kind NOT IN ('received', 'joined')
BEGIN
    INSERT INTO notifications (id, key, kind, subject_type, subject_id, title, created_at, actor_id,
                               audience, request_id)
    SELECT 'ntf_' || substr(NEW.id, 5), 'request_updated:' || NEW.request_id || ':' || NEW.id,
           'request_updated', 'request', NEW.request_id, substr(r.description, 1, 80), NEW.at,
           NEW.actor_id, 'request_followers', NEW.request_id
    FROM requests r WHERE r.id = NEW.request_id
    ON CONFLICT (key) DO NOTHING;
END;

-- What each member has read: one row per notification she opened, and "everything before" as a mark.
CREATE TABLE notification_reads (
    member_id       TEXT NOT NULL REFERENCES members (id),
    notification_id TEXT NOT NULL REFERENCES notifications (id),
    read_at         TEXT NOT NULL,
    PRIMARY KEY (member_id, notification_id)
) WITHOUT ROWID;
ALTER TABLE members ADD COLUMN notifications_read_to TEXT;
-- core::notifications::NotificationPrefs as JSON; '{}' keeps every default.
ALTER TABLE members ADD COLUMN notification_prefs TEXT NOT NULL DEFAULT '{}';
