// The kinds of the given ids that exist, with a source's section ids (for provenance checks).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind, coalesce(n.sectionIds, []) AS sectionIds
