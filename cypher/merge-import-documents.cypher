// Source documents a planner named in an import; an existing one is left as it is.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d += row.props, d.importBatch = $batch
