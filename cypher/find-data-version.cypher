// The graph's data stamp (bump-data-version): one node by its unique id, cheap on every request.
OPTIONAL MATCH (v:DataVersion {id: 'graph'})
RETURN coalesce(v.version, 0) AS version
LIMIT 1
