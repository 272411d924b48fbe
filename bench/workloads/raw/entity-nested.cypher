// A company, up to 10 of its partnerships with its role, and up to 10 parties of each with theirs.
MATCH (c:Company {id: $id})
CALL (c) {
  MATCH (c)-[r:PARTY_TO]->(p:Partnership)
  WITH r, p LIMIT 10
  CALL (p) {
    MATCH (p)<-[r2:PARTY_TO]-(e:Entity)
    WITH r2, e LIMIT 10
    RETURN collect({role: r2.role, entity: {id: e.id, name: e.name, kind: e.kind}}) AS parties
  }
  RETURN collect({role: r.role, partnership: {id: p.id, name: p.name, partnershipType: p.partnershipType,
                  date: toString(p.date), parties: parties}}) AS partnerships
}
RETURN {id: c.id, name: c.name, kind: c.kind, country: c.country, partnerships: partnerships} AS entity
