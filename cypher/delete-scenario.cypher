// Removes one scenario; the facts are never touched.
MATCH (s:Scenario {id: $id})
DELETE s
RETURN count(*) AS deleted
