// Test only: the stored properties of one node.
MATCH (n {id: $id})
RETURN properties(n) AS props, labels(n) AS labels
