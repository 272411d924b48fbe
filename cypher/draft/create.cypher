// A draft under review: a :Draft node with no relationships and no :Entity label, so no read, search
// (the fulltext index covers :Entity), traversal, connection, count or export can see it.
CREATE (d:Draft {
  id: $id, text: $text, title: $title, issued: $issued, status: 'OPEN', version: 1, content: $content,
  createdAt: datetime(), createdBy: $actor, updatedAt: datetime(), updatedBy: $actor
})
RETURN d {.*, createdAt: toString(d.createdAt), updatedAt: toString(d.updatedAt), committedAt: toString(d.committedAt)} AS d
