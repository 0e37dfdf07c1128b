-- Web Push (core::push): one subscription per session, that is per phone signed in. Signing out or ending
-- the session from another device deletes it; one whose session has expired is never sent to, and the
-- scheduled job deletes it. The endpoint is a capability (whoever holds it can push to the phone): it is
-- never shown, logged or exported.
CREATE TABLE push_subscriptions (
    session_id TEXT PRIMARY KEY,
    member_id  TEXT NOT NULL REFERENCES members (id),
    endpoint   TEXT NOT NULL UNIQUE,
    p256dh     TEXT NOT NULL,
    auth       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX push_subscriptions_by_member ON push_subscriptions (member_id);
