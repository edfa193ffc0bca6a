// Breadth-first neighbourhood of one entity, up to $depth (1..3) levels, nearest first.
// Each level reads at most $want new nodes (LIMIT stops the expansion early on hubs);
// every node on the way must have an allowed label and every hop an allowed type.
// Returns node ids only; the repository fetches the subgraph among them (get-subgraph).
MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WHERE type(r) IN $relTypes AND m <> centre AND any(label IN labels(m) WHERE label IN $labels)
  WITH DISTINCT m LIMIT $want
  RETURN collect(m) AS level1
}
CALL (centre, level1) {
  WITH centre, level1 WHERE $depth >= 2 AND size(level1) < $want
  UNWIND level1 AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $relTypes AND m <> centre AND NOT m IN level1 AND any(label IN labels(m) WHERE label IN $labels)
  WITH DISTINCT m LIMIT $want
  RETURN collect(m) AS level2
}
WITH centre, level1, level2[..$want - size(level1)] AS level2
CALL (centre, level1, level2) {
  WITH centre, level1, level2 WHERE $depth >= 3 AND size(level1) + size(level2) < $want
  UNWIND level2 AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $relTypes AND m <> centre AND NOT m IN level1 AND NOT m IN level2
    AND any(label IN labels(m) WHERE label IN $labels)
  WITH DISTINCT m LIMIT $want
  RETURN collect(m) AS level3
}
WITH centre, level1 + level2 + level3[..$want - size(level1) - size(level2)] AS found
RETURN centre.id AS centre, [m IN found | m.id] AS ids
