// Drafts newest first, without their text and content (the list shows what each one is).
MATCH (d:Draft)
WHERE $status IS NULL OR d.status = $status
RETURN d {.*, createdAt: toString(d.createdAt), updatedAt: toString(d.updatedAt), committedAt: toString(d.committedAt)} AS d
ORDER BY d.createdAt DESC, d.id
LIMIT $limit
