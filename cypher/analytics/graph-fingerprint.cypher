// What the ranking job compares between its checks, each read in constant time: the count store's
// entity and relationship counts, and the change log's head (the position the newest write through
// GraphWriter took, null while the log has no counter). Every write through the write path moves
// the head; the writes that bypass the change log change the counts (ranking.service.ts says which).
// Only :Entity nodes are counted: drafts, write locks and the log's own batches are not in the graph.
CALL { MATCH (n:Entity) RETURN count(n) AS entities }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
OPTIONAL MATCH (c:ChangeCounter {id: 'graph'})
RETURN entities, relationships, c.seq AS head
