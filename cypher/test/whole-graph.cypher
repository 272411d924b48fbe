// Test only: every entity and every relationship between entities, each property with its value
// and its Cypher type (a backup round trip must give back the same values of the same types).
MATCH (n:Entity)
RETURN 'node' AS what, n.id + ' ' + reduce(s = '', l IN labels(n) | s + ':' + l) AS key,
       [k IN keys(n) | [k, n[k], valueType(n[k])]] AS props
UNION ALL
MATCH (a:Entity)-[r]->(b:Entity)
RETURN 'relationship' AS what, a.id + ' ' + type(r) + ' ' + b.id AS key,
       [k IN keys(r) | [k, r[k], valueType(r[k])]] AS props
