// Chain leaders (链主) of $chain in the local regions, with how many of their recorded partners
// (suppliers, customers, subsidiaries, cooperating institutes) are themselves local.
MATCH (f:Firm)-[role:LEADS]->(:Entity:Chain {id: $chain})
WHERE role.region IN $regionIds
CALL (f) {
  OPTIONAL MATCH (f)-[:SUPPLIES|COOPERATES_WITH|SUBSIDIARY_OF]-(p)
  WHERE p:Firm OR p:Institute
  WITH DISTINCT p LIMIT 5000
  RETURN count(p) AS partners,
         count(CASE WHEN EXISTS { MATCH (p)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds } THEN 1 END) AS localPartners,
         collect(CASE WHEN EXISTS { MATCH (p)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds } THEN p.id END)[..20] AS localPartnerIds
}
RETURN f {.*, _labels: labels(f)} AS leader,
       COLLECT { MATCH (f)-[:IN_SEGMENT]->(s:Segment) RETURN s.id } AS segments,
       {type: 'LEADS', from: f.id, to: $chain, props: properties(role)} AS role,
       partners, localPartners, localPartnerIds
ORDER BY f.id
LIMIT 100
