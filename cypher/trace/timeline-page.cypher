// One page of a timeline, newest first, undated events last; keyset-paged on (date, id) so pages
// stay stable while events are added. With $entityId null: every event. An event involves the
// entity directly (INVOLVED_IN; ABOUT, RELATED_TO or OCCURRED_IN pointing at it) or through a fact
// the entity takes part in (PARTY_TO, INVESTOR_IN, RAISED, ISSUED, INVOLVED_IN) that it is RELATED_TO.
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
  AND ($afterId IS NULL
    OR ($afterDate IS NOT NULL AND (d IS NULL OR d < date($afterDate) OR (d = date($afterDate) AND e.id > $afterId)))
    OR ($afterDate IS NULL AND d IS NULL AND e.id > $afterId))
RETURN e AS event, d AS sortDate
ORDER BY d IS NULL, d DESC, e.id
LIMIT $limit
