// Products, newest release first then id (descending), undated as earliest; keyset-paged after the
// last row's (releaseDate, id); the first 3 makers of each by name (then id).
MATCH (p:Product)
WITH p, coalesce(p.releaseDate, date('0001-01-01')) AS d
WHERE $afterId IS NULL OR [d, p.id] < [date($afterDate), $afterId]
WITH p, d ORDER BY d DESC, p.id DESC LIMIT $limit
CALL (p) {
  MATCH (p)<-[:MAKES]-(m:Entity)
  WITH m ORDER BY m.name, m.id LIMIT 3
  RETURN collect({id: m.id, name: m.name}) AS makers
}
RETURN p.id AS id, p.name AS name, toString(p.releaseDate) AS releaseDate, makers
