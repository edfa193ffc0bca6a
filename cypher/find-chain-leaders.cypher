// Chain leaders (链主) of $chain in the local regions, with their suppliers and their customers
// counted apart (SUPPLIES into the leader / out of it) and how many of each are local, so the
// local supply ratio (本地配套率) is local suppliers / suppliers, never mixed with customers.
// Each side is read up to $tieCap distinct firms (a bounded read; the cap is documented).
MATCH (f:Firm)-[role:LEADS]->(:Entity:Chain {id: $chain})
WHERE role.region IN $regionIds
CALL (f) {
  OPTIONAL MATCH (s:Firm)-[:SUPPLIES]->(f)
  WITH DISTINCT s LIMIT $tieCap
  WITH s, s IS NOT NULL AND EXISTS { MATCH (s)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds } AS local
  RETURN count(s) AS suppliers, count(CASE WHEN local THEN 1 END) AS localSuppliers,
         collect(CASE WHEN local THEN s.id END)[..20] AS localSupplierIds
}
CALL (f) {
  OPTIONAL MATCH (f)-[:SUPPLIES]->(c:Firm)
  WITH DISTINCT c LIMIT $tieCap
  WITH c, c IS NOT NULL AND EXISTS { MATCH (c)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds } AS local
  RETURN count(c) AS customers, count(CASE WHEN local THEN 1 END) AS localCustomers,
         collect(CASE WHEN local THEN c.id END)[..20] AS localCustomerIds
}
RETURN f {.*, _labels: labels(f)} AS leader,
       COLLECT { MATCH (f)-[:IN_SEGMENT]->(s:Segment) RETURN s.id } AS segments,
       {type: 'LEADS', from: f.id, to: $chain, props: properties(role)} AS role,
       suppliers, localSuppliers, localSupplierIds, customers, localCustomers, localCustomerIds
ORDER BY f.id
LIMIT 100
