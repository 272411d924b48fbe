// Provenance of many entities at once: the source, section and sentence each was reported in.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:REPORTED_IN]->(s:Source)
RETURN id, s.id AS sourceId, r.section AS section, r.sentence AS sentence, r.basis AS basis, r.note AS note
ORDER BY id, sourceId, r.basis DESC, section, sentence
