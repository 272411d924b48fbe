// Covering range indexes for the measures the model table marks `required` (src/model/kinds.ts):
// (...per, field), so `aggregate.stats` of one metric kind reads metricKind, unit and value from
// the index alone instead of reading two properties of every matched metric (at 1M entities:
// 55k metrics of one kind, 166k database hits → 55k). test/unit/aggregate.test.ts keeps this file
// and the model table in step.
CREATE INDEX metric_metric_kind_unit_value IF NOT EXISTS FOR (n:Metric) ON (n.metricKind, n.unit, n.value);
