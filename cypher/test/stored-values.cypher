// Test only: every property value of a node and of its relationships, to find a stored string.
MATCH (n {id: $id})
OPTIONAL MATCH (n)-[r]-()
RETURN properties(n) AS node, collect(properties(r)) AS edges
