// The documents a finding or report cites, for title, outlet and date.
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d {.id, .title, .outlet, .date, .file} AS document
ORDER BY d.date, d.id
LIMIT 200
