// One REPORTED_IN edge per (entity, source, section, sentence, basis): re-imports add nothing.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.source})
MERGE (n)-[r:REPORTED_IN {section: row.section, sentence: row.sentence, basis: row.basis}]->(s)
ON CREATE SET r.note = row.note, r.createdAt = datetime(), r.createdBy = $actor
RETURN count(r) AS total
