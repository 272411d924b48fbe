// Full-text search over every name and alias (cjk analyzer). An exact, case-insensitive name match
// ranks above partial ones so that typing an entity's full name finds it first. When several
// entities carry that exact name (상하이 is both the city and, as an alias, its government), the one
// whose display name, or first name in that language, it is comes first: its main name, not an alias.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
WITH node, score, [i IN range(0, size(coalesce(node.names, [])) - 1) WHERE toLower(node.names[i]) = $exact] AS hits
WITH node, score,
     CASE WHEN size(hits) > 0 OR toLower(node.name) = $exact THEN 10.0 ELSE 0.0 END AS exactBoost,
     CASE WHEN toLower(node.name) = $exact
            OR any(i IN hits WHERE none(j IN range(0, i - 1) WHERE node.nameLangs[j] = node.nameLangs[i])) THEN 1.0
          ELSE 0.0 END AS mainNameBoost
// the caller wraps this in CALL () {} and projects what the request selects (prefetch.cypher.ts)
RETURN node AS n0, score + exactBoost + mainNameBoost AS score
ORDER BY score DESC, n0.id ASC
LIMIT $first
