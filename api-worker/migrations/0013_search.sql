-- Search that fits Chinese. Each list that a search box narrows has a full-text index: an FTS5 table with
-- the trigram tokenizer, which indexes every run of three characters, so a word of any script is found
-- wherever it occurs without segmenting Chinese into words (db::search reads it; words of one or two
-- characters, which have no trigram, are compared with LIKE on the same text). A row holds the record's
-- id (not indexed: the lists join on it) and its searched text: a title, weighted above the rest when
-- results are ranked, and a body.
--
-- The index is kept in step with the records here, by triggers on every table whose text it holds, so no
-- write of the worker can forget it: a record's row is written when the record is, written again when its
-- text (or its children's) changes, and deleted with it. Existing records are indexed below. A migration
-- that rebuilds one of these tables must create its triggers again.

-- Notices: title, and the text of the notice.
CREATE VIRTUAL TABLE notices_search USING fts5 (id UNINDEXED, title, body, tokenize = 'trigram');
INSERT INTO notices_search (id, title, body) SELECT id, title, body FROM notices;
CREATE TRIGGER notices_search_insert AFTER INSERT ON notices
BEGIN
    INSERT INTO notices_search (id, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER notices_search_update AFTER UPDATE OF title, body ON notices
    WHEN OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body
BEGIN
    DELETE FROM notices_search WHERE id = OLD.id;
    INSERT INTO notices_search (id, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER notices_search_delete AFTER DELETE ON notices
BEGIN
    DELETE FROM notices_search WHERE id = OLD.id;
END;

-- Votes: the title.
CREATE VIRTUAL TABLE votes_search USING fts5 (id UNINDEXED, title, tokenize = 'trigram');
INSERT INTO votes_search (id, title) SELECT id, title FROM votes;
CREATE TRIGGER votes_search_insert AFTER INSERT ON votes
BEGIN
    INSERT INTO votes_search (id, title) VALUES (NEW.id, NEW.title);
END;
CREATE TRIGGER votes_search_update AFTER UPDATE OF title ON votes WHEN OLD.title IS NOT NEW.title
BEGIN
    DELETE FROM votes_search WHERE id = OLD.id;
    INSERT INTO votes_search (id, title) VALUES (NEW.id, NEW.title);
END;
CREATE TRIGGER votes_search_delete AFTER DELETE ON votes
BEGIN
    DELETE FROM votes_search WHERE id = OLD.id;
END;

-- Matters: the title, and the proposer's description.
CREATE VIRTUAL TABLE matters_search USING fts5 (id UNINDEXED, title, body, tokenize = 'trigram');
INSERT INTO matters_search (id, title, body) SELECT id, title, description FROM matters;
CREATE TRIGGER matters_search_insert AFTER INSERT ON matters
BEGIN
    INSERT INTO matters_search (id, title, body) VALUES (NEW.id, NEW.title, NEW.description);
END;
CREATE TRIGGER matters_search_update AFTER UPDATE OF title, description ON matters
    WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description
BEGIN
    DELETE FROM matters_search WHERE id = OLD.id;
    INSERT INTO matters_search (id, title, body) VALUES (NEW.id, NEW.title, NEW.description);
END;
CREATE TRIGGER matters_search_delete AFTER DELETE ON matters
BEGIN
    DELETE FROM matters_search WHERE id = OLD.id;
END;

-- Meetings: the title; the place, the agenda's items and, once published, the minutes. A meeting's row
-- changes with every revision of the live room, so only a change of the searched text writes the index.
CREATE VIRTUAL TABLE meetings_search USING fts5 (id UNINDEXED, title, body, tokenize = 'trigram');
CREATE VIEW meetings_search_text (id, title, body) AS
SELECT m.id, m.title,
       IFNULL(json_extract(m.settings, '$.place'), '')
       || IFNULL(char(10) || (SELECT group_concat(i.title, char(10)) FROM meeting_items i WHERE i.meeting_id = m.id), '')
       || CASE WHEN m.minutes_notice_id IS NOT NULL THEN IFNULL(char(10) || m.minutes, '') ELSE '' END
FROM meetings m;
INSERT INTO meetings_search (id, title, body) SELECT id, title, body FROM meetings_search_text;
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings
BEGIN
    INSERT INTO meetings_search (id, title, body) SELECT id, title, body FROM meetings_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE OF title, settings, minutes, minutes_notice_id ON meetings
    WHEN OLD.title IS NOT NEW.title OR OLD.settings IS NOT NEW.settings
      OR OLD.minutes_notice_id IS NOT NEW.minutes_notice_id
      OR (NEW.minutes_notice_id IS NOT NULL AND OLD.minutes IS NOT NEW.minutes)
BEGIN
    DELETE FROM meetings_search WHERE id = OLD.id;
    INSERT INTO meetings_search (id, title, body) SELECT id, title, body FROM meetings_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings
BEGIN
    DELETE FROM meetings_search WHERE id = OLD.id;
END;
CREATE TRIGGER meetings_search_item_insert AFTER INSERT ON meeting_items
BEGIN
    DELETE FROM meetings_search WHERE id = NEW.meeting_id;
    INSERT INTO meetings_search (id, title, body) SELECT id, title, body FROM meetings_search_text WHERE id = NEW.meeting_id;
END;
CREATE TRIGGER meetings_search_item_update AFTER UPDATE OF title, meeting_id ON meeting_items
    WHEN OLD.title IS NOT NEW.title OR OLD.meeting_id IS NOT NEW.meeting_id
BEGIN
    DELETE FROM meetings_search WHERE id IN (OLD.meeting_id, NEW.meeting_id);
    INSERT INTO meetings_search (id, title, body)
        SELECT id, title, body FROM meetings_search_text WHERE id IN (OLD.meeting_id, NEW.meeting_id);
END;
CREATE TRIGGER meetings_search_item_delete AFTER DELETE ON meeting_items
BEGIN
    DELETE FROM meetings_search WHERE id = OLD.meeting_id;
    INSERT INTO meetings_search (id, title, body) SELECT id, title, body FROM meetings_search_text WHERE id = OLD.meeting_id;
END;

-- Covenants: the title, and the clauses of every version (the strings of each JSON array, not its syntax).
CREATE VIRTUAL TABLE covenants_search USING fts5 (id UNINDEXED, title, body, tokenize = 'trigram');
CREATE VIEW covenants_search_text (id, title, body) AS
SELECT c.id, c.title,
       IFNULL((SELECT group_concat(j.value, char(10)) FROM covenant_versions v, json_each(v.clauses) j
               WHERE v.covenant_id = c.id), '')
FROM covenants c;
INSERT INTO covenants_search (id, title, body) SELECT id, title, body FROM covenants_search_text;
CREATE TRIGGER covenants_search_insert AFTER INSERT ON covenants
BEGIN
    INSERT INTO covenants_search (id, title, body) SELECT id, title, body FROM covenants_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER covenants_search_update AFTER UPDATE OF title ON covenants WHEN OLD.title IS NOT NEW.title
BEGIN
    DELETE FROM covenants_search WHERE id = OLD.id;
    INSERT INTO covenants_search (id, title, body) SELECT id, title, body FROM covenants_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER covenants_search_delete AFTER DELETE ON covenants
BEGIN
    DELETE FROM covenants_search WHERE id = OLD.id;
END;
CREATE TRIGGER covenants_search_version_insert AFTER INSERT ON covenant_versions
BEGIN
    DELETE FROM covenants_search WHERE id = NEW.covenant_id;
    INSERT INTO covenants_search (id, title, body) SELECT id, title, body FROM covenants_search_text WHERE id = NEW.covenant_id;
END;
CREATE TRIGGER covenants_search_version_update AFTER UPDATE OF clauses, covenant_id ON covenant_versions
    WHEN OLD.clauses IS NOT NEW.clauses OR OLD.covenant_id IS NOT NEW.covenant_id
BEGIN
    DELETE FROM covenants_search WHERE id IN (OLD.covenant_id, NEW.covenant_id);
    INSERT INTO covenants_search (id, title, body)
        SELECT id, title, body FROM covenants_search_text WHERE id IN (OLD.covenant_id, NEW.covenant_id);
END;
CREATE TRIGGER covenants_search_version_delete AFTER DELETE ON covenant_versions
BEGIN
    DELETE FROM covenants_search WHERE id = OLD.covenant_id;
    INSERT INTO covenants_search (id, title, body) SELECT id, title, body FROM covenants_search_text WHERE id = OLD.covenant_id;
END;

-- Requests: the name of the kind of problem (its subcategory) as the title; the description and the place
-- as written.
CREATE VIRTUAL TABLE requests_search USING fts5 (id UNINDEXED, title, body, tokenize = 'trigram');
CREATE VIEW requests_search_text (id, title, body) AS
SELECT r.id, s.name, r.description || IFNULL(char(10) || r.place_text, '')
FROM requests r JOIN request_subcategories s ON s.id = r.subcategory_id;
INSERT INTO requests_search (id, title, body) SELECT id, title, body FROM requests_search_text;
CREATE TRIGGER requests_search_insert AFTER INSERT ON requests
BEGIN
    INSERT INTO requests_search (id, title, body) SELECT id, title, body FROM requests_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER requests_search_update AFTER UPDATE OF description, place_text, subcategory_id ON requests
    WHEN OLD.description IS NOT NEW.description OR OLD.place_text IS NOT NEW.place_text
      OR OLD.subcategory_id IS NOT NEW.subcategory_id
BEGIN
    DELETE FROM requests_search WHERE id = OLD.id;
    INSERT INTO requests_search (id, title, body) SELECT id, title, body FROM requests_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER requests_search_delete AFTER DELETE ON requests
BEGIN
    DELETE FROM requests_search WHERE id = OLD.id;
END;
CREATE TRIGGER requests_search_subcategory_update AFTER UPDATE OF name ON request_subcategories
    WHEN OLD.name IS NOT NEW.name
BEGIN
    DELETE FROM requests_search WHERE id IN (SELECT id FROM requests WHERE subcategory_id = NEW.id);
    INSERT INTO requests_search (id, title, body)
        SELECT t.id, t.title, t.body FROM requests r JOIN requests_search_text t ON t.id = r.id
        WHERE r.subcategory_id = NEW.id;
END;

-- Members (the staff's directory): name and phone number.
CREATE VIRTUAL TABLE members_search USING fts5 (id UNINDEXED, name, phone, tokenize = 'trigram');
INSERT INTO members_search (id, name, phone) SELECT id, name, phone FROM members;
CREATE TRIGGER members_search_insert AFTER INSERT ON members
BEGIN
    INSERT INTO members_search (id, name, phone) VALUES (NEW.id, NEW.name, NEW.phone);
END;
CREATE TRIGGER members_search_update AFTER UPDATE OF name, phone ON members
    WHEN OLD.name IS NOT NEW.name OR OLD.phone IS NOT NEW.phone
BEGIN
    DELETE FROM members_search WHERE id = OLD.id;
    INSERT INTO members_search (id, name, phone) VALUES (NEW.id, NEW.name, NEW.phone);
END;
CREATE TRIGGER members_search_delete AFTER DELETE ON members
BEGIN
    DELETE FROM members_search WHERE id = OLD.id;
END;
