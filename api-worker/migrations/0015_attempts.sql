-- Attempt counters (sign-in, joining, invite look-ups, passcode changes, Open311 keys): one row per key,
-- the key being the SHA-256 of what is counted (a phone number, a client address), never the thing
-- itself. Moved from KV, whose read-then-write let concurrent attempts undercount: every attempt now
-- counts itself in one statement (an upsert), so N attempts at once are N. Rows of ended windows are
-- deleted by the scheduled job.
CREATE TABLE attempts (
  key TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  count INTEGER NOT NULL
) WITHOUT ROWID;
