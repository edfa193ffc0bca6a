// Which of the ids an import refers to (tie ends, LEADS regions, doc: sources) exist already.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
OPTIONAL MATCH (d:Document {id: id})
WITH id, n, d
WHERE n IS NOT NULL OR d IS NOT NULL
RETURN id
LIMIT $limit
