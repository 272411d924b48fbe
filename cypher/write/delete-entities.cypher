// Deletes the entities $ids with every relationship they have (both directions).
MATCH (n:Entity)
WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]-()
WITH collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels
FOREACH (r IN rels | DELETE r)
FOREACH (n IN nodes | DELETE n)
RETURN size(nodes) AS nodes, size(rels) AS relationships
