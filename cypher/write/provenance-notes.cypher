// A replacing row's note on an existing REPORTED_IN edge that holds another one.
UNWIND $rows AS row
MATCH (n:Entity)-[r:REPORTED_IN]->()
WHERE elementId(r) = row.eid
SET r.note = row.note, r.updatedAt = datetime(), r.updatedBy = $actor
RETURN count(r) AS updated, collect(DISTINCT {id: n.id, kind: n.kind}) AS changedEntities
