MATCH (d:Draft {id: $id})
RETURN d {.*, createdAt: toString(d.createdAt), updatedAt: toString(d.updatedAt), committedAt: toString(d.committedAt)} AS d
