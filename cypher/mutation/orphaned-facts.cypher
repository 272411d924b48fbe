// Facts that would have no party left once the entities $ids are deleted: a party edge comes
// from a deleted entity and none from an entity that stays. The check walks from the fact to its
// parties (no label on `o`: party relationships only join entities), so the planner has no index on
// `o` to scan instead, whatever the statistics say.
MATCH (d:Entity)-[p]->(f:Entity)
WHERE d.id IN $ids AND type(p) IN $partyTypes AND f.kind IN $factKinds AND NOT f.id IN $ids
  AND NOT EXISTS { MATCH (f)<-[q]-(o) WHERE type(q) IN $partyTypes AND NOT o.id IN $ids }
RETURN DISTINCT f.id AS id
