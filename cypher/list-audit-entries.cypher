// The audit log, newest first, optionally for one actor and from a point in time.
MATCH (a:AuditEntry)
WHERE ($actor IS NULL OR a.actor = $actor)
  AND ($since IS NULL OR a.at >= datetime($since))
RETURN a {.id, .actor, .role, .method, .route, .url, .status, .target, .summary, .ip, at: toString(a.at)} AS entry
ORDER BY a.at DESC
LIMIT $limit
