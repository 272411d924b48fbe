// Removes a deleted source's provenance from the relationships that cited it; answers with the
// entities those relationships start at, and their types, for the change log.
MATCH (a)-[r]->()
WHERE r.sourceId = $id
SET r.sourceId = null, r.section = null, r.sentence = null, r.basis = null, r.note = null,
    r.updatedAt = datetime(), r.updatedBy = $actor
RETURN count(r) AS cleared, collect(DISTINCT {id: a.id, kind: a.kind, type: type(r)}) AS citing
