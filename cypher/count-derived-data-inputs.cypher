// How many of each label and relationship type the derived data is computed from (the chain
// stats: chains, their segments, the firms in them and where those are; the firms' score parts:
// the firms). Every count is read from Neo4j's count store (NodeCountFromCountStore,
// RelationshipCountFromCountStore: no node or relationship is visited), so the app's start can
// tell in a few milliseconds whether the graph changed since the derived data was last written
// (server/repositories/derived-data-marks.ts). Inside a write transaction the counts include
// that transaction's own writes.
CALL () { MATCH (n:Firm) RETURN count(n) AS firms }
CALL () { MATCH (n:Region) RETURN count(n) AS regions }
CALL () { MATCH (n:Segment) RETURN count(n) AS segments }
CALL () { MATCH (n:Chain) RETURN count(n) AS chains }
CALL () { MATCH ()-[r:IN_SEGMENT]->() RETURN count(r) AS inSegment }
CALL () { MATCH ()-[r:LOCATED_IN]->() RETURN count(r) AS locatedIn }
CALL () { MATCH ()-[r:SEGMENT_OF]->() RETURN count(r) AS segmentOf }
CALL () { MATCH ()-[r:SUB_SEGMENT_OF]->() RETURN count(r) AS subSegmentOf }
CALL () { MATCH ()-[r:PART_OF]->() RETURN count(r) AS partOf }
CALL () { MATCH ()-[r:DEVELOPS]->() RETURN count(r) AS develops }
RETURN firms, regions, segments, chains, inSegment, locatedIn, segmentOf, subSegmentOf, partOf, develops
