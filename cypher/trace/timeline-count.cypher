// How many events a timeline has over all its pages (same rules as timeline-page).
OPTIONAL MATCH (x:Entity {id: $entityId})
CALL (x) {
  WITH x WHERE $entityId IS NULL
  MATCH (e:Event) RETURN e
  UNION
  WITH x WHERE x IS NOT NULL
  MATCH (x)-[:INVOLVED_IN]->(e:Event) RETURN e
  UNION
  WITH x WHERE x IS NOT NULL
  MATCH (e:Event)-[:ABOUT|OCCURRED_IN]->(x) RETURN e
  UNION
  WITH x WHERE x IS NOT NULL
  MATCH (e:Event)-[:RELATED_TO]-(x) RETURN e
  UNION
  WITH x WHERE x IS NOT NULL
  MATCH (x)-[:PARTY_TO|INVESTOR_IN|RAISED|ISSUED|INVOLVED_IN]->(fact)-[:RELATED_TO]-(e:Event) WHERE e <> x RETURN e
}
WITH DISTINCT e, coalesce(e.date, e.startDate, e.endDate) AS d
WHERE ($from IS NULL OR d >= date($from)) AND ($to IS NULL OR d <= date($to))
RETURN count(e) AS total
