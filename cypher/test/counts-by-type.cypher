// Test only: how many relationships of each type, to compare the graph before and after an import.
MATCH ()-[r]->()
RETURN type(r) AS key, count(*) AS count
ORDER BY key
