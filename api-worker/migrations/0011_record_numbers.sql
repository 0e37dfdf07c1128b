-- Short numbers people say and type (诉求 #128, 议题 #12): every request and matter has one within its
-- community (a matter of the whole street, within its street), given by the worker in the batch that
-- creates the record as one more than the highest so far. core::numbers reads what people type.

ALTER TABLE requests ADD COLUMN number INTEGER;
UPDATE requests SET number = (
    SELECT COUNT(*) FROM requests o
    WHERE o.community_id = requests.community_id
      AND (o.received_at < requests.received_at OR (o.received_at = requests.received_at AND o.id <= requests.id))
);
CREATE UNIQUE INDEX requests_by_number ON requests (community_id, number);
-- Every new request comes with its number.
CREATE TRIGGER requests_number_required BEFORE INSERT ON requests WHEN NEW.number IS NULL OR NEW.number < 1
BEGIN
    SELECT RAISE(ABORT, 'requests.number is required');
END;

ALTER TABLE matters ADD COLUMN number INTEGER;
UPDATE matters SET number = (
    SELECT COUNT(*) FROM matters o
    WHERE COALESCE(o.community_id, o.street_id) = COALESCE(matters.community_id, matters.street_id)
      AND (o.created_at < matters.created_at OR (o.created_at = matters.created_at AND o.id <= matters.id))
);
CREATE UNIQUE INDEX matters_by_number ON matters (COALESCE(community_id, street_id), number);
CREATE TRIGGER matters_number_required BEFORE INSERT ON matters WHEN NEW.number IS NULL OR NEW.number < 1
BEGIN
    SELECT RAISE(ABORT, 'matters.number is required');
END;
