// Backup: every entity with its labels and every property, each with its Cypher type (so integers,
// floats, dates and datetimes come back as what they were). The order keys ($orderKeys) are left
// out: they are derived from the graph, and restore computes them again.
MATCH (n:Entity)
RETURN labels(n) AS labels, [k IN keys(n) WHERE NOT k IN $orderKeys | [k, n[k], valueType(n[k])]] AS props
