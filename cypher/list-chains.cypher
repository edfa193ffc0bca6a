// Every chain with the regions that develop it or hold firms in its segments (a firm's region
// and the regions above it). Both lists come from the chain's precomputed :ChainStats
// (refresh-chain-stats, rewritten on every import, revert and load), so this reads one small node
// per chain; only a chain without stats (written before they existed) is computed live from its firms.
MATCH (c:Chain)
OPTIONAL MATCH (st:ChainStats {chain: c.id})
CALL (c, st) {
  WITH c WHERE st IS NULL
  OPTIONAL MATCH (c)<-[:SEGMENT_OF]-(:Segment)<-[:SUB_SEGMENT_OF*0..3]-(s:Segment)
  // A sub-segment reached twice (SEGMENT_OF and SUB_SEGMENT_OF) must not walk its firms twice.
  WITH DISTINCT s
  OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(:Firm)-[:LOCATED_IN]->(r:Region)
  WITH DISTINCT r
  OPTIONAL MATCH (r)-[:PART_OF*0..5]->(up:Region)
  RETURN collect(DISTINCT up.id) AS live
}
CALL (c, st) {
  WITH c WHERE st IS NULL
  MATCH (d:Region)-[:DEVELOPS]->(c)
  RETURN collect(DISTINCT d.id) AS liveDevelopedBy
}
RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn,
       coalesce(st.developedBy, liveDevelopedBy, []) AS developedBy,
       coalesce(st.firmRegions, live, []) AS firmRegions
ORDER BY c.id
LIMIT 1000
