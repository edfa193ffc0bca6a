// The undo pieces of one import, in the order they were written.
MATCH (u:ImportUndo {batch: $batch})
RETURN u.seq AS seq, u.undo AS undo
ORDER BY seq
LIMIT 100000
