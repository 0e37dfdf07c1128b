-- Reminders on schedule and the staff digest (core::notifications::reminders). No new audience: a
-- reminder that a vote closes is addressed to the vote's voters like its opening, and the inbox keeps
-- it only for those who may still cast a vote of it (db::notifications, by its kind).
-- The staff digest's counts, as JSON (core::notifications::StaffDigest); NULL for every other kind.
ALTER TABLE notifications ADD COLUMN digest TEXT;
