// Node and relationship counts, both answered from Neo4j's count store without a scan: the
// ranking job recomputes when they change (or when its last result reaches its maximum age).
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
