// Entities whose pinyin initials start with what was typed (lsmz → 丽水美妆有限公司), from the
// entity_initials index; $query is built in server/search/name-initials.ts (letters only).
// A whole-word match first, then score, then the shorter name; bounded by $candidates and $limit.
CALL db.index.fulltext.queryNodes('entity_initials', $query, {limit: $candidates}) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
WITH node, score, $initials IN split(node.nameInitials, ' ') AS exactMatch
RETURN node {.id, .name, .nameEn, .aliases, _labels: labels(node)} AS node, score, exactMatch
ORDER BY exactMatch DESC, score DESC, size(node.name), node.id
LIMIT $limit
