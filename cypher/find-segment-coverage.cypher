// Per segment of $chain (sub-segments included): the local firms in it or its sub-segments,
// how many are above-scale (规上; a listed firm, 上市, counts too), figures the documents report for it in the local regions,
// and how many local support actors (institutes, parks, funds) serve it.
// Local firms are found from the region side (the local regions' firms and their segments), so
// the cost follows the size of the region, not the number of firms the chain has nationwide.
MATCH (c:Entity:Chain {id: $chain})
MATCH (s:Segment)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c)
WITH collect(DISTINCT s) AS segments
CALL (segments) {
  UNWIND $regionIds AS regionId
  MATCH (:Entity {id: regionId})<-[:LOCATED_IN]-(f:Firm)-[:IN_SEGMENT]->(own:Segment)
  WHERE own IN segments
  WITH own.id AS segment, collect(DISTINCT f) AS firms
  RETURN collect({segment: segment, firms: firms}) AS bySegment
}
UNWIND segments AS s
OPTIONAL MATCH (s)-[:SUB_SEGMENT_OF]->(parent:Segment)
CALL (s, bySegment) {
  MATCH (d:Segment)-[:SUB_SEGMENT_OF*0..3]->(s)
  WITH collect(d.id) AS covered
  UNWIND [group IN bySegment WHERE group.segment IN covered] AS group
  UNWIND group.firms AS f
  WITH DISTINCT f
  // Ranked before the sample is cut: above-scale firms first, then by id, so the firms a finding
  // names do not depend on the order the store was written in.
  ORDER BY CASE WHEN '规上' IN f.tags OR '上市' IN f.tags THEN 0 ELSE 1 END, f.id
  RETURN count(f) AS localFirms,
         count(CASE WHEN '规上' IN f.tags OR '上市' IN f.tags THEN 1 END) AS aboveScaleFirms,
         collect(f.id)[..$firmSample] AS firmIds
}
CALL (s) {
  OPTIONAL MATCH (fig:Figure)-[:ABOUT]->(s)
  WHERE fig.region IN $regionIds
  RETURN max(CASE WHEN fig.metric = 'firm_count' THEN fig.value END) AS reportedFirms,
         max(CASE WHEN fig.metric = 'output_value' THEN fig.value END) AS outputYuan,
         collect(fig.id) AS figureIds
}
CALL (s) {
  OPTIONAL MATCH (x)-[:SERVES]->(s)
  WHERE EXISTS { MATCH (x)-[:LOCATED_IN]->(l:Region) WHERE l.id IN $regionIds }
  RETURN count(DISTINCT x) AS localSupport
}
RETURN s {.*, _labels: labels(s)} AS segment, parent.id AS parent, localFirms, aboveScaleFirms, firmIds,
       reportedFirms, outputYuan, figureIds, localSupport
ORDER BY CASE s.stage WHEN 'upstream' THEN 0 WHEN 'midstream' THEN 1 ELSE 2 END, s.id
LIMIT 500
