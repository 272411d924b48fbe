// Every stored relationship of the allowed types between two nodes of a result (the induced
// subgraph), in a stable order so parallel relationships always resolve the same way.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE type(r) IN $types AND b.id IN $ids
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
ORDER BY source, type, target, r.section, r.sentence
