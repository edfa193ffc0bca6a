// What the derived data $id ('chain-stats' or 'score-parts') was last made current for: the
// fingerprint of its input counts and the version of its rules (mark-derived-data). No mark reads
// as nulls, which never equal the current ones: the next start does the full work.
OPTIONAL MATCH (v:DataVersion {id: $id})
RETURN v.inputs AS inputs, v.version AS version
