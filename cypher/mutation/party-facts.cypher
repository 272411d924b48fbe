// The facts the entities $ids take part in (the facts a delete of them may leave with no party).
MATCH (d:Entity)-[p]->(f:Entity)
WHERE d.id IN $ids AND type(p) IN $partyTypes AND f.kind IN $factKinds
RETURN DISTINCT f.id AS id
