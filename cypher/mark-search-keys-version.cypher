// Records that every entity now carries the search keys of this version, so later starts skip the pass.
MERGE (v:DataVersion {id: 'search-keys'})
SET v.version = $version, v.at = $at
