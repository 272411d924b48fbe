// Facts that would have no party left once the entities $ids are deleted: a party edge comes
// from a deleted entity and none from an entity that stays.
MATCH (d:Entity)-[p]->(f:Entity)
WHERE d.id IN $ids AND type(p) IN $partyTypes AND f.kind IN $factKinds AND NOT f.id IN $ids
  AND NOT EXISTS { MATCH (o:Entity)-[q]->(f) WHERE type(q) IN $partyTypes AND NOT o.id IN $ids }
RETURN DISTINCT f.id AS id
