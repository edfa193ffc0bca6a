// What stops a revert: entities or ties the batch wrote that a later import changed again, and
// entities the batch created that have since gained ties it did not create.
UNWIND $touched AS id
MATCH (n:Entity {id: id})
WHERE coalesce(n.importBatch, '') <> $batch
RETURN n.id AS id, 'changed since by ' + coalesce(n.importBatch, 'another edit') AS reason
LIMIT 100
UNION ALL
UNWIND $ties AS tie
MATCH (a:Entity {id: tie.from})-[r]->(b:Entity {id: tie.to})
WHERE type(r) = tie.type AND coalesce(r.key, '') = tie.key AND coalesce(r.importBatch, '') <> $batch
RETURN tie.type + ' ' + tie.from + ' -> ' + tie.to AS id, 'changed since by ' + coalesce(r.importBatch, 'another edit') AS reason
LIMIT 100
UNION ALL
UNWIND $created AS id
MATCH (n:Entity {id: id})-[r]-(other)
WHERE coalesce(r.importBatch, '') <> $batch
RETURN n.id AS id, 'has a ' + type(r) + ' tie with ' + coalesce(other.id, 'a node') + ' that this import did not create' AS reason
LIMIT 100
