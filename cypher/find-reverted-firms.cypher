// Before a revert deletes them: the firms an import created ($ids), with their segments and
// regions, so the batch record keeps their names for the change report. At most $limit.
UNWIND $ids AS firmId
MATCH (f:Entity:Firm {id: firmId})
RETURN f.id AS id, f.name AS name,
       COLLECT { MATCH (f)-[:IN_SEGMENT]->(s:Segment) RETURN s.id } AS segments,
       COLLECT { MATCH (f)-[:LOCATED_IN]->(r:Region) RETURN r.id } AS regions
LIMIT $limit
