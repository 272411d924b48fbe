// Who takes part in each fact, for the derived view: parties, investors, investees and issuers
// point at the fact; what a fact funds or affects hangs off it.
UNWIND $factIds AS fid
MATCH (f:Entity {id: fid})<-[r:PARTY_TO|INVESTOR_IN|RAISED|ISSUED]-(p:Entity)
RETURN fid AS factId, f.kind AS factKind, type(r) AS type, p.id AS entityId, p.kind AS entityKind, r.role AS role
UNION ALL
UNWIND $factIds AS fid
MATCH (f:Entity {id: fid})-[r:FUNDS|AFFECTS]->(p:Entity)
RETURN fid AS factId, f.kind AS factKind, type(r) AS type, p.id AS entityId, p.kind AS entityKind, null AS role
