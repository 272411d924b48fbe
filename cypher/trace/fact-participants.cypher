// Who takes part in each fact, for the derived view: parties, investors, investees and issuers
// point at the fact; what a fact funds or affects hangs off it. Each fact is found by an index seek
// (the hint; a plain USING INDEX is also met by a scan of the whole id index, which the planner
// chose with some statistics).
UNWIND $factIds AS fid
MATCH (f:Entity {id: fid})<-[r:PARTY_TO|INVESTOR_IN|RAISED|ISSUED]-(p:Entity)
USING INDEX SEEK f:Entity(id)
RETURN fid AS factId, f.kind AS factKind, type(r) AS type, p.id AS entityId, p.kind AS entityKind, r.role AS role
UNION ALL
UNWIND $factIds AS fid
MATCH (f:Entity {id: fid})-[r:FUNDS|AFFECTS]->(p:Entity)
USING INDEX SEEK f:Entity(id)
RETURN fid AS factId, f.kind AS factKind, type(r) AS type, p.id AS entityId, p.kind AS entityKind, null AS role
