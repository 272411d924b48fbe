// Takes the write lock of each entity in $ids (sorted by the caller, so two writers lock in the same
// order) without changing it: setting and removing a property holds the node's lock until commit.
// Reads after this see the committed state of these nodes, and no other writer changes them first.
// Plans are kept as the statistics change (STABLE_PLAN in src/write/graph-writer.cypher.ts).
CYPHER replan=skip
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.__lock = true
REMOVE n.__lock
RETURN count(n) AS locked
