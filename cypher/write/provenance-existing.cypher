// The REPORTED_IN edges already stored between each (entity, source) pair of $pairs, read once per
// pair (an entity with thousands of provenance items is read once, not once per item).
UNWIND $pairs AS pair
MATCH (n:Entity {id: pair.id})-[r:REPORTED_IN]->(s:Source {id: pair.source})
RETURN pair.id AS id, pair.source AS source, r.section AS section, r.sentence AS sentence, r.basis AS basis, r.note AS note, elementId(r) AS eid
