// Stores (or replaces) the planner's boundary file for a region in one write: the areas as a
// WGS-84 JSON text, the coordinate system it was stated in and the 审图号 to print on pictures.
MATCH (r:Entity:Region {id: $region})
MERGE (b:Boundary {region: $region})
SET b.areas = $areas,
    b.areaCount = $areaCount,
    b.sourceCrs = $sourceCrs,
    b.approvalNumber = $approvalNumber,
    b.uploadedAt = $uploadedAt,
    b.uploadedBy = $uploadedBy
RETURN b.region AS region, b.areaCount AS areaCount
