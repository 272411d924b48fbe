// Removes a deleted source's provenance from the relationships that cited it.
MATCH ()-[r]->()
WHERE r.sourceId = $id
SET r.sourceId = null, r.section = null, r.sentence = null, r.basis = null, r.note = null,
    r.updatedAt = datetime(), r.updatedBy = $actor
RETURN count(r) AS cleared
