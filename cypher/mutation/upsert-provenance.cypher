// One REPORTED_IN edge per (entity, source, section, sentence, basis), as the importer keeps them;
// an upsert also replaces the note, and records who changed it.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.source})
MERGE (n)-[r:REPORTED_IN {section: row.section, sentence: row.sentence, basis: row.basis}]->(s)
ON CREATE SET r.createdAt = datetime(), r.createdBy = $actor
WITH r, row, r.note IS NULL AND row.note IS NULL OR r.note = row.note AS same
SET r.note = row.note
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET r.updatedAt = datetime(), r.updatedBy = $actor)
RETURN count(r) AS total
