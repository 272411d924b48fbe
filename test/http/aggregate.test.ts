/**
 * Root connections' `aggregate` over HTTP, on the seed plus synthetic facts: every group field of
 * every kind, and every measure, against figures computed here from the raw nodes a direct Cypher
 * read returns; filters apply as on the connection; bad input is a coded error, never a 500.
 */
import { groupFields, measures, type GroupField } from '../../src/read/connection/aggregate.model';
import { toPlain } from '../../src/db/values';
import { ENTITY_KINDS, KIND_LABEL, KINDS, type EntityKind } from '../../src/model/kinds';
import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';

const server = useSeededServer();

const SYNTHETIC = `UNWIND $rows AS row
CREATE (n:Entity:Investment {id: row.id, kind: 'INVESTMENT', name: row.id, currency: row.currency, status: row.status, investmentType: 'FUNDING_ROUND'})
SET n.amount = row.amount, n.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END`;
const ROWS = [
  { id: 'investment:synthetic-a', currency: 'KRW', amount: 5_000_000_000, status: 'COMPLETED', date: '2024-02-10' },
  { id: 'investment:synthetic-b', currency: 'USD', amount: 1_000_000, status: 'COMPLETED', date: '2024-11-30' },
  { id: 'investment:synthetic-c', currency: 'USD', amount: null, status: 'ANNOUNCED', date: '2025-03-01' },
  { id: 'investment:synthetic-d', currency: 'KRW', amount: 2_500_000_000, status: 'ANNOUNCED', date: null },
];

// Metrics the document schema would refuse (no unit, no value, no kind), as older data or a direct
// write may leave them: the covering index (metricKind, unit, value) misses them, and stats must not.
const INCOMPLETE_METRICS = `UNWIND $rows AS row
CREATE (n:Entity:Metric {id: row.id, kind: 'METRIC', name: row.id})
SET n.metricKind = row.metricKind, n.unit = row.unit, n.value = row.value`;
const METRIC_ROWS = [
  { id: 'metric:synthetic-no-unit', metricKind: 'MARKET_SHARE', unit: null, value: 12.5 },
  { id: 'metric:synthetic-no-value', metricKind: 'MARKET_SHARE', unit: 'PERCENT', value: null },
  { id: 'metric:synthetic-no-kind', metricKind: null, unit: 'COUNT', value: 3 },
];

beforeAll(async () => {
  await server.db.write({ name: 'test/synthetic-investments', text: SYNTHETIC }, { rows: ROWS });
  await server.db.write({ name: 'test/incomplete-metrics', text: INCOMPLETE_METRICS }, { rows: METRIC_ROWS });
});

interface Raw {
  props: Record<string, unknown>;
  sectors: string[];
}
async function rawNodes(kind: EntityKind): Promise<Raw[]> {
  const rows = await server.db.read({
    name: 'test/raw-nodes',
    text: `MATCH (n:${KIND_LABEL[kind]}) RETURN properties(n) AS p, [(n)-[:IN_SECTOR|ABOUT|AFFECTS|FUNDS|IN_MARKET]->(s:Sector) | s.id] AS sectors`,
  });
  return rows.map((r) => ({ props: toPlain(r.get('p')) as Record<string, unknown>, sectors: r.get('sectors') as string[] }));
}

/** The reference: counts per key computed in JavaScript from the raw values. */
function expectedCounts(nodes: Raw[], f: GroupField): { key: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  const add = (key: string | null) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const n of nodes) {
    const s = f.source;
    if (s.by === 'sector') {
      const sectors = [...new Set(n.sectors)];
      if (sectors.length) sectors.forEach(add);
      else add(null);
      continue;
    }
    const v = n.props[s.property];
    if (v === undefined || v === null) add(null);
    else if (s.by === 'property') add(String(v));
    else {
      const [y, m] = String(v).split('-');
      add(s.by === 'year' ? y : s.by === 'month' ? `${y}-${m}` : `${y}-Q${Math.ceil(Number(m) / 3)}`);
    }
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}
const byKey = (a: { key: string | null }, b: { key: string | null }) => String(a.key).localeCompare(String(b.key));

describe('aggregate', () => {
  it.each(ENTITY_KINDS.map((k) => [k]))('%s: count and every groupBy equal the raw figures', async (kind) => {
    const fields = groupFields(kind);
    const selection = ['count', ...fields.map((f) => `${f.name}: groupBy(field: ${f.name}) { key count }`)].join(' ');
    const conn = KINDS[kind].connection;
    const { body } = await gql<Record<string, { totalCount: number; aggregate: Record<string, unknown> }>>(
      server.url,
      `{ ${conn}(first: 0) { totalCount aggregate { ${selection} } } }`,
    );
    expect(body.errors).toBeUndefined();
    const nodes = await rawNodes(kind);
    const { aggregate, totalCount } = body.data![conn];
    expect(aggregate.count).toBe(nodes.length);
    expect(totalCount).toBe(nodes.length);
    for (const f of fields) {
      const got = aggregate[f.name] as { key: string | null; count: number }[];
      expect([...got].sort(byKey)).toEqual(expectedCounts(nodes, f).sort(byKey));
      // the null group, if any, comes last
      const nullAt = got.findIndex((g) => g.key === null);
      expect(nullAt === -1 || nullAt === got.length - 1).toBe(true);
    }
  });

  it('groups follow the connection filter, and dates list in calendar order', async () => {
    const { body } = await gql<{ investments: { aggregate: { count: number; QUARTER: { key: string | null }[]; CURRENCY: { key: string; count: number }[] } } }>(
      server.url,
      `{ investments(filter: { status: [COMPLETED] }) { aggregate { count QUARTER: groupBy(field: QUARTER) { key } CURRENCY: groupBy(field: CURRENCY) { key count } } } }`,
    );
    const nodes = (await rawNodes('INVESTMENT')).filter((n) => n.props.status === 'COMPLETED');
    const agg = body.data!.investments.aggregate;
    expect(agg.count).toBe(nodes.length);
    expect([...agg.CURRENCY].sort(byKey)).toEqual(expectedCounts(nodes, groupFields('INVESTMENT').find((f) => f.name === 'CURRENCY')!).sort(byKey));
    const quarters = agg.QUARTER.map((q) => q.key).filter((k) => k !== null);
    expect(quarters).toEqual([...quarters].sort());
    expect(quarters).toContain('2024-Q1');
  });

  it('stats: investment amounts per currency and metric values per kind and unit', async () => {
    const { body } = await gql<{
      investments: { aggregate: { stats: { group: { field: string; value: string }[]; count: number; sum: number; min: number; max: number; avg: number }[] } };
      metrics: { aggregate: { stats: { group: { field: string; value: string }[]; count: number; sum: number }[] } };
    }>(
      server.url,
      `{ investments { aggregate { stats(field: AMOUNT) { group { field value } count sum min max avg } } }
         metrics { aggregate { stats(field: VALUE) { group { field value } count sum } } } }`,
    );
    expect(body.errors).toBeUndefined();
    for (const [kind, measure] of [['INVESTMENT', 'AMOUNT'], ['METRIC', 'VALUE']] as const) {
      const m = measures(kind).find((x) => x.name === measure)!;
      const groups = new Map<string, number[]>();
      for (const n of await rawNodes(kind)) {
        const v = n.props[m.field];
        if (typeof v !== 'number') continue;
        const key = JSON.stringify(m.per.map((p) => n.props[p] ?? null));
        groups.set(key, [...(groups.get(key) ?? []), v]);
      }
      const got: { group: { field: string; value: string }[]; count: number; sum: number; min?: number; max?: number }[] =
        kind === 'INVESTMENT' ? body.data!.investments.aggregate.stats : body.data!.metrics.aggregate.stats;
      expect(got).toHaveLength(groups.size);
      for (const g of got) {
        expect(g.group.map((x) => x.field)).toEqual(m.per);
        const values = groups.get(JSON.stringify(g.group.map((x) => x.value)))!;
        expect(g.count).toBe(values.length);
        expect(g.sum).toBeCloseTo(values.reduce((s, v) => s + v, 0), 6);
        if (g.min !== undefined) expect([g.min, g.max]).toEqual([Math.min(...values), Math.max(...values)]);
      }
    }
    const krw = body.data!.investments.aggregate.stats.find((s) => s.group[0].value === 'KRW');
    expect(krw).toMatchObject({ count: 2, sum: 7_500_000_000, avg: 3_750_000_000 });
  });

  it('count and stats of each metric kind (read from the covering index) equal the raw figures, incomplete metrics included', async () => {
    const m = measures('METRIC')[0];
    const nodes = await rawNodes('METRIC');
    const kinds = [...new Set(nodes.map((n) => n.props.metricKind).filter((k): k is string => typeof k === 'string'))];
    expect(kinds).toContain('MARKET_SHARE');
    for (const kind of kinds) {
      const { body } = await gql<{ metrics: { aggregate: { count: number; stats: { group: { field: string; value: string | null }[]; count: number; sum: number; min: number; max: number }[] } } }>(
        server.url,
        `query($k: [MetricKind!]) { metrics(first: 0, filter: { metricKind: $k }) { aggregate { count stats(field: VALUE) { group { field value } count sum min max } } } }`,
        { k: [kind] },
      );
      expect(body.errors).toBeUndefined();
      const matched = nodes.filter((n) => n.props.metricKind === kind);
      const groups = new Map<string, number[]>();
      for (const n of matched) {
        if (typeof n.props.value !== 'number') continue;
        const key = JSON.stringify(m.per.map((p) => n.props[p] ?? null));
        groups.set(key, [...(groups.get(key) ?? []), n.props.value]);
      }
      const { count, stats } = body.data!.metrics.aggregate;
      expect(count).toBe(matched.length);
      // groups in unit order (code points, as Cypher compares strings), the unit-less group last
      const units = stats.map((g) => g.group[1].value);
      const expectedUnits = [...groups.keys()].map((k) => (JSON.parse(k) as (string | null)[])[1]);
      expect(units).toEqual(expectedUnits.sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)));
      for (const g of stats) {
        const values = groups.get(JSON.stringify(g.group.map((x) => x.value)))!;
        expect([g.count, g.min, g.max]).toEqual([values.length, Math.min(...values), Math.max(...values)]);
        expect(g.sum).toBeCloseTo(values.reduce((a, v) => a + v, 0), 6);
      }
    }
    // the incomplete metrics are counted, and the one with a value but no unit has its own group
    const share = await gql<{ metrics: { aggregate: { count: number; stats: { group: { value: string | null }[]; sum: number }[] } } }>(
      server.url,
      '{ metrics(first: 0, filter: { metricKind: [MARKET_SHARE] }) { aggregate { count stats(field: VALUE) { group { value } sum } } } }',
    );
    const unitless = share.body.data!.metrics.aggregate.stats.find((g) => g.group[1].value === null);
    expect(unitless?.sum).toBe(12.5);
  });

  it('count, groupBy and stats selected together: one round trip, the figures each gives alone', async () => {
    const post = async (selection: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ investments(first: 0, filter: { status: [COMPLETED, ANNOUNCED] }) { aggregate { ${selection} } } }` }),
      });
      const body = (await res.json()) as { data?: { investments: { aggregate: Record<string, unknown> } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return { figures: body.data!.investments.aggregate, dbQueries: Number(res.headers.get('x-db-queries')) };
    };
    const parts = {
      count: 'count',
      YEAR: 'YEAR: groupBy(field: YEAR) { key count }',
      CURRENCY: 'CURRENCY: groupBy(field: CURRENCY) { key count }',
      stats: 'stats(field: AMOUNT) { group { field value } count sum min max avg }',
    };
    const together = await post(`${Object.values(parts).join(' ')} again: count`);
    expect(together.dbQueries).toBe(1);
    for (const [name, selection] of Object.entries(parts)) {
      const alone = await post(selection);
      expect(alone.dbQueries).toBe(1);
      expect(together.figures[name]).toEqual(alone.figures[name]);
    }
    expect(together.figures.again).toBe(together.figures.count);
    // the count beside one other figure shares its aggregation: the same figures as each alone
    for (const other of ['YEAR', 'CURRENCY', 'stats'] as const) {
      const pair = await post(`${parts[other]} count`);
      expect(pair.figures).toEqual({ [other]: together.figures[other], count: together.figures.count });
    }
  });

  it('bad input: unknown group field, stats of a kind without numbers, aggregate on timeline', async () => {
    const unknown = await gql(server.url, '{ companies { aggregate { groupBy(field: STATUS) { key } } } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.body.errors?.[0].message).toContain('CompanyGroupField');
    const notNumeric = await gql(server.url, '{ companies { aggregate { stats(field: COUNTRY) { sum } } } }');
    expect(notNumeric.status).toBe(400);
    expect(notNumeric.body.errors?.[0].message).toContain('Cannot query field "stats" on type "CompanyAggregate"');
    const timeline = await gql<{ timeline: { aggregate: null } }>(server.url, '{ timeline(first: 1) { aggregate { count } } }');
    expect(timeline.body.data?.timeline.aggregate).toBeNull();
  });
});

describe('orderings by relationship counts', () => {
  const PAGE = `query($after: String, $field: EntityOrderField!) {
    companies(first: 4, after: $after, orderBy: { field: $field, direction: DESC }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

  async function allPages(field: string): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: { body: { data?: { companies: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } } =
        await gql(server.url, PAGE, { after, field });
      const page = res.body.data!.companies;
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it.each([
    ['DEGREE', "type(r) <> 'REPORTED_IN'"],
    ['PARTNERSHIPS', "type(r) = 'PARTY_TO'"],
  ])('%s DESC pages with keyset cursors in the order a direct Cypher count gives', async (field, where) => {
    const rows = await server.db.read({
      name: 'test/count-order',
      text: `MATCH (n:Company) RETURN n.id AS id, COUNT { (n)-[r]-() WHERE ${where} } AS c ORDER BY c DESC, id DESC`,
    });
    expect(await allPages(field)).toEqual(rows.map((r) => r.get('id') as string));
  });

  it('refuses a cursor of another ordering', async () => {
    const byName = await gql<{ companies: { pageInfo: { endCursor: string } } }>(server.url, '{ companies(first: 1) { pageInfo { endCursor } } }');
    const { body } = await gql(server.url, PAGE, { after: byName.body.data!.companies.pageInfo.endCursor, field: 'DEGREE' });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
