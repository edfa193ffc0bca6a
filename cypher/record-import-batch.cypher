// One applied import: who, when, which file (name and sha256), counts, and the undo record.
CREATE (b:ImportBatch)
SET b = $props
RETURN b.id AS id
