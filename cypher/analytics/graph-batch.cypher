// One batch of the whole graph for the PAGERANK job's worker thread (pagerank-thread.ts): up to
// $batch entities after $after in id order (the Entity.id constraint's index gives that order
// without a sort), each with the ids of the entities its outgoing relationships of $types reach.
// Every relationship is read once, from its start node; the job reads the next batch in a new
// short transaction.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $batch
RETURN n.id AS id, n.kind AS kind, [(n)-[r]->(m:Entity) WHERE type(r) IN $types | m.id] AS out
