// Figures are not in the full-text index (they are numbers, not names); asked for explicitly,
// they are found by a bounded substring match on their name.
MATCH (node:Figure)
WHERE toLower(node.name) CONTAINS $needle OR toLower(coalesce(node.nameEn, '')) CONTAINS $needle
RETURN node {.id, .name, .nameEn, .aliases, _labels: labels(node)} AS node,
       toLower(node.name) = $needle OR toLower(coalesce(node.nameEn, '')) = $needle AS exactMatch
ORDER BY exactMatch DESC, size(node.name), node.id
LIMIT $limit
