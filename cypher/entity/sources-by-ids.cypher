// Provenance of many entities at once: the source, section and sentence each was reported in.
// Each entity is found by an index seek (the hint): with some statistics the planner scanned the
// whole id index instead.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:REPORTED_IN]->(s:Source)
USING INDEX n:Entity(id)
RETURN id, s.id AS sourceId, r.section AS section, r.sentence AS sentence, r.basis AS basis, r.note AS note
ORDER BY id, sourceId, r.basis DESC, section, sentence
