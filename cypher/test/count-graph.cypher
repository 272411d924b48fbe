// Test only: the size of the whole graph and its latest write times, to prove a request wrote nothing.
MATCH (n)
WHERE NOT n:Migration
WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProps, max(n.updatedAt) AS nodeWrite
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships, sum(size(keys(r))) AS relProps, max(coalesce(r.updatedAt, r.createdAt)) AS relWrite
}
RETURN nodes, relationships, nodeProps, relProps, toString(nodeWrite) AS nodeWrite, toString(relWrite) AS relWrite
