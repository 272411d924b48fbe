// Everything within two hops of $id over every relationship but provenance, at most $limit nodes,
// breadth first; the edges among them; and for each node how many neighbours the result leaves out
// (relationship degree from the degree store, minus those shown). This is the statement ours runs
// (neighborhoodQuery in src/trace/trace.cypher.ts, a unit test keeps them the same): each level walks
// its frontier in order, each node offering its not-yet-included neighbours among the first $scan
// of its relationships, the first $limit found, sorted by id; the walk stops at the first node that
// offers more than fit, so a hub costs $limit, and after $budget relationships in all.
MATCH (c:Entity {id: $id})
WITH [c] AS included, [c] AS frontier, false AS truncated, 0 AS read
CALL (included, frontier, truncated, read) {
  WITH included, frontier, truncated, read, $limit - size(included) AS room
  WITH included, room, reduce(s = {found: [], read: read, cut: false}, f IN CASE WHEN truncated THEN [] ELSE frontier END |
    CASE WHEN size(s.found) > room THEN s
    WHEN s.read >= $budget THEN {found: s.found, read: s.read, cut: true}
    ELSE [degree IN [COUNT { (f)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() }] | {
      found: s.found + [x IN COLLECT {
          MATCH (f)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-(m:Entity)
          WITH m LIMIT $scan
          WITH m WHERE NOT m IN included AND (m:Company|Government|Organization|Person|Product|Partnership|Investment|Policy|Event|Metric|Place|Sector)
          WITH DISTINCT m LIMIT $limit
          WITH m ORDER BY m.id
          RETURN m }[..room + 1] WHERE NOT x IN s.found],
      read: s.read + CASE WHEN degree < $scan THEN degree ELSE $scan END,
      cut: s.cut OR degree > $scan}][0]
    END) AS s
  RETURN included + s.found[..room] AS nextIncluded, s.found[..room] AS nextFrontier, truncated OR s.cut OR size(s.found) > room AS nextTruncated, s.read AS nextRead
}
WITH nextIncluded AS included, nextFrontier AS frontier, nextTruncated AS truncated, nextRead AS read
CALL (included, frontier, truncated, read) {
  WITH included, frontier, truncated, read, $limit - size(included) AS room
  WITH included, room, reduce(s = {found: [], read: read, cut: false}, f IN CASE WHEN truncated THEN [] ELSE frontier END |
    CASE WHEN size(s.found) > room THEN s
    WHEN s.read >= $budget THEN {found: s.found, read: s.read, cut: true}
    ELSE [degree IN [COUNT { (f)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() }] | {
      found: s.found + [x IN COLLECT {
          MATCH (f)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-(m:Entity)
          WITH m LIMIT $scan
          WITH m WHERE NOT m IN included AND (m:Company|Government|Organization|Person|Product|Partnership|Investment|Policy|Event|Metric|Place|Sector)
          WITH DISTINCT m LIMIT $limit
          WITH m ORDER BY m.id
          RETURN m }[..room + 1] WHERE NOT x IN s.found],
      read: s.read + CASE WHEN degree < $scan THEN degree ELSE $scan END,
      cut: s.cut OR degree > $scan}][0]
    END) AS s
  RETURN included + s.found[..room] AS nextIncluded, s.found[..room] AS nextFrontier, truncated OR s.cut OR size(s.found) > room AS nextTruncated, s.read AS nextRead
}
WITH nextIncluded AS included, nextFrontier AS frontier, nextTruncated AS truncated, nextRead AS read
UNWIND range(0, size(included) - 1) AS i
WITH included AS ns, truncated, i, included[i] AS n
WITH n, ns, truncated, i, COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() } AS typed
RETURN n {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null, _orderDate: null, _timelineDate: null, _degree: null, _partnerships: null, _investments: null, _events: null} AS node,
  typed AS degree,
  CASE WHEN typed <= $scan
            THEN COLLECT { MATCH (n)-[r:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]->(m) WHERE m IN ns RETURN {type: type(r), target: m.id, properties: r {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null}, counted: true} }
            ELSE COLLECT { UNWIND ns AS m MATCH (n)-[r:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]->(m) RETURN {type: type(r), target: m.id, properties: r {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null}, counted: true} } END AS out,
  truncated
ORDER BY i
