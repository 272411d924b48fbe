// What our search does, by hand: full-text candidates, exact-name boost, best 10.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WITH node, score,
     CASE WHEN any(n IN node.names WHERE toLower(n) = $exact) OR toLower(node.name) = $exact THEN 10.0 ELSE 0.0 END AS boost
RETURN node.id AS id, node.name AS name, node.kind AS kind, score + boost AS score
ORDER BY score DESC, id ASC
LIMIT $first
