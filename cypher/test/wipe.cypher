// Test isolation only: empties the graph (schema and migration records stay).
MATCH (n) WHERE NOT n:Migration AND NOT n:WriteLock
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
