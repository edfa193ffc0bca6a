// What a firm's stored score parts are computed from (server/analysis/signals.ts firmScoreParts),
// for the firms a write just touched; ids that are not firms (or no longer exist) are skipped.
UNWIND $ids AS id
MATCH (f:Entity {id: id})
WHERE f:Firm
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.tags AS tags
