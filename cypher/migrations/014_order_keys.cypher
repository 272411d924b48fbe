// The order keys (ORDER_KEYS in src/model/kinds.ts) of every entity already stored, computed from
// the graph: the sort dates from each entity's own dates, the relationship counts from its
// relationships. From here on every write keeps them (src/write/order-keys.cypher.ts builds these
// statements; test/unit/order-keys.test.ts keeps this file equal to what it builds). Each kind is
// written in transactions of 10,000 entities, so a million fit in a small heap; an interrupted run
// is simply run again on the next start.
MATCH (n:Company)
CALL (n) {
  SET n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Government)
CALL (n) {
  SET n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Organization)
CALL (n) {
  SET n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Person)
CALL (n) {
  SET n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Product)
CALL (n) {
  SET n._orderDate = coalesce(n.releaseDate, date('0001-01-01')),
      n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Partnership)
CALL (n) {
  SET n._orderDate = coalesce(n.date, date('0001-01-01')),
      n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Investment)
CALL (n) {
  SET n._orderDate = coalesce(n.date, date('0001-01-01')),
      n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Policy)
CALL (n) {
  SET n._orderDate = coalesce(n.date, date('0001-01-01')),
      n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Event)
CALL (n) {
  SET n._orderDate = coalesce(n.date, date('0001-01-01')),
      n._timelineDate = coalesce(n.date, n.startDate, n.endDate, date('-999999999-01-01')),
      n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Metric)
CALL (n) {
  SET n._orderDate = coalesce(n.periodStart, date('0001-01-01')),
      n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Place)
CALL (n) {
  SET n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Sector)
CALL (n) {
  SET n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Source)
CALL (n) {
  SET n._orderDate = coalesce(n.issued, date('0001-01-01')),
      n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() },
      n._partnerships = COUNT { (n)-[:PARTY_TO]-() },
      n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() },
      n._events = COUNT { (n)-[:INVOLVED_IN]-() }
} IN TRANSACTIONS OF 10000 ROWS;
