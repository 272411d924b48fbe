import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';
import { Importer } from '../../src/write/importer';

const svc = useSeededServer();

const seed = JSON.parse(readFileSync(join(__dirname, '../../data/seed/000_b2d2384472f2fb10.json'), 'utf8')) as {
  entities: { id: string; kind: string; name: string; properties?: Record<string, unknown> }[];
};

interface Page {
  totalCount?: number;
  edges: { cursor: string; node: { id: string; name: string; date?: string | null } }[];
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function page(field: string, args: string, vars: Record<string, unknown> = {}, extra = '') {
  const res = await gql<Record<string, Page>>(
    svc.url,
    `query($after: String) { c: ${field}(after: $after${args ? `, ${args}` : ''}) { totalCount edges { cursor node { id name ${extra} } } nodes { id } pageInfo { hasNextPage endCursor } } }`,
    vars,
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.c;
}

/** Follows endCursor until the last page; returns every id in order. */
async function walk(field: string, args: string, extra = ''): Promise<{ ids: string[]; rows: Page['edges'][number]['node'][]; pages: number }> {
  const rows: Page['edges'][number]['node'][] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const p: Page = await page(field, args, { after }, extra);
    pages += 1;
    rows.push(...p.edges.map((e) => e.node));
    expect(p.nodes.map((n) => n.id)).toEqual(p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
    if (pages > 50) throw new Error('paging does not end');
  }
  return { ids: rows.map((r) => r.id), rows, pages };
}

const seedOf = (kind: string) => seed.entities.filter((e) => e.kind === kind);

describe('root connections', () => {
  it.each([
    ['companies', 'COMPANY'],
    ['governments', 'GOVERNMENT'],
    ['organizations', 'ORGANIZATION'],
    ['people', 'PERSON'],
    ['products', 'PRODUCT'],
    ['partnerships', 'PARTNERSHIP'],
    ['investments', 'INVESTMENT'],
    ['policies', 'POLICY'],
    ['events', 'EVENT'],
    ['metrics', 'METRIC'],
    ['places', 'PLACE'],
    ['sectors', 'SECTOR'],
  ])('%s lists every %s of the seed, by name, with totalCount', async (field, kind) => {
    const p = await page(field, 'first: 100');
    const expected = seedOf(kind)
      .map((e) => ({ id: e.id, name: e.name }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    expect(p.totalCount).toBe(expected.length);
    expect(p.edges.map((e) => e.node.id)).toEqual(expected.map((e) => e.id));
    expect(p.pageInfo.hasNextPage).toBe(false);
  });

  it('sources lists the newsletter issue', async () => {
    const p = await page('sources', '');
    expect(p.nodes.map((n) => n.id)).toEqual(['source:china-ai-weekly-b2d2384472f2fb10']);
  });

  it('pages through companies with keyset cursors: no repeats, no gaps, same order as one big page', async () => {
    const all = await page('companies', 'first: 100');
    const walked = await walk('companies', 'first: 3');
    expect(walked.ids).toEqual(all.edges.map((e) => e.node.id));
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    expect(walked.pages).toBe(Math.ceil(all.totalCount! / 3));
  });

  it.each([
    ['NAME', 'DESC'],
    ['DATE', 'ASC'],
    ['DATE', 'DESC'],
    ['CREATED_AT', 'ASC'],
  ])('pages events ordered by %s %s, ties broken by id, across pages', async (field, direction) => {
    const all = await page('events', `first: 100, orderBy: {field: ${field}, direction: ${direction}}`, {}, 'date');
    const walked = await walk('events', `first: 4, orderBy: {field: ${field}, direction: ${direction}}`, 'date');
    expect(walked.ids).toEqual(all.edges.map((e) => e.node.id));
    expect(walked.ids).toHaveLength(seedOf('EVENT').length);
    if (field === 'DATE') {
      // undated events sort as the earliest date
      const key = (r: { date?: string | null; id: string }) => `${r.date ?? '0001-01-01'}|${r.id}`;
      const keys = walked.rows.map(key);
      const sorted = [...keys].sort();
      expect(keys).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    }
    if (field === 'NAME') {
      const names = walked.rows.map((r) => r.name);
      expect(names).toEqual([...names].sort().reverse());
    }
  });

  it('filters by name in any language and alias, case-insensitively', async () => {
    for (const name of ['alibaba', 'ALIBABA', '알리바바', '阿里巴巴']) {
      const p = await page('companies', 'filter: {name: $name}'.replace('$name', JSON.stringify(name)));
      expect(p.nodes.map((n) => n.id)).toEqual(['company:alibaba']);
      expect(p.totalCount).toBe(1);
    }
    const pony = await page('companies', 'filter: {name: "pony.ai"}');
    expect(pony.nodes.map((n) => n.id)).toEqual(['company:pony-ai']);
  });

  it('filters by ids, country and sector', async () => {
    const byIds = await page('companies', 'filter: {ids: ["company:baidu", "company:apple", "place:china"]}');
    expect(byIds.nodes.map((n) => n.id)).toEqual(['company:apple', 'company:baidu']);
    const us = await page('companies', 'first: 100, filter: {country: "us"}');
    const expectedUs = seedOf('COMPANY').filter((e) => e.properties?.country === 'US').map((e) => e.id).sort();
    expect(us.nodes.map((n) => n.id).sort()).toEqual(expectedUs);
    expect(us.totalCount).toBe(expectedUs.length);
    const robotaxi = await page('companies', 'first: 100, filter: {sector: "sector:robotaxi"}');
    expect(robotaxi.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['company:pony-ai', 'company:weride']));
    expect(robotaxi.nodes.map((n) => n.id)).not.toContain('company:alibaba');
  });

  it('filters facts by their kind-specific enums', async () => {
    const moves = await page('events', 'first: 100, filter: {eventType: [STOCK_MOVE]}');
    expect(moves.nodes.map((n) => n.id).sort()).toEqual(['event:alibaba-stock-move', 'event:baidu-stock-move', 'event:horizon-robotics-stock-move', 'event:robosense-stock-move']);
    const drafts = await page('policies', 'filter: {status: [DRAFT]}');
    expect(drafts.nodes.map((n) => n.id)).toEqual(['policy:hangzhou-ai-industry-action-plan']);
    const rounds = await page('investments', 'filter: {investmentType: [FUNDING_ROUND]}');
    expect(rounds.nodes.map((n) => n.id)).toEqual(['investment:x-square-robot-series-a-plus']);
    const restrictions = await page('policies', 'filter: {policyType: [USAGE_RESTRICTION]}');
    expect(restrictions.nodes.map((n) => n.id)).toEqual(['policy:anthropic-claude-ownership-restriction']);
    const perf = await page('metrics', 'filter: {metricKind: [PERFORMANCE_CHANGE]}');
    expect(perf.totalCount).toBe(3);
    const supply = await page('partnerships', 'filter: {partnershipType: [SUPPLY]}');
    expect(supply.nodes.map((n) => n.id)).toEqual(['partnership:astribot-seer-humanoid-supply']);
  });

  it('filters by a date range on the kind’s date and by participant', async () => {
    const inRange = await page('events', 'first: 100, filter: {dateFrom: "2025-09-09", dateTo: "2025-12-31"}', {}, 'date');
    const expected = seedOf('EVENT').filter((e) => typeof e.properties?.date === 'string' && e.properties.date >= '2025-09-09' && e.properties.date <= '2025-12-31');
    expect(inRange.nodes.map((n) => n.id).sort()).toEqual(expected.map((e) => e.id).sort());
    const released = await page('products', 'filter: {dateFrom: "2025-09-06"}');
    expect(released.nodes.map((n) => n.id)).toEqual(['product:wenxin-x1-1']);
    const baidu = await page('events', 'first: 100, filter: {participant: "company:baidu"}');
    expect(baidu.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['event:baidu-stock-move', 'event:wenxin-x1-1-launch']));
    const baiduDeals = await page('partnerships', 'filter: {participant: "company:baidu"}');
    expect(baiduDeals.nodes.map((n) => n.id)).toEqual(['partnership:apple-intelligence-china']);
    const combined = await page('events', 'filter: {participant: "company:baidu", eventType: [STOCK_MOVE]}');
    expect(combined.nodes.map((n) => n.id)).toEqual(['event:baidu-stock-move']);
    expect(combined.totalCount).toBe(1);
  });

  it('first: 0 returns no edges but still counts', async () => {
    const p = await page('companies', 'first: 0');
    expect(p.edges).toEqual([]);
    expect(p.totalCount).toBe(seedOf('COMPANY').length);
  });

  it('rejects a page size over 100 naming `first`, and a malformed or foreign cursor naming `after`', async () => {
    const big = await gql(svc.url, '{ companies(first: 101) { totalCount } }');
    expect(big.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const after of ['not-a-cursor', Buffer.from('["NAME"]').toString('base64url'), Buffer.from('["DATE","yesterday","event:x"]').toString('base64url')]) {
      const bad = await gql(svc.url, 'query($a: String) { events(after: $a, orderBy: {field: DATE}) { totalCount } }', { a: after });
      expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const byName = await page('companies', 'first: 1');
    const foreign = await gql(svc.url, 'query($a: String) { companies(after: $a, orderBy: {field: CREATED_AT}) { totalCount } }', { a: byName.pageInfo.endCursor });
    expect(foreign.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('rejects an inverted date range naming filter.dateTo and a bad country naming filter.country', async () => {
    const range = await gql(svc.url, '{ events(filter: {dateFrom: "2025-10-01", dateTo: "2025-09-01"}) { totalCount } }');
    expect(range.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.dateTo' });
    const country = await gql(svc.url, '{ companies(filter: {country: "China"}) { totalCount } }');
    expect(country.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.country' });
  });
});

describe('no N+1: nested relationship fields are batched', () => {
  const nested = `query($n: Int) { companies(first: $n) { nodes { id name
      partnerships(first: 5) { role partnership { id parties(first: 5) { role entity { id names { lang value } } } } }
      products(first: 5) { id makers(first: 3) { id } }
      headquarters { id name }
  } } }`;

  async function dbQueries(n: number): Promise<{ count: number; companies: number }> {
    const res = await fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: nested, variables: { n } }),
    });
    const body = (await res.json()) as { data?: { companies: { nodes: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return { count: Number(res.headers.get('x-db-queries')), companies: body.data!.companies.nodes.length };
  }

  it('companies → partnerships → parties → entity → names costs the same few round trips for 1, 4 or all companies', async () => {
    const one = await dbQueries(1);
    const four = await dbQueries(4);
    const all = await dbQueries(20);
    expect([one.companies, four.companies, all.companies]).toEqual([1, 4, seedOf('COMPANY').length]);
    // the page and every level nested under it come back in the page's one statement
    expect(one.count).toBe(1);
    expect(all.count).toBe(one.count);
    expect(four.count).toBe(one.count);
  });

  it('counts totalCount only when it is asked for', async () => {
    const plain = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ companies { nodes { id } } }' }) });
    const counted = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ companies { totalCount nodes { id } } }' }) });
    expect(Number(plain.headers.get('x-db-queries'))).toBe(1);
    expect(Number(counted.headers.get('x-db-queries'))).toBe(2);
  });
});

// Last in the file: it adds companies the tests above do not expect. Names repeat, so pages end in
// the middle of a run of equal names and the next page must continue by id.
describe('keyset paging by NAME across runs of equal names', () => {
  const tied = [
    ...['d', 'a', 'e', 'c', 'b'].map((s) => ({ id: `company:tie-robotics-${s}`, name: 'Tie Robotics', country: 'KR' })),
    { id: 'company:tie-robotics-us', name: 'Tie Robotics', country: 'US' },
    { id: 'company:tie-alpha-2', name: 'Tie Alpha', country: 'KR' },
    { id: 'company:tie-alpha-1', name: 'Tie Alpha', country: 'KR' },
    { id: 'company:tie-korean-2', name: '타이 로보틱스', country: 'KR' },
    { id: 'company:tie-korean-1', name: '타이 로보틱스', country: 'KR' },
    { id: 'company:tie-zulu', name: 'Tie Zulu', country: 'KR' },
  ];
  const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

  beforeAll(async () => {
    const doc = {
      source: {
        id: 'source:connection-ties',
        name: 'Connection ties',
        names: [{ lang: 'en', value: 'Connection ties' }],
        properties: { issued: '2025-09-08', lang: 'en', title: 'Connection ties', sections: [{ id: 'main', title: 'Main' }] },
      },
      entities: tied.map((c) => ({
        id: c.id,
        kind: 'COMPANY',
        name: c.name,
        names: [{ lang: 'en', value: c.name }],
        properties: { country: c.country },
        provenance: [{ section: 'main', sentence: `${c.name}.`, basis: 'REPORTED' }],
      })),
      relationships: [],
    };
    await new Importer(svc.db).importDocument(doc, 'connection-ties.json', { actor: 'test', resolveByName: false });
  });

  it.each(['ASC', 'DESC'])('a country’s companies %s, two per page: every one once, by name then id', async (direction) => {
    const expected = tied.filter((c) => c.country === 'KR').sort(byNameThenId).map((c) => c.id);
    if (direction === 'DESC') expected.reverse();
    const walked = await walk('companies', `first: 2, filter: {country: "KR"}, orderBy: {field: NAME, direction: ${direction}}`);
    expect(walked.ids).toEqual(expected);
    expect(walked.pages).toBe(Math.ceil(expected.length / 2));
  });

  it.each(['ASC', 'DESC'])('all companies %s, three per page: the same rows and order as one big page', async (direction) => {
    const all = await page('companies', `first: 100, orderBy: {field: NAME, direction: ${direction}}`);
    const expected = all.edges.map((e) => e.node).sort(byNameThenId).map((n) => n.id);
    if (direction === 'DESC') expected.reverse();
    expect(all.edges.map((e) => e.node.id)).toEqual(expected);
    expect(all.totalCount).toBe(seedOf('COMPANY').length + tied.length);
    const walked = await walk('companies', `first: 3, orderBy: {field: NAME, direction: ${direction}}`);
    expect(walked.ids).toEqual(expected);
  });
});
