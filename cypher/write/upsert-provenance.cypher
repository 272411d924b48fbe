// One REPORTED_IN edge per (entity, source, section, sentence, basis): writing a row again adds
// nothing. A merging row (an import) writes its note when it creates the edge and keeps the stored
// one after; a replacing row (a mutation) replaces the note and records who changed it and when.
// Answers with the entities whose provenance changed (an edge created or its note replaced), for
// the change log; datetime() is the statement's clock, so equal means created by this statement.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.source})
MERGE (n)-[r:REPORTED_IN {section: row.section, sentence: row.sentence, basis: row.basis}]->(s)
ON CREATE SET r.createdAt = datetime(), r.createdBy = $actor, r.note = CASE WHEN NOT row.replace THEN row.note END
WITH n, r, row, r.createdAt = datetime() AS created, NOT row.replace OR (r.note IS NULL AND row.note IS NULL) OR r.note = row.note AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET r.note = row.note, r.updatedAt = datetime(), r.updatedBy = $actor)
RETURN count(r) AS total, collect(DISTINCT CASE WHEN created OR NOT same THEN {id: n.id, kind: n.kind} END) AS changedEntities
