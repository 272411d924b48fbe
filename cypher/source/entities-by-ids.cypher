// Pages of the entities each source reported, for many sources at once (Source.entities). Keyset
// on the entity id: `after` continues strictly after it. $limit is the largest page asked for + 1.
// The total is counted only for keys that ask for it (the client selected totalCount).
UNWIND $keys AS key
MATCH (s:Source {id: key.source})
CALL (s, key) {
  MATCH (n:Entity)-[:REPORTED_IN]->(s)
  WHERE (key.after IS NULL OR n.id > key.after) AND (size(key.kinds) = 0 OR n.kind IN key.kinds)
  WITH DISTINCT n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(n) AS nodes
}
CALL (s, key) {
  WITH s, key WHERE key.withTotal
  MATCH (n:Entity)-[:REPORTED_IN]->(s)
  WHERE size(key.kinds) = 0 OR n.kind IN key.kinds
  RETURN count(DISTINCT n) AS total
}
RETURN key.key AS key, nodes, total
