// Batched lookup behind the entity DataLoader: one round trip for every id a request needs. The
// content hash and the order keys (ORDER_KEYS in src/model/kinds.ts) never leave the service.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), contentHash: null, _orderDate: null, _timelineDate: null, _degree: null, _partnerships: null, _investments: null, _events: null} AS n
