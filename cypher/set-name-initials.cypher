// Writes the pinyin initials the backfill computed (server/repositories/name-initials.ts).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.nameInitials = row.initials
RETURN count(n) AS written
