// A cheap fingerprint of the facts the relatedness proximities depend on (firms, their segments
// and places), read from Neo4j's count store: any import or revert that adds or removes such a
// fact changes it, so cached proximities are recomputed.
CALL () { MATCH (f:Firm) RETURN count(f) AS firms }
CALL () { MATCH ()-[r:IN_SEGMENT]->() RETURN count(r) AS inSegment }
CALL () { MATCH ()-[r:LOCATED_IN]->() RETURN count(r) AS locatedIn }
RETURN firms, inSegment, locatedIn
