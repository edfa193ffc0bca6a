// Precomputed per-chain aggregates, rewritten on every write that can move a firm (import and
// revert, seed and synthetic loads, startup): for each chain, firms per (region, segment) at the
// firm's own segment — the input of the relatedness proximities — and, for the chain list, the
// regions holding its firms with every region above them and the regions that develop it. The chain list and the
// relatedness then read one small node per chain instead of every firm of the chain.
// Kept on a :ChainStats node (not an :Entity, so no view or export shows it), stamped anew each time.
MATCH (c:Chain)
CALL (c) {
  MATCH (s:Segment)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c)
  WITH DISTINCT s
  MATCH (s)<-[:IN_SEGMENT]-(f:Firm)-[:LOCATED_IN]->(r:Region)
  WITH r, s, count(DISTINCT f) AS firms
  RETURN collect(r.id) AS regions, collect(s.id) AS segments, collect(firms) AS counts, collect(DISTINCT r) AS places
}
CALL (places) {
  UNWIND places AS r
  MATCH (r)-[:PART_OF*0..5]->(up:Region)
  RETURN collect(DISTINCT up.id) AS firmRegions
}
MERGE (st:ChainStats {chain: c.id})
SET st.regions = regions, st.segments = segments, st.counts = counts, st.firmRegions = firmRegions,
    st.developedBy = COLLECT { MATCH (r:Region)-[:DEVELOPS]->(c) RETURN DISTINCT r.id },
    st.stamp = randomUUID(), st.at = $at
RETURN count(st) AS chains
