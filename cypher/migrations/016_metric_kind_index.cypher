// A range index on Metric(metricKind): the metrics connection's usual filter (one kind of
// observation), and with it `aggregate`, reads that kind's metrics from the index instead of
// scanning every metric and reading its metricKind (at 1M entities most metrics are of another kind).
CREATE INDEX metric_metric_kind IF NOT EXISTS FOR (n:Metric) ON (n.metricKind);
