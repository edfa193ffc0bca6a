// The chain itself, to tell an unknown chain id (404) from a chain with no local data, and the ids
// of its segments (sub-segments included) in the order find-segment-coverage lists them, so the
// reads that need only the ids (flows, support) need not wait for the coverage.
MATCH (c:Entity:Chain {id: $chain})
RETURN c {.*, _labels: labels(c)} AS chain,
       COLLECT {
         MATCH (s:Segment)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c)
         WITH DISTINCT s
         RETURN s.id
         ORDER BY CASE s.stage WHEN 'upstream' THEN 0 WHEN 'midstream' THEN 1 ELSE 2 END, s.id
         LIMIT 500
       } AS segmentIds
LIMIT 1
