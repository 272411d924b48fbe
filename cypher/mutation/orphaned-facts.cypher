// Facts that would have no party left once the entities $ids are deleted: a party edge comes
// from a deleted entity and none from an entity that stays. The check walks from the fact to its
// parties. Neither `f` nor `o` has a label (party relationships only join entities), so the planner
// has no index on them to scan and join instead, whatever the statistics say (it did scan the id
// index for a labelled `f` after some test files' writes); `d` is found by seek (the hint).
MATCH (d:Entity)-[p]->(f)
USING INDEX SEEK d:Entity(id)
WHERE d.id IN $ids AND type(p) IN $partyTypes AND f.kind IN $factKinds AND NOT f.id IN $ids
  AND NOT EXISTS { MATCH (f)<-[q]-(o) WHERE type(q) IN $partyTypes AND NOT o.id IN $ids }
RETURN DISTINCT f.id AS id
