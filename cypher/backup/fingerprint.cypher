// What changes when any write commits: counts and the latest write times of entities and
// relationships. Equal before and after a backup's reads, nothing was written while it read.
MATCH (n:Entity)
WITH count(n) AS nodes, max(n.updatedAt) AS nodeWrite
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  RETURN count(r) AS relationships, max(coalesce(r.updatedAt, r.createdAt)) AS relWrite
}
RETURN nodes, relationships, toString(nodeWrite) AS nodeWrite, toString(relWrite) AS relWrite
