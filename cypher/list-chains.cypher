// Every chain with the regions that develop it or hold firms in its segments (a firm's
// region and the regions above it). Sub-segments hang off segments via SUB_SEGMENT_OF.
// This reads every firm of every chain once: the cost grows with the firm count.
MATCH (c:Chain)
CALL (c) {
  OPTIONAL MATCH (c)<-[:SEGMENT_OF]-(:Segment)<-[:SUB_SEGMENT_OF*0..3]-(s:Segment)
  // A sub-segment reached twice (SEGMENT_OF and SUB_SEGMENT_OF) must not walk its firms twice.
  WITH DISTINCT s
  OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(:Firm)-[:LOCATED_IN]->(r:Region)
  WITH DISTINCT r
  OPTIONAL MATCH (r)-[:PART_OF*0..5]->(up:Region)
  RETURN collect(DISTINCT up.id) AS firmRegions
}
RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn,
       COLLECT { MATCH (r:Region)-[:DEVELOPS]->(c) RETURN DISTINCT r.id } AS developedBy,
       firmRegions
ORDER BY c.id
LIMIT 1000
