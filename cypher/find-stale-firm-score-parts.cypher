// One page of firms in id order after $after (ids carry their type as a prefix, so a range on the
// unique id index walks the firms without a label scan), and which of them lack their score parts
// or hold parts computed under another version of the weights ($version). `last` is the cursor.
MATCH (f:Entity)
WHERE f.id > $after AND f.id STARTS WITH 'firm:'
WITH f
ORDER BY f.id
LIMIT $limit
WITH collect(f) AS page
RETURN page[-1].id AS last,
       [f IN page WHERE f:Firm AND (f.scorePartsVersion IS NULL OR f.scorePartsVersion <> $version) |
        {id: f.id, name: f.name, aliases: f.aliases, tags: f.tags}] AS stale
