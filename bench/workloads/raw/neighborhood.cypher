// Everything within two hops of $id over every relationship but provenance, at most $limit nodes,
// breadth first; the edges among them; and for each node how many neighbours the result leaves out
// (relationship degree from the degree store, minus those shown). This is the statement ours runs
// (neighborhoodQuery in src/trace/trace.cypher.ts, a unit test keeps them the same): each level walks
// its frontier in order, each node offering its not-yet-included neighbours, the first $limit found,
// sorted by id; the walk stops at the first node that offers more than fit, so a hub costs $limit.
MATCH (c:Entity {id: $id})
WITH [c] AS included, [c] AS frontier, false AS truncated
CALL (included, frontier, truncated) {
  WITH included, frontier, truncated, $limit - size(included) AS room
  WITH included, truncated, room, reduce(found = [], f IN CASE WHEN truncated THEN [] ELSE frontier END |
    CASE WHEN size(found) > room THEN found
    ELSE found + [x IN COLLECT {
        MATCH (f)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-(m:Entity)
        WHERE NOT m IN included AND (m:Company|Government|Organization|Person|Product|Partnership|Investment|Policy|Event|Metric|Place|Sector)
        WITH DISTINCT m LIMIT $limit
        WITH m ORDER BY m.id
        RETURN m }[..room + 1] WHERE NOT x IN found]
    END) AS found
  RETURN included + found[..room] AS nextIncluded, found[..room] AS nextFrontier, truncated OR size(found) > room AS nextTruncated
}
WITH nextIncluded AS included, nextFrontier AS frontier, nextTruncated AS truncated
CALL (included, frontier, truncated) {
  WITH included, frontier, truncated, $limit - size(included) AS room
  WITH included, truncated, room, reduce(found = [], f IN CASE WHEN truncated THEN [] ELSE frontier END |
    CASE WHEN size(found) > room THEN found
    ELSE found + [x IN COLLECT {
        MATCH (f)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-(m:Entity)
        WHERE NOT m IN included AND (m:Company|Government|Organization|Person|Product|Partnership|Investment|Policy|Event|Metric|Place|Sector)
        WITH DISTINCT m LIMIT $limit
        WITH m ORDER BY m.id
        RETURN m }[..room + 1] WHERE NOT x IN found]
    END) AS found
  RETURN included + found[..room] AS nextIncluded, found[..room] AS nextFrontier, truncated OR size(found) > room AS nextTruncated
}
WITH nextIncluded AS included, nextFrontier AS frontier, nextTruncated AS truncated
UNWIND range(0, size(included) - 1) AS i
WITH included AS ns, truncated, i, included[i] AS n
RETURN n {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null, _orderDate: null, _timelineDate: null, _degree: null, _partnerships: null, _investments: null, _events: null} AS node,
  COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() } AS degree,
  COLLECT { MATCH (n)-[r:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]->(m) WHERE m IN ns
            RETURN {type: type(r), target: m.id, properties: r {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null}, counted: true} } AS out,
  truncated
ORDER BY i
