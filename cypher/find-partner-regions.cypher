// Regions outside the local scope that the region works with, each with the real edge that says
// so: a stated cooperation (COOPERATES_WITH) of the region or of a region it is PART_OF, the
// district hosting one of its enclaves (enclave LOCATED_IN host), or the home district of an
// enclave hosted locally (ENCLAVE_OF). Firms there are "partner-region" candidates.
MATCH (r:Entity:Region {id: $region})
CALL (r) {
  MATCH (r)-[:PART_OF*0..3]->(a:Region)-[link:COOPERATES_WITH]-(x:Region)
  RETURN x, link
  UNION
  MATCH (e:Region)-[link:LOCATED_IN|ENCLAVE_OF]->(x:Region)
  WHERE e.id IN $regionIds AND e.kind = 'enclave'
  RETURN x, link
}
WITH x, link
WHERE NOT x.id IN $regionIds
RETURN x.id AS region,
       collect({type: type(link), from: startNode(link).id, to: endNode(link).id, props: properties(link)})[0] AS edge
ORDER BY region
LIMIT 200
