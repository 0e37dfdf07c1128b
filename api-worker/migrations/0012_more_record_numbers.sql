-- Short numbers for the other records residents and staff talk about (公告 #37, 投票 #5, 会议 #3, 公约 #2),
-- as 0011 gave requests and matters theirs. Notices, votes, meetings and covenants all store their place
-- as a path whose street is always set and whose community is NULL for a record of the whole street, so
-- each kind counts within its community, or within its street for the street's own records, as matters
-- do. Existing rows are numbered in the order they were made (a notice by its publication time, which is
-- all it records; the others by created_at), ties broken by id. The worker gives a new record its number
-- in the INSERT that creates it, one more than the highest so far; core::numbers reads what people type.

ALTER TABLE notices ADD COLUMN number INTEGER;
UPDATE notices SET number = (
    SELECT COUNT(*) FROM notices o
    WHERE COALESCE(o.community_id, o.street_id) = COALESCE(notices.community_id, notices.street_id)
      AND (o.published_at < notices.published_at OR (o.published_at = notices.published_at AND o.id <= notices.id))
);
CREATE UNIQUE INDEX notices_by_number ON notices (COALESCE(community_id, street_id), number);
CREATE TRIGGER notices_number_required BEFORE INSERT ON notices WHEN NEW.number IS NULL OR NEW.number < 1
BEGIN
    SELECT RAISE(ABORT, 'notices.number is required');
END;

ALTER TABLE votes ADD COLUMN number INTEGER;
UPDATE votes SET number = (
    SELECT COUNT(*) FROM votes o
    WHERE COALESCE(o.community_id, o.street_id) = COALESCE(votes.community_id, votes.street_id)
      AND (o.created_at < votes.created_at OR (o.created_at = votes.created_at AND o.id <= votes.id))
);
CREATE UNIQUE INDEX votes_by_number ON votes (COALESCE(community_id, street_id), number);
CREATE TRIGGER votes_number_required BEFORE INSERT ON votes WHEN NEW.number IS NULL OR NEW.number < 1
BEGIN
    SELECT RAISE(ABORT, 'votes.number is required');
END;

ALTER TABLE meetings ADD COLUMN number INTEGER;
UPDATE meetings SET number = (
    SELECT COUNT(*) FROM meetings o
    WHERE COALESCE(o.community_id, o.street_id) = COALESCE(meetings.community_id, meetings.street_id)
      AND (o.created_at < meetings.created_at OR (o.created_at = meetings.created_at AND o.id <= meetings.id))
);
CREATE UNIQUE INDEX meetings_by_number ON meetings (COALESCE(community_id, street_id), number);
CREATE TRIGGER meetings_number_required BEFORE INSERT ON meetings WHEN NEW.number IS NULL OR NEW.number < 1
BEGIN
    SELECT RAISE(ABORT, 'meetings.number is required');
END;

ALTER TABLE covenants ADD COLUMN number INTEGER;
UPDATE covenants SET number = (
    SELECT COUNT(*) FROM covenants o
    WHERE COALESCE(o.community_id, o.street_id) = COALESCE(covenants.community_id, covenants.street_id)
      AND (o.created_at < covenants.created_at OR (o.created_at = covenants.created_at AND o.id <= covenants.id))
);
CREATE UNIQUE INDEX covenants_by_number ON covenants (COALESCE(community_id, street_id), number);
CREATE TRIGGER covenants_number_required BEFORE INSERT ON covenants WHEN NEW.number IS NULL OR NEW.number < 1
BEGIN
    SELECT RAISE(ABORT, 'covenants.number is required');
END;
