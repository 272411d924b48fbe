// Deletes the entities $ids with every relationship they have (both directions), answering with
// what was deleted (entities with their kinds, relationships with their ends and properties) for
// the change log.
MATCH (n:Entity)
WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]-()
WITH collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels
WITH nodes, rels,
     [n IN nodes | {id: n.id, kind: n.kind}] AS deletedNodes,
     [r IN rels | {type: type(r), from: startNode(r).id, to: endNode(r).id, fromKind: startNode(r).kind, toKind: endNode(r).kind, props: properties(r)}] AS deletedRels
FOREACH (r IN rels | DELETE r)
FOREACH (n IN nodes | DELETE n)
RETURN size(nodes) AS nodes, size(rels) AS relationships, deletedNodes, deletedRels
