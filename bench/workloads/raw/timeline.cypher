// Every event, newest first then by id, undated last (the date is the first of date, startDate,
// endDate, as our timeline reads it); keyset-paged after the last row's (date, id).
MATCH (e:Event)
WITH e, coalesce(e.date, e.startDate, e.endDate) AS d
WHERE $afterId IS NULL
  OR ($afterDate IS NOT NULL AND (d IS NULL OR d < date($afterDate) OR (d = date($afterDate) AND e.id > $afterId)))
  OR ($afterDate IS NULL AND d IS NULL AND e.id > $afterId)
RETURN e.id AS id, e.name AS name, e.eventType AS eventType, toString(d) AS date
ORDER BY d IS NULL, d DESC, e.id
LIMIT $limit
