// The entities with the given ids and the relationships among them (of the allowed types),
// as node and edge rows. Bounded by the caller's id list and $edgeLimit.
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS found
RETURN [n IN found | n {.*, _labels: labels(n)}] AS nodes,
       COLLECT {
         UNWIND found AS a
         MATCH (a)-[r]->(b:Entity)
         WHERE b.id IN $ids AND type(r) IN $relTypes
         RETURN {type: type(r), from: a.id, to: b.id, props: properties(r)} LIMIT $edgeLimit
       } AS edges
