// Entities whose name, English name or alias matches a Lucene query built in
// server/repositories/search.ts (escaped; prefix and fuzzy alternatives; CJK bigrams).
// $candidates bounds the index read; exact name/alias matches rank above the rest.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
WITH node, score,
     toLower(node.name) = $exact
     OR toLower(coalesce(node.nameEn, '')) = $exact
     OR any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $exact) AS exactMatch
RETURN node {.id, .name, .nameEn, .aliases, _labels: labels(node)} AS node, score, exactMatch
ORDER BY exactMatch DESC, score DESC, node.id
LIMIT $limit
