// One page of entities in id order (index-ordered seek on entity_id), for the name-initials
// backfill: the name and aliases only where nameInitials is missing (or all, when $all: the
// initials' definition changed), so a filled database costs one read of ids.
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $batch
RETURN n.id AS id,
       CASE WHEN $all OR n.nameInitials IS NULL THEN n.name END AS name,
       CASE WHEN $all OR n.nameInitials IS NULL THEN n.aliases END AS aliases,
       $all OR n.nameInitials IS NULL AS missing
