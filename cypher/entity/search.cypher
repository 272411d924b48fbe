// Full-text search over every name and alias (cjk analyzer). An exact, case-insensitive name match
// ranks above partial ones so that typing an entity's full name finds it first.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
WITH node, score,
     CASE WHEN any(n IN node.names WHERE toLower(n) = $exact) OR toLower(node.name) = $exact THEN 10.0 ELSE 0.0 END AS exactBoost
RETURN node AS n, score + exactBoost AS score
ORDER BY score DESC, node.id ASC
LIMIT $first
