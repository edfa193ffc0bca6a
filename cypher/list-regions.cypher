// Every region with its place in the hierarchy: parent (PART_OF), home district of an
// enclave (ENCLAVE_OF) and the region an enclave sits in (LOCATED_IN). Broad to narrow.
MATCH (r:Region)
RETURN r.id AS id, r.name AS name, r.nameEn AS nameEn, r.kind AS kind,
       COLLECT { MATCH (r)-[:PART_OF]->(p:Region) RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS parent,
       COLLECT { MATCH (r)-[:ENCLAVE_OF]->(h:Region) RETURN h.id ORDER BY h.id LIMIT 1 }[0] AS enclaveOf,
       COLLECT { MATCH (r)-[:LOCATED_IN]->(l:Region) RETURN l.id ORDER BY l.id LIMIT 1 }[0] AS locatedIn
ORDER BY CASE r.kind
           WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'district' THEN 3
           WHEN 'county' THEN 4 WHEN 'town' THEN 5 ELSE 6 END, r.id
LIMIT 5000
