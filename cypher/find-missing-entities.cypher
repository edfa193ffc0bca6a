// Which of the given ids name no entity (for 404s naming them).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH id, n WHERE n IS NULL
RETURN collect(id)[..20] AS missing
