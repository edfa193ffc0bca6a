// Entities of one label per call ($label comes from the allow-list in seeds/schema.ts).
// Properties are replaced so a re-run leaves exactly what the files say.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
SET n:$($label)
