import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateQuery } from '../../src/read/connection/aggregate.cypher';
import { groupFields, measures } from '../../src/read/connection/aggregate.model';
import { normalizeFilter } from '../../src/read/connection/connection.service';
import { ENTITY_KINDS, KIND_LABEL } from '../../src/model/kinds';

const field = (kind: Parameters<typeof groupFields>[0], name: string) => {
  const f = groupFields(kind).find((x) => x.name === name);
  if (!f) throw new Error(`${kind} has no group field ${name}`);
  return f;
};

describe('aggregate fields from the model table', () => {
  it('group fields: country, enumerations, measure units, sector and the date parts', () => {
    expect(groupFields('INVESTMENT').map((f) => f.name)).toEqual(['INVESTMENT_TYPE', 'STATUS', 'CURRENCY', 'SECTOR', 'YEAR', 'QUARTER', 'MONTH']);
    expect(groupFields('COMPANY').map((f) => f.name)).toEqual(['COUNTRY', 'SECTOR']);
    expect(groupFields('PLACE').map((f) => f.name)).toEqual(['COUNTRY', 'PLACE_TYPE']);
    expect(groupFields('SECTOR')).toEqual([]);
    // every property name is a plain identifier: nothing else can reach the Cypher text
    for (const kind of ENTITY_KINDS) for (const f of groupFields(kind)) if ('property' in f.source) expect(f.source.property).toMatch(/^[a-zA-Z]+$/);
  });

  it('measures: investment amounts per currency (may be missing), metric values per kind and unit (required, indexed)', () => {
    expect(measures('INVESTMENT')).toEqual([{ name: 'AMOUNT', field: 'amount', per: ['currency'], indexed: false }]);
    expect(measures('METRIC')).toEqual([{ name: 'VALUE', field: 'value', per: ['metricKind', 'unit'], indexed: true }]);
    expect(measures('COMPANY')).toEqual([]);
  });
});

describe('aggregate Cypher builder', () => {
  const filter = normalizeFilter('INVESTMENT', { status: ['COMPLETED'], dateFrom: '2025-01-01' });

  it('counts per quarter under the connection filter, in calendar order', () => {
    expect(aggregateQuery('INVESTMENT', filter, [{ op: 'group', field: field('INVESTMENT', 'QUARTER') }]).text).toBe(`MATCH (n:Investment)
WHERE n.status IN $eq_status
  AND n.date >= date($dateFrom)
WITH toString(n.date.year) + '-Q' + toString(n.date.quarter) AS key, count(n) AS count
ORDER BY key IS NULL, key
RETURN collect({key: key, count: count}) AS p0`);
  });

  it('counts per sector, each entity once per sector', () => {
    expect(aggregateQuery('COMPANY', normalizeFilter('COMPANY', {}), [{ op: 'group', field: field('COMPANY', 'SECTOR') }]).text).toBe(`MATCH (n:Company)
OPTIONAL MATCH (n)-[:IN_SECTOR|ABOUT|AFFECTS|FUNDS|IN_MARKET]->(s:Sector)
WITH s.id AS key, count(DISTINCT n) AS count
ORDER BY key IS NULL, count DESC, key
RETURN collect({key: key, count: count}) AS p0`);
  });

  it('the count alone: one count over the filter (the count store when unfiltered)', () => {
    expect(aggregateQuery('COMPANY', normalizeFilter('COMPANY', {}), [{ op: 'count' }]).text).toBe(`MATCH (n:Company)
RETURN count(n) AS p0`);
  });

  it('count and stats of a measure that may be missing: one aggregation per group, the count the sum of the groups', () => {
    expect(aggregateQuery('INVESTMENT', filter, [{ op: 'count' }, { op: 'stats', measure: measures('INVESTMENT')[0] }]).text).toBe(`MATCH (n:Investment)
WHERE n.status IN $eq_status
  AND n.date >= date($dateFrom)
WITH [n.currency] AS key, n.amount AS v
WITH key, count(*) AS total, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
ORDER BY key
RETURN sum(total) AS p0, collect(CASE WHEN count > 0 THEN {key: key, count: count, sum: sum, min: min, max: max, avg: avg} END) AS p1`);
  });

  it('count and stats of a required measure, filtered by its groups: the count and the covering index, then the metrics it misses only if the count says so', () => {
    const metrics = normalizeFilter('METRIC', { metricKind: ['REVENUE'] });
    expect(aggregateQuery('METRIC', metrics, [{ op: 'count' }, { op: 'stats', measure: measures('METRIC')[0] }]).text).toBe(`MATCH (n:Metric)
WHERE n.metricKind IN $eq_metricKind
WITH count(n) AS total
CALL () {
  MATCH (n:Metric)
  WHERE n.metricKind IN $eq_metricKind
    AND n.metricKind IS NOT NULL
    AND n.unit IS NOT NULL
    AND n.value IS NOT NULL
  WITH [n.metricKind, n.unit] AS key, n.value AS v
  WITH key, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
  RETURN collect({key: key, count: count, sum: sum, min: min, max: max, avg: avg}) AS indexed, sum(count) AS listed
}
CALL (total, listed) {
  UNWIND CASE WHEN total > listed THEN [true] ELSE [] END AS partly
  MATCH (n:Metric)
  WHERE n.metricKind IN $eq_metricKind
    AND n.value IS NOT NULL
    AND (n.metricKind IS NULL OR n.unit IS NULL)
  WITH [n.metricKind, n.unit] AS key, n.value AS v
  WITH key, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
  RETURN collect({key: key, count: count, sum: sum, min: min, max: max, avg: avg}) AS unindexed
}
CALL (indexed, unindexed) {
  UNWIND indexed + unindexed AS row
  WITH row ORDER BY row.key
  RETURN collect(row) AS rows
}
RETURN total AS p0, rows AS p1`);
    // stats alone take the same passes and return only the groups
    const alone = aggregateQuery('METRIC', metrics, [{ op: 'stats', measure: measures('METRIC')[0] }]).text;
    expect(alone.split('\n').slice(0, -1)).toEqual(
      aggregateQuery('METRIC', metrics, [{ op: 'count' }, { op: 'stats', measure: measures('METRIC')[0] }]).text.split('\n').slice(0, -1),
    );
    expect(alone.split('\n').at(-1)).toBe('RETURN rows AS p0');
  });

  it('a filter on anything but the measure\'s groups reads the matched metrics as before', () => {
    for (const f of [{ sector: 'sector:ai' }, { metricKind: ['REVENUE'], observationType: ['ACTUAL'] }]) {
      const text = aggregateQuery('METRIC', normalizeFilter('METRIC', f), [{ op: 'count' }, { op: 'stats', measure: measures('METRIC')[0] }]).text;
      expect(text).not.toContain('CALL');
      expect(text).toContain('WITH key, count(*) AS total');
    }
  });

  it('every required measure has its covering index in migration 017, and the document schema requires its properties', () => {
    const migration = readFileSync(join(__dirname, '../../cypher/migrations/017_measure_indexes.cypher'), 'utf8');
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schema/document.schema.json'), 'utf8')) as { $defs: Record<string, { required?: string[] }> };
    const required = ENTITY_KINDS.flatMap((kind) => measures(kind).filter((m) => m.indexed).map((m) => ({ kind, m })));
    expect(required.map(({ kind, m }) => `${kind}.${m.name}`)).toEqual(['METRIC.VALUE']);
    const indexes = [...migration.matchAll(/FOR \(n:(\w+)\) ON \(([^)]*)\)/g)].map((x) => `${x[1]}(${x[2]})`);
    expect(indexes).toEqual(required.map(({ kind, m }) => `${KIND_LABEL[kind]}(${[...m.per, m.field].map((p) => `n.${p}`).join(', ')})`));
    for (const { kind, m } of required) {
      expect(schema.$defs[`properties${KIND_LABEL[kind]}`].required).toEqual(expect.arrayContaining([...m.per, m.field]));
    }
  });

  it('a group field and the count (in either order): one aggregation, the count the sum of the groups', () => {
    expect(aggregateQuery('INVESTMENT', filter, [{ op: 'group', field: field('INVESTMENT', 'CURRENCY') }, { op: 'count' }]).text).toBe(`MATCH (n:Investment)
WHERE n.status IN $eq_status
  AND n.date >= date($dateFrom)
WITH n.currency AS key, count(n) AS count
ORDER BY key IS NULL, count DESC, key
RETURN sum(count) AS p1, collect({key: key, count: count}) AS p0`);
  });

  it('count, groups and stats selected together: the matched entities collected once, one subquery per figure', () => {
    const parts = [{ op: 'count' }, { op: 'group', field: field('INVESTMENT', 'CURRENCY') }, { op: 'stats', measure: measures('INVESTMENT')[0] }] as const;
    expect(aggregateQuery('INVESTMENT', filter, parts).text).toBe(`MATCH (n:Investment)
WHERE n.status IN $eq_status
  AND n.date >= date($dateFrom)
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS n
  WITH n.currency AS key, count(n) AS count
  ORDER BY key IS NULL, count DESC, key
  RETURN collect({key: key, count: count}) AS p1
}
CALL (ns) {
  UNWIND ns AS n
  WITH n WHERE n.amount IS NOT NULL
  WITH [n.currency] AS key, n.amount AS v
  WITH key, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
  ORDER BY key
  RETURN collect({key: key, count: count, sum: sum, min: min, max: max, avg: avg}) AS p2
}
RETURN size(ns) AS p0, p1, p2`);
  });

  it('sectors beside the count: an entity may be in several sectors, so the count is its own', () => {
    const company = normalizeFilter('COMPANY', {});
    expect(aggregateQuery('COMPANY', company, [{ op: 'count' }, { op: 'group', field: field('COMPANY', 'SECTOR') }]).text).toBe(`MATCH (n:Company)
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS n
  OPTIONAL MATCH (n)-[:IN_SECTOR|ABOUT|AFFECTS|FUNDS|IN_MARKET]->(s:Sector)
  WITH s.id AS key, count(DISTINCT n) AS count
  ORDER BY key IS NULL, count DESC, key
  RETURN collect({key: key, count: count}) AS p1
}
RETURN size(ns) AS p0, p1`);
  });
});
