-- Notices carry attachments: images and PDF files, stored in the same bucket as matters' photos. A file
-- is attached once, to a matter (images only) or to a notice.
ALTER TABLE photos ADD COLUMN notice_id TEXT REFERENCES notices (id);
CREATE INDEX photos_by_notice ON photos (notice_id);
