// A review step: stored only if nobody changed the draft since it was read (optimistic, by version).
MATCH (d:Draft {id: $id})
WHERE d.version = $version AND d.status = 'OPEN'
SET d.content = $content, d.version = d.version + 1, d.updatedAt = datetime(), d.updatedBy = $actor
RETURN d {.*, createdAt: toString(d.createdAt), updatedAt: toString(d.updatedAt), committedAt: toString(d.committedAt)} AS d
