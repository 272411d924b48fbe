// Which of the requested ids exist, and their kinds (for NOT_FOUND and for endpoint rules).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind
