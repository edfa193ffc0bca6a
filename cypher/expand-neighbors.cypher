// Breadth-first neighbourhood of one entity, up to $depth (1..3) levels, nearest first.
// Each level reads at most $want new nodes (LIMIT stops the expansion early on hubs);
// every node on the way must have an allowed label and every hop an allowed type.
// Returns the centre and the first $want - 1 nodes found with every allowed relationship among
// them, in one read (one round trip: at depth 1 the query itself takes a few ms, so a second
// read for the subgraph doubled the time); `truncated` says more nodes were within reach.
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
WITH [centre] + found[..$want - 1] AS shown, size(found) > $want - 1 AS truncated
RETURN [n IN shown | n {.*, _labels: labels(n)}] AS nodes,
       COLLECT {
         UNWIND shown AS a
         MATCH (a)-[r]->(b:Entity)
         WHERE type(r) IN $relTypes AND b IN shown
         RETURN {type: type(r), from: a.id, to: b.id, props: properties(r)} LIMIT $edgeLimit
       } AS edges,
       truncated
