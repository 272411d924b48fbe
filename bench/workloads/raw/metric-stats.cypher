// Aggregation: metric observations of one kind, their value figures per (metricKind, unit); one
// auto-commit read.
MATCH (n:Metric)
WHERE n.metricKind = $metricKind AND n.value IS NOT NULL
WITH [n.metricKind, n.unit] AS key, n.value AS v
RETURN key, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
ORDER BY key
