// Which of the requested ids exist, with their kinds (for NOT_FOUND, endpoint rules and alias
// resolution) and a source's section ids (for provenance checks).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind, coalesce(n.sectionIds, []) AS sectionIds
