// New entities of a chunked import, written under :ImportStaged only: no :Entity, no label of
// the model and no ties, so no read (label scans, the full-text index, traversals) can reach
// them until publish-import-entities gives them their labels in the import's last transaction.
UNWIND $rows AS row
MERGE (n:ImportStaged {id: row.id})
SET n += row.props
