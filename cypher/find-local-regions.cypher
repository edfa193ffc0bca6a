// The regions whose firms count as "local" for $region: the region and everything PART_OF it,
// plus enclaves (飞地) by $enclaves: 'home' adds enclaves the region runs elsewhere, 'host' adds
// enclaves other regions run inside it, 'both' adds both.
MATCH (r:Entity:Region {id: $region})
OPTIONAL MATCH (inside:Region)-[:PART_OF*0..5]->(r)
WITH r, collect(DISTINCT inside) AS inside
CALL (inside) {
  UNWIND inside AS x
  MATCH (e:Region)-[:ENCLAVE_OF]->(x)
  WHERE $enclaves IN ['home', 'both']
  RETURN collect(DISTINCT e) AS homeEnclaves
}
// Hosted enclaves are found from the enclave side (the region_kind index; enclaves are few),
// not by expanding every firm LOCATED_IN the region.
CALL (inside) {
  MATCH (e:Region {kind: 'enclave'})-[:LOCATED_IN|PART_OF]->(x:Region)
  USING INDEX e:Region(kind)
  WHERE $enclaves IN ['host', 'both'] AND x IN inside
  RETURN collect(DISTINCT e) AS hostedEnclaves
}
WITH r, [x IN inside WHERE x.kind <> 'enclave' OR $enclaves <> 'host'] + homeEnclaves + hostedEnclaves AS local
UNWIND local AS l
WITH r, collect(DISTINCT l.id)[..5000] AS regionIds, [l IN collect(DISTINCT l) WHERE l.kind = 'enclave' | l.id] AS enclaveIds
RETURN r {.*, _labels: labels(r)} AS region, regionIds, enclaveIds
