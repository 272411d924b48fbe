// How many entities the database holds (restore refuses a non-empty one unless told otherwise).
MATCH (n:Entity)
RETURN count(n) AS entities
