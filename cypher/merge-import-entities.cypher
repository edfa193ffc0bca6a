// Imported entities of one label ($label from the allow-list). Only the properties a row carries
// change (null removes one); importBatch/importedBy ride in row.props so a revert can restore them.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($label)
SET n += row.props
