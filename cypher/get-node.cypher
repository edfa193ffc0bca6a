// One entity with the documents its sources cite and its degree per relationship type.
// Degrees are counted per type from the allow-list so hubs are counted, not expanded.
MATCH (n:Entity {id: $id})
RETURN n {.*, _labels: labels(n)} AS node,
       COLLECT {
         MATCH (d:Document) WHERE d.id IN coalesce(n.sourceDocs, [])
         RETURN d {.id, .title, .outlet, .date, .file} ORDER BY d.date, d.id LIMIT 200
       } AS documents,
       COLLECT {
         UNWIND $relTypes AS relType
         WITH relType, COUNT { (n)-[:$(relType)]-() } AS count
         WHERE count > 0
         RETURN {type: relType, count: count}
       } AS degree
