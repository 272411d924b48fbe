// Test only: the properties of one stored relationship.
MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to})
WHERE type(r) = $type
RETURN properties(r) AS props
