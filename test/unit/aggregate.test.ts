import { aggregateQuery } from '../../src/read/connection/aggregate.cypher';
import { groupFields, measures } from '../../src/read/connection/aggregate.model';
import { normalizeFilter } from '../../src/read/connection/connection.service';
import { ENTITY_KINDS } from '../../src/model/kinds';

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

  it('measures: investment amounts per currency, metric values per kind and unit', () => {
    expect(measures('INVESTMENT')).toEqual([{ name: 'AMOUNT', field: 'amount', per: ['currency'] }]);
    expect(measures('METRIC')).toEqual([{ name: 'VALUE', field: 'value', per: ['metricKind', 'unit'] }]);
    expect(measures('COMPANY')).toEqual([]);
  });
});

describe('aggregate Cypher builder', () => {
  const filter = normalizeFilter('INVESTMENT', { status: ['COMPLETED'], dateFrom: '2025-01-01' });

  it('counts per quarter under the connection filter, in calendar order', () => {
    expect(aggregateQuery('INVESTMENT', filter, [{ op: 'group', field: field('INVESTMENT', 'QUARTER') }]).text).toBe(`CALL () {
  MATCH (n:Investment)
  WHERE n.status IN $eq_status
    AND n.date >= date($dateFrom)
  WITH toString(n.date.year) + '-Q' + toString(n.date.quarter) AS key, count(n) AS count
  ORDER BY key IS NULL, key
  RETURN collect({key: key, count: count}) AS p0
}
RETURN p0`);
  });

  it('counts per sector, each entity once per sector', () => {
    expect(aggregateQuery('COMPANY', normalizeFilter('COMPANY', {}), [{ op: 'group', field: field('COMPANY', 'SECTOR') }]).text).toBe(`CALL () {
  MATCH (n:Company)
  OPTIONAL MATCH (n)-[:IN_SECTOR|ABOUT|AFFECTS|FUNDS|IN_MARKET]->(s:Sector)
  WITH s.id AS key, count(DISTINCT n) AS count
  ORDER BY key IS NULL, count DESC, key
  RETURN collect({key: key, count: count}) AS p0
}
RETURN p0`);
  });

  it('count, groups and stats selected together: one statement, one subquery each', () => {
    const parts = [{ op: 'count' }, { op: 'group', field: field('INVESTMENT', 'CURRENCY') }, { op: 'stats', measure: measures('INVESTMENT')[0] }] as const;
    expect(aggregateQuery('INVESTMENT', filter, parts).text).toBe(`CALL () {
  MATCH (n:Investment)
  WHERE n.status IN $eq_status
    AND n.date >= date($dateFrom)
  RETURN count(n) AS p0
}
CALL () {
  MATCH (n:Investment)
  WHERE n.status IN $eq_status
    AND n.date >= date($dateFrom)
  WITH n.currency AS key, count(n) AS count
  ORDER BY key IS NULL, count DESC, key
  RETURN collect({key: key, count: count}) AS p1
}
CALL () {
  MATCH (n:Investment)
  WHERE n.status IN $eq_status
    AND n.date >= date($dateFrom)
    AND n.amount IS NOT NULL
  WITH [n.currency] AS key, n.amount AS v
  WITH key, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
  ORDER BY key
  RETURN collect({key: key, count: count, sum: sum, min: min, max: max, avg: avg}) AS p2
}
RETURN p0, p1, p2`);
  });
});
