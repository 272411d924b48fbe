// Everything within two hops of $id over every relationship but provenance, breadth first with
// neighbours in id order, at most $limit nodes; the edges among them; and for each node how many
// neighbours the result leaves out (relationship degree from the degree store, minus those shown).
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-(m:Entity)
  WITH DISTINCT m ORDER BY m.id LIMIT $limit
  RETURN collect(m) AS level1
}
CALL (c, level1) {
  UNWIND level1 AS f
  CALL (c, f, level1) {
    MATCH (f)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-(m:Entity)
    WHERE m <> c AND NOT m IN level1
    WITH DISTINCT m ORDER BY m.id LIMIT $limit
    RETURN m
  }
  WITH DISTINCT m LIMIT $limit
  RETURN collect(m) AS level2
}
WITH ([c] + level1 + level2) AS reached
WITH reached[0..$limit] AS ns, size(reached) > $limit AS truncated
UNWIND ns AS n
CALL (n, ns) {
  MATCH (n)-[r:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]->(o)
  WHERE o IN ns
  RETURN collect({type: type(r), target: o.id,
                  properties: r {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null}}) AS out
}
WITH n, out, truncated,
     COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() } AS degree
// bookkeeping (timestamps, authors, hashes) is never shown: not reading it spares decoding DateTimes
RETURN n {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null} AS node, out, degree, truncated
