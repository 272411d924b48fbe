// The facts the graph already has, with their participants and properties, so the extractor can
// recognise a fact a later issue states again. REPORTED_IN (provenance) is not a participation.
MATCH (f:Entity)
WHERE f.kind IN $factKinds
OPTIONAL MATCH (f)-[r]-(p:Entity)
WHERE type(r) <> 'REPORTED_IN' AND NOT p.kind IN $factKinds
WITH f, collect(CASE WHEN p IS NULL THEN null ELSE {id: p.id, type: type(r), role: r.role} END) AS parties
RETURN f.id AS id, f.kind AS kind, f.name AS name, properties(f) AS props, parties
ORDER BY id
