// Provenance of many entities at once: the source, section and sentence each was reported in.
// Each entity is found by an index seek (the hint, SEEK: a plain USING INDEX is also met by a scan
// of the whole id index, which the planner chose with some statistics).
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:REPORTED_IN]->(s:Source)
USING INDEX SEEK n:Entity(id)
RETURN id, s.id AS sourceId, r.section AS section, r.sentence AS sentence, r.basis AS basis, r.note AS note
ORDER BY id, sourceId, r.basis DESC, section, sentence
