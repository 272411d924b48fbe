// Batched lookup behind the entity DataLoader: one round trip for every id a request needs.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), contentHash: null} AS n
