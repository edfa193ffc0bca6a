// One batch of the synthetic graph's removal: up to $batch :Synthetic nodes with their relationships.
// Only :Synthetic nodes are matched, so real data and its ties are never touched.
MATCH (n:Synthetic)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
