// Records what derived data ($id: 'chain-stats' or 'score-parts') was just made current for: the
// input counts ($inputs, a fingerprint of count-derived-data-inputs) and the version of its rules.
// A later start that reads the same counts and version skips that work.
MERGE (v:DataVersion {id: $id})
SET v.inputs = $inputs, v.version = $version, v.at = $at
