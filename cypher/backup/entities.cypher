// Backup: every entity with its labels and every property, each with its Cypher type (so integers,
// floats, dates and datetimes come back as what they were).
MATCH (n:Entity)
RETURN labels(n) AS labels, [k IN keys(n) | [k, n[k], valueType(n[k])]] AS props
