// Whether any firm lacks its score parts or holds parts of another version of the weights: one
// pass over the firms at start, so an up-to-date database is not walked page by page.
MATCH (f:Firm)
WHERE f.scorePartsVersion IS NULL OR f.scorePartsVersion <> $version
WITH f
LIMIT 1
RETURN count(f) AS stale
