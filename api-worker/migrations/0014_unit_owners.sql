-- A handling unit belongs to a community (its office, the property company of its compounds) or, with no
-- community, to the whole district (a street department, a utility). A community's unit handles only that
-- community's requests and is kept by its staff; the district's are kept by the street admin
-- (core::policy::can_keep_unit, core::requests::serves).
ALTER TABLE handling_units ADD COLUMN community_id TEXT REFERENCES communities (id);
CREATE INDEX handling_units_by_community ON handling_units (community_id);

-- Where the district has one community, its community offices are that community's. Elsewhere every
-- existing unit stays the district's, which only the street admin keeps.
UPDATE handling_units SET community_id = (SELECT id FROM communities)
WHERE kind = 'community_office' AND (SELECT COUNT(*) FROM communities) = 1;
