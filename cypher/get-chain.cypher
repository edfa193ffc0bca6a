// One chain, its segments (with sub-segments down three levels) and the SEGMENT_OF,
// SUB_SEGMENT_OF and FEEDS ties among them, as node and edge rows.
MATCH (c:Chain {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)<-[:SEGMENT_OF]-(:Segment)<-[:SUB_SEGMENT_OF*0..3]-(s:Segment)
  RETURN collect(DISTINCT s)[..1000] AS segments
}
RETURN c {.*, _labels: labels(c)} AS chain,
       [s IN segments | s {.*, _labels: labels(s)}] AS segments,
       COLLECT {
         UNWIND segments AS s
         MATCH (s)-[r:SEGMENT_OF|SUB_SEGMENT_OF|FEEDS]->(t)
         WHERE t = c OR t IN segments
         RETURN {type: type(r), from: s.id, to: t.id, props: properties(r)} LIMIT 5000
       } AS edges
