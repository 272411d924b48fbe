// Backup: every relationship between entities, by its ends' ids, with every property and its type.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to, [k IN keys(r) | [k, r[k], valueType(r[k])]] AS props
