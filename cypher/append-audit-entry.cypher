// One successful write, recorded for the audit log: who, with which role, when (the database
// clock), which request, and a short summary of what it changed. :AuditEntry is not an :Entity,
// so it never shows up in the graph, counts or exports.
CREATE (a:AuditEntry {
  id: $id,
  at: datetime(),
  actor: $actor,
  role: $role,
  method: $method,
  route: $route,
  url: $url,
  status: $status,
  target: $target,
  summary: $summary,
  ip: $ip
})
RETURN a.id AS id
