// New REPORTED_IN edges (the caller found none with the same entity, source, section, sentence and
// basis). A replacing row (a mutation) with a note records who wrote the note and when.
// Plans are kept as the statistics change (STABLE_PLAN in src/write/graph-writer.cypher.ts).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.source})
CREATE (n)-[r:REPORTED_IN {section: row.section, sentence: row.sentence, basis: row.basis}]->(s)
SET r.createdAt = datetime(), r.createdBy = $actor, r.note = row.note
FOREACH (_ IN CASE WHEN row.replace AND row.note IS NOT NULL THEN [1] ELSE [] END |
  SET r.updatedAt = datetime(), r.updatedBy = $actor)
RETURN count(r) AS created, collect(DISTINCT {id: n.id, kind: n.kind}) AS changedEntities
