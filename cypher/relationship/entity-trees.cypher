// Entities by id, as the base of a prefetch statement (prefetch.cypher.ts adds the relationship
// lists their selection reads and the projection): one row per id found.
UNWIND $ids AS id
MATCH (n0:Entity {id: id})
RETURN n0
