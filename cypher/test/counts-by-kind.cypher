// Test only: how many entities of each kind, to compare the graph before and after an import.
MATCH (n:Entity)
RETURN n.kind AS key, count(*) AS count
ORDER BY key
