// The source documents, newest first.
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.outlet AS outlet, d.date AS date, d.file AS file,
       coalesce(d.authors, []) AS authors
ORDER BY d.date DESC, d.id
LIMIT 5000
