// A company, its first 10 partnerships by name (then id) with its role, and the first 10 parties of
// each by name with theirs: the same lists, in the same order, as our API answers.
MATCH (c:Company {id: $id})
CALL (c) {
  MATCH (c)-[r:PARTY_TO]->(p:Partnership)
  WITH r, p ORDER BY p.name, p.id LIMIT 10
  CALL (p) {
    MATCH (p)<-[r2:PARTY_TO]-(e:Entity)
    WITH r2, e ORDER BY e.name, e.id LIMIT 10
    RETURN collect({role: r2.role, entity: {id: e.id, name: e.name, kind: e.kind}}) AS parties
  }
  RETURN collect({role: r.role, partnership: {id: p.id, name: p.name, partnershipType: p.partnershipType,
                  date: toString(p.date), parties: parties}}) AS partnerships
}
RETURN {id: c.id, name: c.name, kind: c.kind, country: c.country, partnerships: partnerships} AS entity
