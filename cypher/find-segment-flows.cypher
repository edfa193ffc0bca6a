// Each expected flow a→b between segments of the chain, judged locally: how many local firms
// sit upstream and downstream, which local supply ties close it, and which local upstream firms
// sell only outside the region (a documented market scope of 'outside', or supply ties that
// all leave the region). Local firms are found from the region side, as in
// find-segment-coverage; lists are capped by $firmCap to keep the read bounded.
UNWIND $regionIds AS regionId
MATCH (:Entity {id: regionId})<-[:LOCATED_IN]-(f:Firm)
WITH collect(DISTINCT f) AS localFirms
CALL (localFirms) {
  UNWIND localFirms AS f
  MATCH (f)-[:IN_SEGMENT]->(own:Segment)
  WHERE own.id IN $segmentIds
  WITH own.id AS segment, collect(DISTINCT f)[..$firmCap] AS firms
  RETURN collect({segment: segment, firms: firms}) AS bySegment
}
// From the upstream side, in the order of $segmentIds (the rows' order follows it).
MATCH (a:Entity)-[feed:FEEDS]->(b:Entity)
USING INDEX a:Entity(id)
WHERE a.id IN $segmentIds AND b.id IN $segmentIds
CALL (a, bySegment) {
  OPTIONAL MATCH (d:Segment)-[:SUB_SEGMENT_OF*0..3]->(a)
  WITH collect(d.id) AS covered
  UNWIND [group IN bySegment WHERE group.segment IN covered] AS group
  UNWIND group.firms AS f
  WITH DISTINCT f LIMIT $firmCap
  RETURN collect(f) AS upstream
}
CALL (b, bySegment) {
  OPTIONAL MATCH (d:Segment)-[:SUB_SEGMENT_OF*0..3]->(b)
  WITH collect(d.id) AS covered
  UNWIND [group IN bySegment WHERE group.segment IN covered] AS group
  UNWIND group.firms AS f
  WITH DISTINCT f LIMIT $firmCap
  RETURN collect(f) AS downstream
}
CALL (upstream, downstream) {
  UNWIND upstream AS u
  MATCH (u)-[t:SUPPLIES]->(d:Firm)
  WHERE d IN downstream
  RETURN collect({type: 'SUPPLIES', from: u.id, to: d.id, props: properties(t)})[..50] AS localTies
}
// A customer is local when it is one of the local firms read above: a list check, not a walk of
// every customer's relationships to find its LOCATED_IN.
CALL (upstream, localFirms) {
  UNWIND upstream AS u
  WITH u
  WHERE u.marketScope = 'outside'
     OR (EXISTS { (u)-[:SUPPLIES]->(:Firm) }
         AND NOT EXISTS { MATCH (u)-[:SUPPLIES]->(d:Firm) WHERE d IN localFirms })
  RETURN collect(u {.*, _labels: labels(u)})[..20] AS outsideSellers
}
RETURN a.id AS from, b.id AS to, {type: 'FEEDS', from: a.id, to: b.id, props: properties(feed)} AS edge,
       size(upstream) AS upstreamFirms, size(downstream) AS downstreamFirms,
       [u IN upstream | u.id][..20] AS upstreamIds, [d IN downstream | d.id][..20] AS downstreamIds,
       localTies, outsideSellers
LIMIT 1000
