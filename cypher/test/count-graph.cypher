// Test only: the size of the graph and its latest write times, to prove a request wrote nothing.
// Bookkeeping (migrations, write locks, the change log) and drafts under review are not the graph. Nodes with id $except, and their relationships, are left out (an injection test's own target).
MATCH (n)
WHERE NOT n:Migration AND NOT n:WriteLock AND NOT n:ChangeCounter AND NOT n:ChangeBatch AND NOT n:Draft AND coalesce(n.id, '') <> $except
WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProps, max(n.updatedAt) AS nodeWrite
CALL () {
  MATCH (a)-[r]->(b)
  WHERE coalesce(a.id, '') <> $except AND coalesce(b.id, '') <> $except
  RETURN count(r) AS relationships, sum(size(keys(r))) AS relProps, max(coalesce(r.updatedAt, r.createdAt)) AS relWrite
}
RETURN nodes, relationships, nodeProps, relProps, toString(nodeWrite) AS nodeWrite, toString(relWrite) AS relWrite
