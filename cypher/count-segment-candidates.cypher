// Per gap segment: how many firms outside the region could be recruited for it, up to $cap (in the segment,
// a sub-segment, or an EQUIVALENT_TO segment), for the findings' priority ("targets exist").
UNWIND $segmentIds AS segmentId
MATCH (gap:Entity:Segment {id: segmentId})
CALL (gap) {
  CALL (gap) {
    RETURN gap AS s
    UNION
    MATCH (gap)-[:EQUIVALENT_TO]-(s:Segment)
    RETURN s
  }
  MATCH (f:Firm)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(s)
  WHERE NOT EXISTS { MATCH (f)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
  WITH DISTINCT f LIMIT $cap
  RETURN count(f) AS candidates
}
RETURN gap.id AS segment, candidates
LIMIT 1000
