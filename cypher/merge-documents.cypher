// Source documents, keyed by id; properties replaced so the file stays the truth.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d = row.props
